/**
 * The notification every component works with, and the only conversion into it.
 * The wire shapes stay where they are defined: NotificationPayload in @bellhop/contract
 * (socket events) and NotificationFieldsFragment in ../gql (generated from GraphQL).
 */
import type { NotificationPayload } from '@bellhop/contract';
import type { NotificationFieldsFragment } from '../gql/graphql';

/**
 * The socket payload's fields (the contract keeps them identical to GraphQL's), less
 * updatedAt, plus the actor's name. `message` names the actor already ("Team Mate
 * commented on …"); `createdAt` stays the server's ISO string, with the microseconds
 * Date would drop.
 */
export interface Notification extends Omit<NotificationPayload, 'updatedAt'> {
  /** Who caused it, when known; a socket payload carries only the id. */
  actorName: string | null;
}

/** Either wire shape; the contract keeps their field names and values identical. */
export type NotificationWire = NotificationFieldsFragment | NotificationPayload;

export function toNotification(wire: NotificationWire): Notification {
  return {
    id: wire.id,
    type: wire.type,
    title: wire.title,
    message: wire.message,
    // The column has a default, but the GraphQL type is nullable; unknown means unread.
    isRead: wire.isRead ?? false,
    relatedLeadId: wire.relatedLeadId ?? null,
    recipientId: wire.recipientId ?? null,
    actorId: wire.actorId ?? null,
    actorName: 'userByActorId' in wire ? (wire.userByActorId?.name ?? null) : null,
    createdAt: wire.createdAt,
  };
}

export function leadPath(n: Pick<Notification, 'relatedLeadId'>): string | null {
  return n.relatedLeadId == null ? null : `/leads/${n.relatedLeadId}`;
}

/** Addressed to this user rather than broadcast to everyone. */
export function isForMe(n: Pick<Notification, 'recipientId'>): boolean {
  return n.recipientId !== null;
}
