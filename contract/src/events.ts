/**
 * The realtime contract between the relay and every client.
 *
 * This module is the single definition of socket event names and payloads:
 * the server emits with these names and the web app listens with them. It has
 * no runtime dependencies so that the browser bundle can import it as-is.
 */

/** The built-in types; a DBA may add more (app_public.notification_types), which clients show as generic. */
export const NOTIFICATION_TYPES = [
  'lead_created',
  'lead_assigned',
  'task_completed',
  'score_updated',
  'comment_added',
] as const;

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/**
 * Same field names and the same values as the GraphQL `Notification` type.
 * Timestamps are the ISO-8601 strings PostGraphile returns for `Datetime`.
 */
export interface NotificationPayload {
  id: string;
  /** One of NOTIFICATION_TYPES, or a type a DBA added. */
  type: string;
  title: string;
  message: string;
  isRead: boolean;
  relatedLeadId: number | null;
  /** Who it is for; null for a broadcast to everyone. */
  recipientId: string | null;
  /** Who caused it; null when unknown (a write from psql, say). */
  actorId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Read state changed for one user (another tab, device, GraphQL or SQL). */
export type NotificationUpdatedPayload =
  | { kind: 'read' | 'unread'; ids: string[] }
  /** Everything up to and including `upToCreatedAt` is now read. */
  | { kind: 'all_read'; upToCreatedAt: string | null };

export interface NotificationDeletedPayload {
  ids: string[];
}

export const SERVER_EVENTS = {
  created: 'notification:created',
  updated: 'notification:updated',
  deleted: 'notification:deleted',
} as const;

export interface ServerToClientEvents {
  'notification:created': (notification: NotificationPayload) => void;
  'notification:updated': (update: NotificationUpdatedPayload) => void;
  'notification:deleted': (deletion: NotificationDeletedPayload) => void;
}

// Clients only listen; the API is GraphQL.
export type ClientToServerEvents = Record<string, never>;

/** The `connect_error` message for a missing, forged or expired token, or a user that no longer exists. */
export const UNAUTHORIZED = 'unauthorized';

/** The `connect_error` message when the user already holds the most sockets a relay allows (SOCKETS_PER_USER). */
export const TOO_MANY_CONNECTIONS = 'too many connections';
