/**
 * The one place where wire shapes (GraphQL results and socket payloads) become the
 * notification objects the UI works with, and back into the cache's shape.
 */
import {
  NOTIFICATION_TYPES,
  type NotificationPayload,
  type NotificationType,
} from '@bellhop/contract';
import type { NotificationFieldsFragment } from '../gql/graphql';

export interface AppNotification {
  id: string;
  /** null when the server sends a type this build does not know yet; it is still shown. */
  type: NotificationType | null;
  title: string;
  message: string;
  isRead: boolean;
  relatedLeadId: number | null;
  /** Kept as the server's ISO string: it has microseconds, which Date would drop. */
  createdAt: string;
}

/** A Notification as Apollo stores it, so socket payloads can be written to the cache. */
export type CachedNotification = NotificationFieldsFragment & { __typename: 'Notification' };

export function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

export function fromGraphQL(n: NotificationFieldsFragment): AppNotification {
  return {
    id: n.id,
    type: isNotificationType(n.type) ? n.type : null,
    title: n.title,
    message: n.message,
    // The column has a default, but the GraphQL type is nullable; unknown means unread.
    isRead: n.isRead ?? false,
    relatedLeadId: n.relatedLeadId ?? null,
    createdAt: n.createdAt,
  };
}

export function fromSocket(p: NotificationPayload): AppNotification {
  return fromGraphQL(p);
}

export function socketToCache(p: NotificationPayload): CachedNotification {
  return {
    __typename: 'Notification',
    id: p.id,
    type: p.type,
    title: p.title,
    message: p.message,
    isRead: p.isRead,
    relatedLeadId: p.relatedLeadId,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function leadPath(n: Pick<AppNotification, 'relatedLeadId'>): string | null {
  return n.relatedLeadId == null ? null : `/leads/${n.relatedLeadId}`;
}

/**
 * Orders two PostgreSQL ISO timestamps exactly, microseconds included, which
 * Date.parse alone cannot; `all_read` events mark everything up to a timestamp.
 */
export function compareTimestamps(a: string, b: string): number {
  const byMs = Date.parse(a) - Date.parse(b);
  if (byMs !== 0 || Number.isNaN(byMs)) return Number.isNaN(byMs) ? 0 : Math.sign(byMs);
  return Math.sign(subMillisecond(a) - subMillisecond(b));
}

function subMillisecond(iso: string): number {
  const fraction = /\.(\d+)/.exec(iso)?.[1] ?? '';
  return Number(fraction.padEnd(9, '0').slice(3, 9));
}
