import { createContext, useContext, type ReactNode } from 'react';
import type { RealtimeSocket } from '../realtime/socket';
import { useNotifications, type NotificationsApi } from './useNotifications';

/** One list, one count and one set of socket listeners for the whole signed-in app. */
export const NotificationsContext = createContext<NotificationsApi | null>(null);

export function NotificationsProvider({ socket, children }: { socket: RealtimeSocket | null; children: ReactNode }) {
  const value = useNotifications(socket);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotificationsContext(): NotificationsApi {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error('useNotificationsContext must be used inside <NotificationsProvider>');
  return value;
}
