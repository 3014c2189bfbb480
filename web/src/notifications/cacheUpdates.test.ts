import type { InMemoryCache } from '@apollo/client';
import type { NotificationPayload } from '@bellhop/contract';
import { createCache } from '../apollo/cache';
import { NOTIFICATION_FIELDS, NOTIFICATIONS_QUERY, UNREAD_COUNT_QUERY } from '../operations/notifications';
import { markReadUpTo, removeNotifications, setReadState } from './cacheUpdates';
import { insertNotifications } from './liveInsert';

function entity(id: string, createdAt: string, isRead = false): NotificationPayload {
  return {
    id,
    type: 'lead_created',
    title: `Title ${id}`,
    message: `Message ${id}`,
    isRead,
    relatedLeadId: 1,
    recipientId: null,
    actorId: null,
    createdAt,
    updatedAt: createdAt,
  };
}

const stored = (n: NotificationPayload) => ({ __typename: 'Notification' as const, ...n, userByActorId: null });

function seed(items: NotificationPayload[], unread: number): InMemoryCache {
  const cache = createCache();
  cache.writeQuery({
    query: NOTIFICATIONS_QUERY,
    variables: { first: 20, offset: 0 },
    data: { getNotifications: items.map(stored) },
  });
  cache.writeQuery({ query: UNREAD_COUNT_QUERY, data: { getUnreadCount: unread } });
  return cache;
}

const list = (cache: InMemoryCache) =>
  cache.readQuery({ query: NOTIFICATIONS_QUERY, variables: { first: 20, offset: 0 } })?.getNotifications ?? [];
const count = (cache: InMemoryCache) => cache.readQuery({ query: UNREAD_COUNT_QUERY })?.getUnreadCount;

const T1 = '2025-10-23T12:00:00.000001+00:00';
const T2 = '2025-10-23T12:00:00.000002+00:00';
const T3 = '2025-10-23T12:00:00.000003+00:00';

describe('notification cache updates', () => {
  it('prepends a new notification and counts it once', () => {
    const cache = seed([entity('b', T2), entity('a', T1, true)], 1);
    expect(insertNotifications(cache, [entity('c', T3)], 20).added.map((n) => n.id)).toEqual(['c']);
    expect(insertNotifications(cache, [entity('c', T3)], 20).added).toEqual([]);
    expect(list(cache).map((n) => n.id)).toEqual(['c', 'b', 'a']);
    expect(count(cache)).toBe(2);
  });

  it('writes a socket payload in the cache shape', () => {
    const cache = seed([], 0);
    const payload = entity('c', T3);
    insertNotifications(cache, [payload], 20);
    const id = cache.identify({ __typename: 'Notification', id: 'c' });
    expect(cache.readFragment({ id, fragment: NOTIFICATION_FIELDS })).toEqual({ __typename: 'Notification', ...payload, userByActorId: null });
  });

  it('changes read state idempotently, so an echo of our own action is harmless', () => {
    const cache = seed([entity('b', T2), entity('a', T1, true)], 1);
    expect(setReadState(cache, ['b'], true)).toEqual({ unknownIds: false });
    expect(setReadState(cache, ['b'], true)).toEqual({ unknownIds: false });
    expect(count(cache)).toBe(0);
    setReadState(cache, ['a', 'b'], false);
    expect(count(cache)).toBe(2);
    expect(list(cache).map((n) => n.isRead)).toEqual([false, false]);
  });

  it('reports ids it does not know, since only the server can count those', () => {
    const cache = seed([entity('a', T1)], 5);
    expect(setReadState(cache, ['zzz'], true)).toEqual({ unknownIds: true });
    expect(count(cache)).toBe(5);
  });

  it('marks everything up to a timestamp as read', () => {
    const cache = seed([entity('c', T3), entity('b', T2), entity('a', T1)], 3);
    markReadUpTo(cache, T2);
    expect(list(cache).map((n) => [n.id, n.isRead])).toEqual([
      ['c', false],
      ['b', true],
      ['a', true],
    ]);
    expect(count(cache)).toBe(1);
  });

  it('removes deleted notifications and their unread count', () => {
    const cache = seed([entity('c', T3), entity('b', T2, true), entity('a', T1)], 2);
    removeNotifications(cache, ['a', 'b']);
    expect(list(cache).map((n) => n.id)).toEqual(['c']);
    expect(count(cache)).toBe(1);
    expect(removeNotifications(cache, ['a'])).toEqual({ unknownIds: true });
  });

  it('appends later pages without duplicates and replaces on a first page', () => {
    const cache = seed([entity('c', T3), entity('b', T2)], 0);
    cache.writeQuery({
      query: NOTIFICATIONS_QUERY,
      variables: { first: 20, offset: 2 },
      data: { getNotifications: [entity('b', T2), entity('a', T1)].map(stored) },
    });
    expect(list(cache).map((n) => n.id)).toEqual(['c', 'b', 'a']);
    cache.writeQuery({
      query: NOTIFICATIONS_QUERY,
      variables: { first: 20, offset: 0 },
      data: { getNotifications: [stored(entity('c', T3))] },
    });
    expect(list(cache).map((n) => n.id)).toEqual(['c']);
  });
});
