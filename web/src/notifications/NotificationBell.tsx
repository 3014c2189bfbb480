import type { Ref } from 'react';
import { badgeText, bellLabel } from './bellLabel';

interface Props {
  unreadCount: number;
  expanded: boolean;
  controls: string;
  onToggle(): void;
  ref?: Ref<HTMLButtonElement>;
}

export function NotificationBell({ unreadCount, expanded, controls, onToggle, ref }: Props) {
  const badge = badgeText(unreadCount);
  return (
    <button
      ref={ref}
      type="button"
      className="bell"
      data-testid="notification-bell"
      aria-label={bellLabel(unreadCount)}
      aria-haspopup="dialog"
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      onClick={onToggle}
    >
      <svg className="bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {badge && (
        <span className="bell-badge" data-testid="notification-badge" aria-hidden="true">
          {badge}
        </span>
      )}
    </button>
  );
}
