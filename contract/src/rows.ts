/**
 * The one mapper from database rows to wire payloads. SQL returns plain
 * snake_case rows and knows nothing about sockets; this file shapes them into
 * the events of ./events, so a payload is written in exactly one place.
 */
import type { NotificationDeletedPayload, NotificationPayload, NotificationUpdatedPayload } from './events';

/**
 * A row of app_public.notifications as the relay reads it. Timestamps are the
 * strings PostgreSQL's JSON encoder prints, the same ones PostGraphile returns.
 */
export interface NotificationRow {
  id: string;
  type: string;
  title: string;
  message: string;
  related_lead_id: number | null;
  recipient_id: string | null;
  actor_id: string | null;
  created_at: string;
  updated_at: string;
}

export function toNotificationPayload(row: NotificationRow): NotificationPayload {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    message: row.message,
    // A notification that has just been written is unread for everyone it reaches.
    isRead: false,
    relatedLeadId: row.related_lead_id,
    recipientId: row.recipient_id,
    actorId: row.actor_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A per-user read-state change (app_private.user_events), for that user's sockets. */
export interface UserEventRow {
  user_id: string;
  kind: 'read' | 'unread' | 'all_read' | 'deleted';
  notification_ids: string[];
  /** Set for all_read: everything created up to and including this moment is read. */
  up_to_created_at: string | null;
}

export type UserEventMessage =
  | { event: 'updated'; payload: NotificationUpdatedPayload }
  | { event: 'deleted'; payload: NotificationDeletedPayload };

export function toUserEventMessage(row: UserEventRow): UserEventMessage {
  switch (row.kind) {
    case 'read':
    case 'unread':
      return { event: 'updated', payload: { kind: row.kind, ids: row.notification_ids } };
    case 'all_read':
      return { event: 'updated', payload: { kind: 'all_read', upToCreatedAt: row.up_to_created_at } };
    case 'deleted':
      return { event: 'deleted', payload: { ids: row.notification_ids } };
  }
}
