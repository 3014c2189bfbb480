import { useEffect, useId, useRef, type RefObject } from 'react';
import { arrowKeyFocus } from '../ui/arrowKeyFocus';
import { useDismiss, type DismissReason } from '../ui/useDismiss';
import { CenterFilters, tabId } from './CenterFilters';
import type { Notification } from './model';
import { NotificationItem } from './NotificationItem';
import type { TypeOption } from './types';
import { DEFAULT_VIEW, type NotificationList, type NotificationView } from './useNotificationList';

/** What the list hook knows (items, count, loading, error, paging), plus the center's own props. */
export interface NotificationCenterProps extends Pick<NotificationList, 'items' | 'unreadCount' | 'loading' | 'error' | 'hasMore' | 'loadingMore'> {
  id: string;
  /** The tab and type shown; each has its own list. */
  view?: NotificationView;
  typeOptions?: readonly TypeOption[];
  onViewChange?(view: NotificationView): void;
  /** The bell: pressing it is not an "outside" press, it toggles the center itself. */
  anchorRef?: RefObject<HTMLElement | null>;
  onClose(reason: DismissReason): void;
  onOpen(notification: Notification): void;
  onSetRead(id: string, read: boolean): void;
  onDelete(id: string): void;
  onMarkAllRead(): void;
  onLoadMore(): void;
  onRetry(): void;
}

const ITEM_SELECTOR = '[data-item-main]';

export function NotificationCenter(props: NotificationCenterProps) {
  const { id, items, unreadCount, hasMore, loadingMore, anchorRef, onClose, view = DEFAULT_VIEW, onViewChange } = props;
  const panelRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const tabPanelId = useId();

  useDismiss(panelRef, anchorRef, onClose);

  // Keyboard users land in the panel; Tab and the arrow keys take them from there.
  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  // Focus would fall to <body> with the removed row; keep it on a neighbour instead.
  const onDelete = (notificationId: string) => {
    const buttons = Array.from(panelRef.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? []);
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
      onKeyDown={arrowKeyFocus(panelRef, ITEM_SELECTOR)}
    >
      <div className="center-header">
        <h2 id={headingId}>Notifications</h2>
        <button type="button" className="link-button" onClick={props.onMarkAllRead} disabled={unreadCount === 0}>
          Mark all as read
        </button>
      </div>

      {onViewChange && <CenterFilters view={view} typeOptions={props.typeOptions ?? []} panelId={tabPanelId} onChange={onViewChange} />}

      <div
        className="center-panel"
        {...(onViewChange ? { id: tabPanelId, role: 'tabpanel', 'aria-labelledby': tabId(tabPanelId, view.forMe) } : {})}
      >
        <CenterBody {...props} onDelete={onDelete} />

        {hasMore && (
          <div className="center-footer">
            <button type="button" className="button secondary" onClick={props.onLoadMore} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

/** The list, or what stands in for it: an error with a retry, loading, or the empty state. */
function CenterBody({ items, loading, error, view = DEFAULT_VIEW, onRetry, onOpen, onSetRead, onDelete }: NotificationCenterProps) {
  if (error && items.length === 0) {
    return (
      <div className="center-message" role="alert">
        <p>Couldn’t load notifications: {error}</p>
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (loading) return <p className="center-message">Loading notifications…</p>;
  if (items.length === 0) {
    return (
      <p className="center-message" data-testid="notification-empty">
        {emptyText(view)}
      </p>
    );
  }
  return (
    <ul className="notification-list" aria-label="Notification history">
      {items.map((n) => (
        <NotificationItem key={n.id} notification={n} onOpen={onOpen} onSetRead={onSetRead} onDelete={onDelete} />
      ))}
    </ul>
  );
}

function emptyText(view: NotificationView): string {
  if (view.type !== null) return view.forMe ? 'Nothing of this type for you' : 'No notifications of this type';
  return view.forMe ? 'Nothing addressed to you yet' : 'No notifications yet';
}
