import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@apollo/client';
import { errorMessage } from '../lib/errorMessage';
import { useDebounced } from '../lib/useDebounced';
import { NOTIFICATIONS_QUERY, UNREAD_COUNT_QUERY } from '../operations/notifications';
import { toNotification, type Notification } from './model';

export const PAGE_SIZE = 20;
// Events come in bursts (a COPY of many leads); one count query settles them all.
const RECONCILE_DELAY_MS = 250;

export interface NotificationList {
  /** Newest first. */
  items: Notification[];
  unreadCount: number;
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): Promise<void>;
  /** Reloads everything on screen and the count; never rejects, the error shows in `error`. */
  refresh(): Promise<void>;
  /** Asks the server for the unread count shortly; calls close together share one request. */
  reconcileCount(): void;
}

/** The notification history and unread count as GraphQL serves them, paged. */
export function useNotificationList(): NotificationList {
  const list = useQuery(NOTIFICATIONS_QUERY, { variables: { first: PAGE_SIZE, offset: 0 } });
  const count = useQuery(UNREAD_COUNT_QUERY);
  const items = useMemo(() => (list.data?.getNotifications ?? []).map(toNotification), [list.data]);
  const [moreOnServer, setMoreOnServer] = useState<boolean | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  // The callbacks below stay stable (socket handlers depend on them) yet see the latest state.
  const latest = useRef({ items, list, count });
  latest.current = { items, list, count };

  useEffect(() => {
    if (moreOnServer === null && list.data) setMoreOnServer((list.data.getNotifications ?? []).length >= PAGE_SIZE);
  }, [list.data, moreOnServer]);

  const refetchCount = useCallback(() => void latest.current.count.refetch().catch(() => undefined), []);
  const reconcileCount = useDebounced(refetchCount, RECONCILE_DELAY_MS);

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
    reconcileCount,
  };
}
