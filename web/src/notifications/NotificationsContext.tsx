import { createContext, useContext, useState, type ReactNode } from 'react';
import type { RealtimeSocket } from '../realtime/socket';
import { useNotificationActions, type NotificationActions } from './useNotificationActions';
import { useNotificationEvents, type NotificationEvents } from './useNotificationEvents';
import { DEFAULT_VIEW, useNotificationList, type NotificationList, type NotificationView } from './useNotificationList';
import { usePreferences, type Preferences } from './usePreferences';

export interface NotificationViewState {
  /** The tab and type the center shows; each keeps its own paged list. */
  view: NotificationView;
  setView(view: NotificationView): void;
  /** Loaded once signed in: which types pop up, and the type filter's labels. */
  preferences: Preferences;
}

/** What components see: the list, the user's actions and the live feed. */
export type NotificationsApi = Omit<NotificationList, 'reconcileCount' | 'noteTrimmed'> &
  NotificationActions &
  NotificationEvents &
  NotificationViewState;

/** One list, one count and one set of socket listeners for the whole signed-in app. */
export const NotificationsContext = createContext<NotificationsApi | null>(null);

export function NotificationsProvider({ socket, children }: { socket: RealtimeSocket | null; children: ReactNode }) {
  // Kept here, not in the center, so closing and reopening it keeps the tab and filter.
  const [view, setView] = useState<NotificationView>(DEFAULT_VIEW);
  const { reconcileCount, noteTrimmed, ...list } = useNotificationList(view);
  const events = useNotificationEvents(socket, { refresh: list.refresh, reconcileCount, noteTrimmed });
  const actions = useNotificationActions({ refresh: list.refresh, reconcileCount });
  const preferences = usePreferences();
  const value: NotificationsApi = { ...list, ...actions, ...events, view, setView, preferences };
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotificationsContext(): NotificationsApi {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error('useNotificationsContext must be used inside <NotificationsProvider>');
  return value;
}
