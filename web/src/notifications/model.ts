/**
 * The notification every component works with, and the only conversion into it.
 * The wire shapes stay where they are defined: NotificationPayload in @bellhop/contract
 * (socket events) and NotificationFieldsFragment in ../gql (generated from GraphQL).
 */
import { NOTIFICATION_TYPES, type NotificationPayload, type NotificationType } from '@bellhop/contract';
import type { NotificationFieldsFragment } from '../gql/graphql';

export interface Notification {
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

/** Either wire shape; the contract keeps their field names and values identical. */
export type NotificationWire = NotificationFieldsFragment | NotificationPayload;

export function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

export function toNotification(wire: NotificationWire): Notification {
  return {
    id: wire.id,
    type: isNotificationType(wire.type) ? wire.type : null,
    title: wire.title,
    message: wire.message,
    // The column has a default, but the GraphQL type is nullable; unknown means unread.
    isRead: wire.isRead ?? false,
    relatedLeadId: wire.relatedLeadId ?? null,
    createdAt: wire.createdAt,
  };
}

export function leadPath(n: Pick<Notification, 'relatedLeadId'>): string | null {
  return n.relatedLeadId == null ? null : `/leads/${n.relatedLeadId}`;
}
