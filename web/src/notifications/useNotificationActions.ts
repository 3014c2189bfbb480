import { useCallback, useState } from 'react';
import { useApolloClient } from '@apollo/client';
import { createKeyedQueue } from '../lib/keyedQueue';
import { DELETE_NOTIFICATION, MARK_ALL_AS_READ, MARK_AS_READ, MARK_AS_UNREAD } from '../operations/notifications';
import { markReadUpTo, removeNotifications, setReadState, setUnreadCount } from './cacheUpdates';
import type { NotificationList } from './useNotificationList';

export interface NotificationActions {
  /** Rejects with the server's error after undoing the change on screen. */
  setRead(id: string, read: boolean): Promise<void>;
  remove(id: string): Promise<void>;
  markAllRead(): Promise<void>;
}

/**
 * The user's own changes. Each changes the cache first, so the UI answers at once, and
 * undoes it on failure. Results are not written back ('no-cache'): that would set isRead
 * behind the unread count's back, and a late result could undo a newer click or socket event.
 */
export function useNotificationActions({
  refresh,
  reconcileCount,
}: Pick<NotificationList, 'refresh' | 'reconcileCount'>): NotificationActions {
  const client = useApolloClient();
  // One request at a time per notification: a read and an unread in flight together may
  // commit in either order, and the last click must be the one that sticks.
  const [inOrder] = useState(createKeyedQueue);

  const setRead = useCallback(
    async (id: string, read: boolean) => {
      if (setReadState(client.cache, [id], read).unknownIds) reconcileCount();
      const mutation = read ? MARK_AS_READ : MARK_AS_UNREAD;
      try {
        await inOrder(id, () => client.mutate({ mutation, variables: { id }, fetchPolicy: 'no-cache' }));
      } catch (err) {
        setReadState(client.cache, [id], !read);
        throw err;
      }
    },
    [client, reconcileCount, inOrder],
  );

  const remove = useCallback(
    async (id: string) => {
      if (removeNotifications(client.cache, [id]).unknownIds) reconcileCount();
      try {
        await inOrder(id, () => client.mutate({ mutation: DELETE_NOTIFICATION, variables: { id } }));
      } catch (err) {
        // The removed item cannot be put back from the cache; the server has it.
        await refresh();
        throw err;
      }
    },
    [client, reconcileCount, refresh, inOrder],
  );

  const markAllRead = useCallback(async () => {
    markReadUpTo(client.cache, null);
    setUnreadCount(client.cache, 0);
    try {
      await client.mutate({ mutation: MARK_ALL_AS_READ });
    } catch (err) {
      await refresh();
      throw err;
    }
  }, [client, refresh]);

  return { setRead, remove, markAllRead };
}
