import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { toast } from 'sonner';
import { useNotificationsContext } from './NotificationsContext';
import { leadPath, type Notification } from './model';
import { SUMMARY_TOAST_ID, TOAST_DURATION_MS, ToastBurst, type ToastPlan } from './toastBurst';

/** Pops a toast for notifications that arrive live, as the user's preferences allow. */
export function NotificationToasts() {
  const { subscribe, setRead, preferences } = useNotificationsContext();
  const navigate = useNavigate();
  const [burst] = useState(() => new ToastBurst());
  // Read when a batch arrives, so a change on the settings page applies to the next one.
  const wantsToast = useRef(preferences.wantsToast);
  wantsToast.current = preferences.wantsToast;

  useEffect(() => {
    const single = (n: Notification) => {
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
    };
    const show = (plan: ToastPlan) => {
      if (plan.kind === 'singles') return plan.items.forEach(single);
      plan.dismiss.forEach((id) => toast.dismiss(id));
      const onlyLeads = plan.types.size === 1 && plan.types.has('lead_created');
      toast(plan.title, {
        id: SUMMARY_TOAST_ID,
        description: 'Open the notifications to see them.',
        duration: TOAST_DURATION_MS,
        testId: 'notification-summary-toast',
        action: onlyLeads ? { label: 'View leads', onClick: () => void navigate('/leads') } : undefined,
      });
    };
    return subscribe((batch) => {
      const plan = burst.add(
        batch.filter((n) => wantsToast.current(n.type)),
        Date.now(),
      );
      if (plan) show(plan);
    });
  }, [subscribe, setRead, navigate, burst]);

  return null;
}
