/**
 * Delivery: hands what the mailbox read to Socket.io (every socket of this
 * relay, or one user's room) and to in-process subscribers (the GraphQL
 * notificationCreated subscription). Rows become wire payloads here, through
 * the contract's one mapper.
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
import type { DrainResult } from './mailbox';
import type { RelayMetrics } from './metrics';
import { userRoom } from './rooms';

export type RelayServer = Server<ClientToServerEvents, ServerToClientEvents>;

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
  async *notifications(): AsyncGenerator<NotificationPayload> {
    for await (const [notification] of on(this.subscribers, 'created')) yield notification as NotificationPayload;
  }

  /**
   * The cursor has already moved past what it hands over, so nothing here may
   * throw half-way: sockets first, then in-process subscribers, each guarded.
   */
  deliver({ notifications, userEvents }: DrainResult): void {
    if (notifications.length > 0) this.deliverNotifications(notifications.map(toNotificationPayload));
    for (const row of userEvents) {
      const message = toUserEventMessage(row);
      const room = this.io.to(userRoom(row.user_id));
      if (message.event === 'deleted') room.emit(SERVER_EVENTS.deleted, message.payload);
      else room.emit(SERVER_EVENTS.updated, message.payload);
    }
  }

  private deliverNotifications(payloads: NotificationPayload[]): void {
    const now = Date.now();
    for (const payload of payloads) {
      this.io.emit(SERVER_EVENTS.created, payload);
      this.metrics.observeLag(now - Date.parse(payload.createdAt));
    }
    this.metrics.relayed += payloads.length;
    this.logger.info({ count: payloads.length, firstId: payloads[0]!.id, sockets: this.io.of('/').sockets.size }, 'Notification emitted');
    for (const payload of payloads) {
      try {
        this.subscribers.emit('created', payload);
      } catch (error) {
        this.logger.warn({ err: (error as Error).message }, 'A notificationCreated subscriber failed');
      }
    }
  }
}
