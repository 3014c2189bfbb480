import { useCallback, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { toast } from 'sonner';
import { errorMessage } from '../lib/errorMessage';
import type { DismissReason } from '../ui/useDismiss';
import { NotificationBell } from './NotificationBell';
import { NotificationCenter } from './NotificationCenter';
import { useNotificationsContext } from './NotificationsContext';
import { leadPath, type Notification } from './model';

/** The bell in the header and the center it opens, wired to the shared notification state. */
export function NotificationMenu() {
  const notifications = useNotificationsContext();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const bellRef = useRef<HTMLButtonElement>(null);
  const centerId = useId();

  const close = useCallback((reason: DismissReason | 'action') => {
    setOpen(false);
    // After an outside press focus belongs where the person clicked.
    if (reason !== 'outside') bellRef.current?.focus();
  }, []);

  const report = (action: Promise<void>) => {
    action.catch((err: unknown) => toast.error(errorMessage(err)));
  };

  const onOpen = (n: Notification) => {
    if (!n.isRead) report(notifications.setRead(n.id, true));
    const path = leadPath(n);
    if (path) {
      close('action');
      void navigate(path);
    }
  };

  return (
    <div className="notification-menu">
      <NotificationBell
        ref={bellRef}
        unreadCount={notifications.unreadCount}
        expanded={open}
        controls={centerId}
        onToggle={() => setOpen((was) => !was)}
      />
      {open && (
        <NotificationCenter
          id={centerId}
          items={notifications.items}
          unreadCount={notifications.unreadCount}
          loading={notifications.loading}
          error={notifications.error}
          hasMore={notifications.hasMore}
          loadingMore={notifications.loadingMore}
          view={notifications.view}
          typeOptions={notifications.preferences.typeOptions}
          onViewChange={notifications.setView}
          anchorRef={bellRef}
          onClose={close}
          onOpen={onOpen}
          onSetRead={(id, read) => report(notifications.setRead(id, read))}
          onDelete={(id) => report(notifications.remove(id))}
          onMarkAllRead={() => report(notifications.markAllRead())}
          onLoadMore={() => report(notifications.loadMore())}
          onRetry={() => report(notifications.refresh())}
        />
      )}
    </div>
  );
}
