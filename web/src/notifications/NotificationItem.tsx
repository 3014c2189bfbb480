import type { NotificationType } from '@bellhop/contract';
import { formatDateTime, formatRelativeTime } from '../lib/relativeTime';
import type { AppNotification } from './model';

const TYPE_LABELS: Record<NotificationType, string> = {
  lead_created: 'Lead',
  task_completed: 'Task',
  score_updated: 'Score',
  comment_added: 'Comment',
};

interface Props {
  notification: AppNotification;
  onOpen(notification: AppNotification): void;
  onMarkRead(id: string): void;
  onMarkUnread(id: string): void;
  onDelete(id: string): void;
}

export function NotificationItem({ notification: n, onOpen, onMarkRead, onMarkUnread, onDelete }: Props) {
  const unread = !n.isRead;
  return (
    <li
      className={`notification${unread ? ' is-unread' : ''}`}
      data-testid="notification-item"
      data-notification-id={n.id}
      data-read={String(n.isRead)}
    >
      <button type="button" className="notification-main" data-item-main onClick={() => onOpen(n)}>
        <span className="notification-dot" aria-hidden="true" />
        {unread && <span className="visually-hidden">Unread: </span>}
        <span className="notification-text">
          <span className="notification-heading">
            {n.type && (
              <span className={`notification-type type-${n.type}`} aria-hidden="true">
                {TYPE_LABELS[n.type]}
              </span>
            )}
            <span className="notification-title">{n.title}</span>
          </span>
          <span className="notification-message">{n.message}</span>
          <time className="notification-time" dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
            {formatRelativeTime(n.createdAt)}
          </time>
        </span>
      </button>
      <span className="notification-actions">
        {unread ? (
          <button type="button" className="link-button" aria-label={`Mark as read: ${n.title}`} onClick={() => onMarkRead(n.id)}>
            Mark as read
          </button>
        ) : (
          <button type="button" className="link-button" aria-label={`Mark as unread: ${n.title}`} onClick={() => onMarkUnread(n.id)}>
            Mark as unread
          </button>
        )}
        <button type="button" className="link-button danger" aria-label={`Delete: ${n.title}`} onClick={() => onDelete(n.id)}>
          Delete
        </button>
      </span>
    </li>
  );
}
