import { createContext, useContext, type ReactNode } from 'react';
import type { RealtimeSocket } from '../realtime/socket';
import { useNotificationActions, type NotificationActions } from './useNotificationActions';
import { useNotificationEvents, type NotificationEvents } from './useNotificationEvents';
import { useNotificationList, type NotificationList } from './useNotificationList';

/** What components see: the list, the user's actions and the live feed. */
export type NotificationsApi = Omit<NotificationList, 'reconcileCount'> & NotificationActions & NotificationEvents;

/** One list, one count and one set of socket listeners for the whole signed-in app. */
export const NotificationsContext = createContext<NotificationsApi | null>(null);

export function NotificationsProvider({ socket, children }: { socket: RealtimeSocket | null; children: ReactNode }) {
  const { reconcileCount, ...list } = useNotificationList();
  const sync = { refresh: list.refresh, reconcileCount };
  const events = useNotificationEvents(socket, sync);
  const actions = useNotificationActions(sync);
  const value: NotificationsApi = { ...list, ...actions, ...events };
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotificationsContext(): NotificationsApi {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error('useNotificationsContext must be used inside <NotificationsProvider>');
  return value;
}
