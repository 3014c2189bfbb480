import type { ReactNode } from 'react';
import { NotificationsContext, type NotificationsApi } from '../notifications/NotificationsContext';
import { BUILT_IN_TYPE_OPTIONS } from '../notifications/types';
import { DEFAULT_VIEW } from '../notifications/useNotificationList';
import { EMPTY_LIST } from './fixtures';

/** A notification state with nothing in it, for pages that only listen to live notifications. */
export function StubNotifications({ children, api = {} }: { children: ReactNode; api?: Partial<NotificationsApi> }) {
  const value: NotificationsApi = {
    ...EMPTY_LIST,
    items: [],
    loadMore: async () => undefined,
    refresh: async () => undefined,
    setRead: async () => undefined,
    remove: async () => undefined,
    markAllRead: async () => undefined,
    subscribe: () => () => undefined,
    view: DEFAULT_VIEW,
    setView: () => undefined,
    preferences: { list: [], typeOptions: BUILT_IN_TYPE_OPTIONS, wantsToast: () => true, loading: false, error: undefined },
    ...api,
  };
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}
