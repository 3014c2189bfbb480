import { useEffect, useRef } from 'react';
import { useNotificationsContext } from './NotificationsContext';
import type { Notification } from './model';

/**
 * Lets a page react to live notifications, e.g. reload a lead someone else just changed.
 * It gets a batch at a time (see useNotificationEvents), so a burst costs one reload, not
 * thousands. The callback may change every render; the subscription does not.
 */
export function useLiveNotifications(onBatch: (batch: readonly Notification[]) => void): void {
  const { subscribe } = useNotificationsContext();
  const callback = useRef(onBatch);
  callback.current = onBatch;
  useEffect(() => subscribe((batch) => callback.current(batch)), [subscribe]);
}
