import type { NotificationType } from '@bellhop/contract';
import { formatDateTime, formatRelativeTime } from '../lib/relativeTime';
import type { Notification } from './model';

const TYPE_LABELS: Record<NotificationType, string> = {
  lead_created: 'Lead',
  task_completed: 'Task',
  score_updated: 'Score',
  comment_added: 'Comment',
};

interface Props {
  notification: Notification;
  onOpen(notification: Notification): void;
  onSetRead(id: string, read: boolean): void;
  onDelete(id: string): void;
}

export function NotificationItem({ notification: n, onOpen, onSetRead, onDelete }: Props) {
  const unread = !n.isRead;
  const toggleLabel = unread ? 'Mark as read' : 'Mark as unread';
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
        <button type="button" className="link-button" aria-label={`${toggleLabel}: ${n.title}`} onClick={() => onSetRead(n.id, unread)}>
          {toggleLabel}
        </button>
        <button type="button" className="link-button danger" aria-label={`Delete: ${n.title}`} onClick={() => onDelete(n.id)}>
          Delete
        </button>
      </span>
    </li>
  );
}
