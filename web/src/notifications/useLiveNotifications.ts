import { useEffect, useRef } from 'react';
import { useNotificationsContext } from './NotificationsContext';
import type { AppNotification } from './model';

/** Lets a page react to live notifications, e.g. reload a lead someone else just changed. */
export function useLiveNotifications(onNotification: (n: AppNotification) => void): void {
  const { subscribe } = useNotificationsContext();
  const callback = useRef(onNotification);
  callback.current = onNotification;
  useEffect(() => subscribe((n) => callback.current(n)), [subscribe]);
}
