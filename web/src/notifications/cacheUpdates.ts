/**
 * Apply notification changes to the Apollo cache, whether they come from a socket event
 * or from this tab's own action. Each change is idempotent and moves the unread count
 * only when an item's state really changes, so a tab that acted and then receives the
 * echo of its own action does not count twice.
 */
import type { ApolloCache, Reference } from '@apollo/client';
import type { ModifierDetails } from '@apollo/client/cache';
import { NOTIFICATION_FIELDS, UNREAD_COUNT_QUERY } from '../operations/notifications';
import type { NotificationFieldsFragment } from '../gql/graphql';
import { compareTimestamps } from '../lib/timestamps';

export type Cache = ApolloCache<unknown>;

export interface ChangeResult {
  /** Some ids were not in the cache, so the unread count could not be adjusted exactly. */
  unknownIds: boolean;
}

export function cacheId(cache: Cache, id: string): string | undefined {
  return cache.identify({ __typename: 'Notification', id });
}

function readNotification(cache: Cache, id: string): NotificationFieldsFragment | null {
  const key = cacheId(cache, id);
  return key ? cache.readFragment({ id: key, fragment: NOTIFICATION_FIELDS }) : null;
}

/** Rewrites every stored getNotifications list (one per argument set, e.g. unreadOnly). */
export function modifyLists(
  cache: Cache,
  change: (list: readonly Reference[], details: ModifierDetails) => readonly Reference[],
): void {
  cache.modify({
    fields: {
      getNotifications(existing, details) {
        return Array.isArray(existing) ? change(existing as readonly Reference[], details) : existing;
      },
    },
  });
}

export function adjustUnreadCount(cache: Cache, delta: number): void {
  if (delta === 0) return;
  cache.updateQuery({ query: UNREAD_COUNT_QUERY }, (data) =>
    data ? { getUnreadCount: Math.max(0, (data.getUnreadCount ?? 0) + delta) } : undefined,
  );
}

export function setUnreadCount(cache: Cache, count: number): void {
  cache.writeQuery({ query: UNREAD_COUNT_QUERY, data: { getUnreadCount: count } });
}

export function setReadState(cache: Cache, ids: readonly string[], isRead: boolean): ChangeResult {
  let delta = 0;
  let unknownIds = false;
  for (const id of ids) {
    const current = readNotification(cache, id);
    if (!current) {
      unknownIds = true;
      continue;
    }
    if ((current.isRead ?? false) === isRead) continue;
    cache.modify({ id: cacheId(cache, id), fields: { isRead: () => isRead } });
    delta += isRead ? -1 : 1;
  }
  adjustUnreadCount(cache, delta);
  return { unknownIds };
}

export function loadedNotificationIds(cache: Cache): string[] {
  const ids = new Set<string>();
  modifyLists(cache, (list, { readField }) => {
    for (const item of list) {
      const id = readField<string>('id', item);
      if (id) ids.add(id);
    }
    return list;
  });
  return [...ids];
}

/** Everything created up to and including `upTo` is read (null: everything). */
export function markReadUpTo(cache: Cache, upTo: string | null): ChangeResult {
  const ids = loadedNotificationIds(cache).filter((id) => {
    if (upTo === null) return true;
    const n = readNotification(cache, id);
    return n !== null && compareTimestamps(n.createdAt, upTo) <= 0;
  });
  setReadState(cache, ids, true);
  // Older, unloaded items may have been unread too; only the server knows the new count.
  return { unknownIds: true };
}

export function removeNotifications(cache: Cache, ids: readonly string[]): ChangeResult {
  const gone = new Set(ids);
  let delta = 0;
  let unknownIds = false;
  for (const id of ids) {
    const current = readNotification(cache, id);
    if (!current) unknownIds = true;
    else if (!current.isRead) delta -= 1;
  }
  modifyLists(cache, (list, { readField }) => list.filter((item) => !gone.has(readField<string>('id', item) ?? '')));
  for (const id of ids) {
    const key = cacheId(cache, id);
    if (key) cache.evict({ id: key });
  }
  cache.gc();
  adjustUnreadCount(cache, delta);
  return { unknownIds };
}
