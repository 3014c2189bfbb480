import type { InMemoryCache } from '@apollo/client';
import type { NotificationPayload } from '@bellhop/contract';
import { createCache } from '../apollo/cache';
import { NOTIFICATIONS_QUERY, UNREAD_COUNT_QUERY } from '../operations/notifications';
import { filterKey } from './listFilter';
import { insertNotifications, listCap } from './liveInsert';

const ME = 'me-0000';
let clock = Date.parse('2025-10-23T12:00:00Z');

function payload(id: string, overrides: Partial<NotificationPayload> = {}): NotificationPayload {
  clock += 1;
  const at = new Date(clock).toISOString();
  return {
    id,
    type: 'lead_created',
    title: `Title ${id}`,
    message: `Message ${id}`,
    isRead: false,
    relatedLeadId: 1,
    recipientId: null,
    actorId: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

type Vars = { forMe?: boolean | null; types?: string[] | null };
const vars = (v: Vars) => ({ first: 20, offset: 0, forMe: v.forMe ?? null, types: v.types ?? null });

function seedList(cache: InMemoryCache, v: Vars, items: NotificationPayload[]): void {
  cache.writeQuery({
    query: NOTIFICATIONS_QUERY,
    variables: vars(v),
    data: { getNotifications: items.map((n) => ({ __typename: 'Notification' as const, ...n, userByActorId: null })) },
  });
}

const listIds = (cache: InMemoryCache, v: Vars) =>
  (cache.readQuery({ query: NOTIFICATIONS_QUERY, variables: vars(v) })?.getNotifications ?? []).map((n) => n.id);

describe('insertNotifications', () => {
  it('puts each notification only in the lists whose filter it matches', () => {
    const cache = createCache();
    seedList(cache, {}, []);
    seedList(cache, { forMe: true }, []);
    seedList(cache, { types: ['comment_added'] }, []);
    cache.writeQuery({ query: UNREAD_COUNT_QUERY, data: { getUnreadCount: 0 } });

    insertNotifications(
      cache,
      [payload('lead'), payload('mine', { type: 'lead_assigned', recipientId: ME }), payload('comment', { type: 'comment_added', recipientId: ME })],
      20,
    );

    expect(listIds(cache, {})).toEqual(['comment', 'mine', 'lead']);
    expect(listIds(cache, { forMe: true })).toEqual(['comment', 'mine']);
    expect(listIds(cache, { types: ['comment_added'] })).toEqual(['comment']);
    expect(cache.readQuery({ query: UNREAD_COUNT_QUERY })?.getUnreadCount).toBe(3);
  });

  it('keeps a list within its loaded pages and says that the server has more', () => {
    const cache = createCache();
    const loaded = Array.from({ length: 20 }, (_, i) => payload(`old${i}`)).reverse();
    seedList(cache, {}, loaded);
    const burst = Array.from({ length: 5_000 }, (_, i) => payload(`new${i}`));

    const { added, trimmed } = insertNotifications(cache, burst, 20);

    expect(added).toHaveLength(5_000);
    expect(added[0]!.id).toBe('new0');
    expect(trimmed).toEqual([filterKey({})]);
    const ids = listIds(cache, {});
    expect(ids).toHaveLength(20);
    expect(ids[0]).toBe('new4999');
    expect(ids[19]).toBe('new4980');
    // What fell off is no longer in memory either.
    expect(cache.identify({ __typename: 'Notification', id: 'old0' })).toBeDefined();
    expect(Object.keys(cache.extract()).filter((k) => k.startsWith('Notification:'))).toHaveLength(20);
  });

  it('grows a short list up to a full page without trimming', () => {
    const cache = createCache();
    seedList(cache, {}, [payload('a')]);
    const { trimmed } = insertNotifications(cache, [payload('b'), payload('c')], 20);
    expect(trimmed).toEqual([]);
    expect(listIds(cache, {})).toEqual(['c', 'b', 'a']);
  });

  it('bounds a list by whole pages', () => {
    expect(listCap(0, 20)).toBe(20);
    expect(listCap(20, 20)).toBe(20);
    expect(listCap(21, 20)).toBe(40);
  });
});
