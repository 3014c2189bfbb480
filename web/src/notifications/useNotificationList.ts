import { useCallback, useMemo, useRef, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client';
import { errorMessage } from '../lib/errorMessage';
import { useDebounced } from '../lib/useDebounced';
import { NOTIFICATIONS_QUERY, UNREAD_COUNT_QUERY } from '../operations/notifications';
import { filterKey, keyFromStoreFieldName } from './listFilter';
import { toNotification, type Notification } from './model';

export const PAGE_SIZE = 20;
/** The API's most rows per list field; a refresh reloads at most this many. */
export const MAX_FIRST = 100;
// Events come in bursts (a COPY of many leads); one count query settles them all.
const RECONCILE_DELAY_MS = 250;

/** What the notification center shows: a tab ("For me" or "All") and a type, or every type. */
export interface NotificationView {
  forMe: boolean;
  type: string | null;
}

export const DEFAULT_VIEW: NotificationView = { forMe: false, type: null };

export function viewVariables(view: NotificationView) {
  return { forMe: view.forMe ? true : null, types: view.type ? [view.type] : null };
}

export interface NotificationList {
  /** Newest first, for the current view. */
  items: Notification[];
  /** Every unread notification of the user, whatever the view. */
  unreadCount: number;
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): Promise<void>;
  /** Reloads the list on screen and the count; never rejects, the error shows in `error`. */
  refresh(): Promise<void>;
  /** Asks the server for the unread count shortly; calls close together share one request. */
  reconcileCount(): void;
  /** Lists (by filterKey) that dropped old items to stay bounded, so the server has more of them. */
  noteTrimmed(keys: readonly string[]): void;
}

/** The notification history of one view and the unread count, as GraphQL serves them, paged. */
export function useNotificationList(view: NotificationView = DEFAULT_VIEW): NotificationList {
  const client = useApolloClient();
  const filter = useMemo(() => viewVariables(view), [view]);
  const key = filterKey(filter);
  const list = useQuery(NOTIFICATIONS_QUERY, { variables: { first: PAGE_SIZE, offset: 0, ...filter } });
  const count = useQuery(UNREAD_COUNT_QUERY);
  const items = useMemo(() => (list.data?.getNotifications ?? []).map(toNotification), [list.data]);
  // Per list: whether the server has more than is loaded. Unknown until a page says so.
  const [moreOnServer, setMoreOnServer] = useState<Record<string, boolean>>({});
  const [loadingMore, setLoadingMore] = useState(false);

  // The callbacks below stay stable (socket handlers depend on them) yet see the latest state.
  const latest = useRef({ items, list, count, key });
  latest.current = { items, list, count, key };

  const refetchCount = useCallback(() => void latest.current.count.refetch().catch(() => undefined), []);
  const reconcileCount = useDebounced(refetchCount, RECONCILE_DELAY_MS);

  const noteTrimmed = useCallback((keys: readonly string[]) => {
    setMoreOnServer((was) => ({ ...was, ...Object.fromEntries(keys.map((k) => [k, true])) }));
  }, []);

  const refresh = useCallback(async () => {
    const { list: current, count: unread, items: loaded, key: shown } = latest.current;
    // Other views' lists may have missed events while disconnected; they reload when shown.
    client.cache.modify({
      fields: { getNotifications: (value, { storeFieldName, DELETE }) => (keyFromStoreFieldName(storeFieldName) === shown ? value : DELETE) },
    });
    // Reload as much as was on screen (within the API's bound), so a reconnect does not shrink the list.
    const first = Math.min(MAX_FIRST, Math.max(PAGE_SIZE, loaded.length));
    try {
      const [result] = await Promise.all([current.refetch({ first, offset: 0 }), unread.refetch()]);
      setMoreOnServer({ [shown]: (result.data.getNotifications ?? []).length >= first });
    } catch {
      // The query's own error state shows the problem; the next reconnect tries again.
    }
  }, [client]);

  const loadMore = useCallback(async () => {
    if (loadingMore) return;
    setLoadingMore(true);
    const { list: current, items: loaded, key: shown } = latest.current;
    try {
      const result = await current.fetchMore({ variables: { first: PAGE_SIZE, offset: loaded.length } });
      setMoreOnServer((was) => ({ ...was, [shown]: (result.data.getNotifications ?? []).length >= PAGE_SIZE }));
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
    hasMore: (moreOnServer[key] ?? items.length >= PAGE_SIZE) && items.length > 0,
    loadingMore,
    loadMore,
    refresh,
    reconcileCount,
    noteTrimmed,
  };
}
