import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { toast } from 'sonner';
import { useNotificationsContext } from './NotificationsContext';
import { leadPath } from './model';

export const TOAST_DURATION_MS = 5_000;

/** Pops a toast for each notification that arrives live. */
export function NotificationToasts() {
  const { subscribe, setRead } = useNotificationsContext();
  const navigate = useNavigate();

  useEffect(
    () =>
      subscribe((n) => {
        const path = leadPath(n);
        // The id makes a repeated delivery update the same toast instead of stacking a copy.
        toast(n.title, {
          id: n.id,
          description: n.message,
          duration: TOAST_DURATION_MS,
          testId: 'notification-toast',
          action: path
            ? {
                label: 'View lead',
                onClick: () => {
                  setRead(n.id, true).catch(() => undefined);
                  void navigate(path);
                },
              }
            : undefined,
        });
      }),
    [subscribe, setRead, navigate],
  );

  return null;
}
