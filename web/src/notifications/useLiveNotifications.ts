import { useEffect, useRef } from 'react';
import { useNotificationsContext } from './NotificationsContext';
import type { Notification } from './model';

/**
 * Lets a page react to live notifications, e.g. reload a lead someone else just changed.
 * The callback may change every render; the subscription (see useNotificationEvents) does not.
 */
export function useLiveNotifications(onNotification: (n: Notification) => void): void {
  const { subscribe } = useNotificationsContext();
  const callback = useRef(onNotification);
  callback.current = onNotification;
  useEffect(() => subscribe((n) => callback.current(n)), [subscribe]);
}
