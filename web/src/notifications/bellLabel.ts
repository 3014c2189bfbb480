export const BADGE_CAP = 99;

/** The bell's accessible name carries the exact count; the badge is only its picture. */
export function bellLabel(unreadCount: number): string {
  return unreadCount > 0 ? `Notifications, ${unreadCount} unread` : 'Notifications, no unread';
}

export function badgeText(unreadCount: number): string | null {
  if (unreadCount <= 0) return null;
  return unreadCount > BADGE_CAP ? `${BADGE_CAP}+` : String(unreadCount);
}
