import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client';
import {
  SERVER_EVENTS,
  type NotificationDeletedPayload,
  type NotificationPayload,
  type NotificationUpdatedPayload,
} from '@bellhop/contract';
import {
  DELETE_NOTIFICATION,
  MARK_ALL_AS_READ,
  MARK_AS_READ,
  MARK_AS_UNREAD,
  NOTIFICATIONS_QUERY,
  UNREAD_COUNT_QUERY,
} from '../graphql/notifications';
import type { RealtimeSocket } from '../realtime/socket';
import { errorMessage } from '../lib/errorMessage';
import { fromGraphQL, fromSocket, socketToCache, type AppNotification } from './model';
import {
  addNotification,
  markReadUpTo,
  removeNotifications,
  setReadState,
  setUnreadCount,
  type ChangeResult,
} from './cacheUpdates';

export const PAGE_SIZE = 20;
// Events come in bursts (a COPY of many leads); one count query settles them all.
const RECONCILE_DELAY_MS = 250;

export type NotificationListener = (notification: AppNotification) => void;

export interface NotificationsApi {
  /** Newest first. */
  items: AppNotification[];
  unreadCount: number;
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): Promise<void>;
  refresh(): Promise<void>;
  markRead(id: string): Promise<void>;
  markUnread(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  markAllRead(): Promise<void>;
  /** Called for each notification that arrives live (not for history). */
  subscribe(listener: NotificationListener): () => void;
}

/**
 * Keeps the notification list and unread count in step with the server: GraphQL for
 * history and actions, socket events for everything that happens afterwards, and a
 * full refetch on every (re)connect so nothing sent while disconnected is missed.
 */
export function useNotifications(socket: RealtimeSocket | null): NotificationsApi {
  const client = useApolloClient();
  const list = useQuery(NOTIFICATIONS_QUERY, { variables: { first: PAGE_SIZE, offset: 0 } });
  const count = useQuery(UNREAD_COUNT_QUERY);

  const items = useMemo(() => (list.data?.getNotifications ?? []).map(fromGraphQL), [list.data]);
  const [moreOnServer, setMoreOnServer] = useState<boolean | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const latest = useRef({ items, list, count });
  latest.current = { items, list, count };
  const listeners = useRef(new Set<NotificationListener>());
  const reconcileTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (moreOnServer === null && list.data) setMoreOnServer((list.data.getNotifications ?? []).length >= PAGE_SIZE);
  }, [list.data, moreOnServer]);

  useEffect(() => () => clearTimeout(reconcileTimer.current), []);

  const reconcileCount = useCallback(() => {
    clearTimeout(reconcileTimer.current);
    reconcileTimer.current = setTimeout(() => {
      latest.current.count.refetch().catch(() => undefined);
    }, RECONCILE_DELAY_MS);
  }, []);

  const afterChange = useCallback(
    (result: ChangeResult) => {
      if (result.unknownIds) reconcileCount();
    },
    [reconcileCount],
  );

  const refresh = useCallback(async () => {
    const { list: current, count: unread, items: loaded } = latest.current;
    // Reload as much as was on screen, so a reconnect does not shrink the list.
    const first = Math.max(PAGE_SIZE, loaded.length);
    try {
      const [result] = await Promise.all([current.refetch({ first, offset: 0 }), unread.refetch()]);
      setMoreOnServer((result.data.getNotifications ?? []).length >= first);
    } catch {
      // The query's own error state shows the problem; the next reconnect tries again.
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (loadingMore) return;
    setLoadingMore(true);
    try {
      const result = await latest.current.list.fetchMore({
        variables: { first: PAGE_SIZE, offset: latest.current.items.length },
      });
      setMoreOnServer((result.data.getNotifications ?? []).length >= PAGE_SIZE);
    } finally {
      setLoadingMore(false);
    }
  }, [loadingMore]);

  useEffect(() => {
    if (!socket) return;
    const onCreated = (payload: NotificationPayload) => {
      addNotification(client.cache, socketToCache(payload));
      reconcileCount();
      const notification = fromSocket(payload);
      for (const listener of listeners.current) listener(notification);
    };
    const onUpdated = (update: NotificationUpdatedPayload) => {
      if (update.kind === 'all_read') {
        // Show it at once, then reload: the server's cut-off is by insertion order, which
        // can differ from createdAt order for rows written by overlapping transactions.
        if (update.upToCreatedAt !== null) markReadUpTo(client.cache, update.upToCreatedAt);
        void refresh();
      } else {
        afterChange(setReadState(client.cache, update.ids, update.kind === 'read'));
      }
    };
    const onDeleted = ({ ids }: NotificationDeletedPayload) => afterChange(removeNotifications(client.cache, ids));
    const onConnect = () => void refresh();

    socket.on(SERVER_EVENTS.created, onCreated);
    socket.on(SERVER_EVENTS.updated, onUpdated);
    socket.on(SERVER_EVENTS.deleted, onDeleted);
    socket.on('connect', onConnect);
    return () => {
      socket.off(SERVER_EVENTS.created, onCreated);
      socket.off(SERVER_EVENTS.updated, onUpdated);
      socket.off(SERVER_EVENTS.deleted, onDeleted);
      socket.off('connect', onConnect);
    };
  }, [socket, client, refresh, reconcileCount, afterChange]);

  // One request at a time per notification: a read and an unread in flight together may
  // commit in either order, and the last click must be the one that sticks.
  const queues = useRef(new Map<string, Promise<unknown>>());
  const inOrder = useCallback(<T>(id: string, send: () => Promise<T>): Promise<T> => {
    const run = (queues.current.get(id) ?? Promise.resolve()).catch(() => undefined).then(send);
    queues.current.set(id, run);
    const forget = () => {
      if (queues.current.get(id) === run) queues.current.delete(id);
    };
    run.then(forget, forget);
    return run;
  }, []);

  // Actions change the cache first, so the UI answers at once, and undo on failure.
  // Their results are not written back ('no-cache'): that would set isRead behind the
  // unread count's back, and a late result could undo a newer click or socket event.
  const markRead = useCallback(
    async (id: string) => {
      afterChange(setReadState(client.cache, [id], true));
      try {
        await inOrder(id, () => client.mutate({ mutation: MARK_AS_READ, variables: { id }, fetchPolicy: 'no-cache' }));
      } catch (err) {
        setReadState(client.cache, [id], false);
        throw err;
      }
    },
    [client, afterChange, inOrder],
  );

  const markUnread = useCallback(
    async (id: string) => {
      afterChange(setReadState(client.cache, [id], false));
      try {
        await inOrder(id, () => client.mutate({ mutation: MARK_AS_UNREAD, variables: { id }, fetchPolicy: 'no-cache' }));
      } catch (err) {
        setReadState(client.cache, [id], true);
        throw err;
      }
    },
    [client, afterChange, inOrder],
  );

  const remove = useCallback(
    async (id: string) => {
      afterChange(removeNotifications(client.cache, [id]));
      try {
        await inOrder(id, () => client.mutate({ mutation: DELETE_NOTIFICATION, variables: { id } }));
      } catch (err) {
        await refresh();
        throw err;
      }
    },
    [client, afterChange, refresh, inOrder],
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

  const subscribe = useCallback((listener: NotificationListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const firstError = list.error ?? count.error;
  return {
    items,
    unreadCount: count.data?.getUnreadCount ?? 0,
    loading: list.loading && !list.data,
    error: firstError ? errorMessage(firstError) : null,
    hasMore: (moreOnServer ?? false) && items.length > 0,
    loadingMore,
    loadMore,
    refresh,
    markRead,
    markUnread,
    remove,
    markAllRead,
    subscribe,
  };
}
