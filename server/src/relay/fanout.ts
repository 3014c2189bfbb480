/**
 * Delivery: hands what the mailbox read to Socket.io and to in-process
 * subscribers (the GraphQL notificationCreated subscription). A targeted
 * notification goes to its recipient's room only; a broadcast to every
 * socket but those of users it is hidden from. Rows become wire payloads
 * here, through the contract's one mapper.
 */
import { EventEmitter, on } from 'node:events';
import type { Server } from 'socket.io';
import {
  SERVER_EVENTS,
  toNotificationPayload,
  toUserEventMessage,
  type ClientToServerEvents,
  type NotificationPayload,
  type ServerToClientEvents,
} from '@bellhop/contract';
import type { Logger } from '../logger';
import type { DeliveryRow, DrainResult } from './mailbox';
import type { RelayMetrics } from './metrics';
import { userRoom } from './rooms';

export type RelayServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** A notification and who may see it, for in-process subscribers. */
export interface Delivery {
  payload: NotificationPayload;
  /** Whether this user is one of its recipients. */
  reaches(userId: string): boolean;
}

function delivery(row: DeliveryRow): Delivery {
  const payload = toNotificationPayload(row);
  const hidden = new Set(row.hidden_from ?? []);
  return { payload, reaches: (userId) => (row.recipient_id === null ? !hidden.has(userId) : row.recipient_id === userId) };
}

export class Fanout {
  private readonly subscribers = new EventEmitter();

  constructor(
    private readonly io: RelayServer,
    private readonly logger: Logger,
    private readonly metrics: RelayMetrics,
  ) {
    // One listener per GraphQL subscriber.
    this.subscribers.setMaxListeners(0);
  }

  /** Every notification this relay delivers from now on; closing the iterator unsubscribes. */
  async *notifications(): AsyncGenerator<Delivery> {
    for await (const [notification] of on(this.subscribers, 'created')) yield notification as Delivery;
  }

  /**
   * The cursor has already moved past what it hands over, so nothing here may
   * throw half-way: sockets first, then in-process subscribers, each guarded.
   */
  deliver({ notifications, userEvents }: DrainResult): void {
    if (notifications.length > 0) this.deliverNotifications(notifications);
    for (const row of userEvents) {
      const message = toUserEventMessage(row);
      const room = this.io.to(userRoom(row.user_id));
      if (message.event === 'deleted') room.emit(SERVER_EVENTS.deleted, message.payload);
      else room.emit(SERVER_EVENTS.updated, message.payload);
    }
  }

  private deliverNotifications(rows: DeliveryRow[]): void {
    const now = Date.now();
    const deliveries = rows.map(delivery);
    for (const [i, { payload }] of deliveries.entries()) {
      const { recipient_id: recipient, hidden_from: hidden } = rows[i]!;
      if (recipient) this.io.to(userRoom(recipient)).emit(SERVER_EVENTS.created, payload);
      else if (hidden?.length) this.io.except(hidden.map(userRoom)).emit(SERVER_EVENTS.created, payload);
      else this.io.emit(SERVER_EVENTS.created, payload);
      this.metrics.observeLag(now - Date.parse(payload.createdAt));
    }
    this.metrics.relayed += rows.length;
    this.logger.info({ count: rows.length, firstId: rows[0]!.id, sockets: this.io.of('/').sockets.size }, 'Notification emitted');
    for (const item of deliveries) {
      try {
        this.subscribers.emit('created', item);
      } catch (error) {
        this.logger.warn({ err: (error as Error).message }, 'A notificationCreated subscriber failed');
      }
    }
  }
}
