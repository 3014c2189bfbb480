import { useEffect, useId, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useDismiss, type DismissReason } from '../ui/useDismiss';
import type { AppNotification } from './model';
import { NotificationItem } from './NotificationItem';

export interface NotificationCenterProps {
  id: string;
  items: AppNotification[];
  unreadCount: number;
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** The bell: pressing it is not an "outside" press, it toggles the center itself. */
  anchorRef?: RefObject<HTMLElement | null>;
  onClose(reason: DismissReason): void;
  onOpen(notification: AppNotification): void;
  onMarkRead(id: string): void;
  onMarkUnread(id: string): void;
  onDelete(id: string): void;
  onMarkAllRead(): void;
  onLoadMore(): void;
  onRetry(): void;
}

const ITEM_SELECTOR = '[data-item-main]';

export function NotificationCenter(props: NotificationCenterProps) {
  const { id, items, unreadCount, loading, error, hasMore, loadingMore, anchorRef, onClose } = props;
  const panelRef = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useDismiss(panelRef, anchorRef, onClose);

  // Keyboard users land in the panel; Tab and the arrow keys take them from there.
  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  const itemButtons = () => Array.from(panelRef.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = itemButtons();
    if (buttons.length === 0) return;
    const current = buttons.findIndex((b) => b.closest('li')?.contains(document.activeElement));
    const next =
      event.key === 'ArrowDown' ? Math.min(current + 1, buttons.length - 1)
      : event.key === 'ArrowUp' ? Math.max(current - 1, 0)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? buttons.length - 1
      : null;
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  // Focus would fall to <body> with the removed row; keep it on a neighbour instead.
  const onDelete = (notificationId: string) => {
    const buttons = itemButtons();
    const index = items.findIndex((n) => n.id === notificationId);
    const neighbour = buttons[index + 1] ?? buttons[index - 1];
    (neighbour ?? panelRef.current)?.focus();
    props.onDelete(notificationId);
  };

  return (
    <div
      id={id}
      ref={panelRef}
      role="dialog"
      aria-labelledby={headingId}
      className="notification-center"
      data-testid="notification-center"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="center-header">
        <h2 id={headingId}>Notifications</h2>
        <button type="button" className="link-button" onClick={props.onMarkAllRead} disabled={unreadCount === 0}>
          Mark all as read
        </button>
      </div>

      {error && items.length === 0 ? (
        <div className="center-message" role="alert">
          <p>Couldn’t load notifications: {error}</p>
          <button type="button" className="button" onClick={props.onRetry}>
            Try again
          </button>
        </div>
      ) : loading ? (
        <p className="center-message">Loading notifications…</p>
      ) : items.length === 0 ? (
        <p className="center-message" data-testid="notification-empty">
          No notifications yet
        </p>
      ) : (
        <ul className="notification-list" aria-label="Notification history">
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              onOpen={props.onOpen}
              onMarkRead={props.onMarkRead}
              onMarkUnread={props.onMarkUnread}
              onDelete={onDelete}
            />
          ))}
        </ul>
      )}

      {hasMore && (
        <div className="center-footer">
          <button type="button" className="button secondary" onClick={props.onLoadMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </div>
  );
}
