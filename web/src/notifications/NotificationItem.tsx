import { formatDateTime, formatRelativeTime } from '../lib/relativeTime';
import { isForMe, type Notification } from './model';
import { typeBadge } from './types';

interface Props {
  notification: Notification;
  onOpen(notification: Notification): void;
  onSetRead(id: string, read: boolean): void;
  onDelete(id: string): void;
}

/** A type a DBA added may hold any characters; a class name must not. */
function typeClass(type: string): string {
  return `type-${type.replace(/[^a-z0-9_-]/gi, '-')}`;
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
      data-for-me={String(isForMe(n))}
    >
      <button type="button" className="notification-main" data-item-main onClick={() => onOpen(n)}>
        <span className="notification-dot" aria-hidden="true" />
        {unread && <span className="visually-hidden">Unread: </span>}
        <span className="notification-text">
          <span className="notification-heading">
            <span className={`notification-type ${typeClass(n.type)}`} aria-hidden="true">
              {typeBadge(n.type)}
            </span>
            <span className="notification-title truncate" title={n.title}>
              {n.title}
            </span>
            {isForMe(n) && <span className="notification-to-you">to you</span>}
          </span>
          {/* The message names who did what; long text is clamped, the full text is its title. */}
          <span className="notification-message clamp" title={n.message}>
            {n.message}
          </span>
          <span className="notification-meta">
            {n.actorName && (
              <span className="notification-actor" data-testid="notification-actor">
                <span className="avatar" aria-hidden="true">
                  {n.actorName.trim().charAt(0).toUpperCase()}
                </span>
                <span className="truncate">by {n.actorName}</span>
              </span>
            )}
            <time className="notification-time" dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
              {formatRelativeTime(n.createdAt)}
            </time>
          </span>
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
