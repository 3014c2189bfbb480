/** Real socket.io clients, and everything a socket received, in order. */
import { io, type ManagerOptions, type Socket, type SocketOptions as IoOptions } from 'socket.io-client';
import {
  SERVER_EVENTS,
  type NotificationDeletedPayload,
  type NotificationPayload,
  type NotificationUpdatedPayload,
  type ServerToClientEvents,
} from '@bellhop/contract';
import { WAIT_MS } from './wait';

export type ClientSocket = Socket<ServerToClientEvents, Record<string, never>>;
export type SocketOptions = Partial<ManagerOptions & IoOptions>;

/** A socket as the web app opens it (token in auth), over websocket, without reconnecting unless asked. */
export function openSocket(url: string, token: string | null, options: SocketOptions = {}): ClientSocket {
  return io(url, {
    forceNew: true,
    reconnection: false,
    transports: ['websocket'],
    ...(token === null ? {} : { auth: { token } }),
    ...options,
  });
}

/** One socket and everything it has received, in order. */
export class Inbox {
  readonly created: NotificationPayload[] = [];
  readonly updated: NotificationUpdatedPayload[] = [];
  readonly deleted: NotificationDeletedPayload[] = [];
  disconnectReason: string | null = null;
  private readonly counts = new Map<string, number>();

  constructor(readonly socket: ClientSocket) {
    socket.on(SERVER_EVENTS.created, (n) => {
      this.created.push(n);
      this.counts.set(n.id, (this.counts.get(n.id) ?? 0) + 1);
    });
    socket.on(SERVER_EVENTS.updated, (u) => this.updated.push(u));
    socket.on(SERVER_EVENTS.deleted, (d) => this.deleted.push(d));
    socket.on('disconnect', (reason) => {
      this.disconnectReason = reason;
    });
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket did not connect')), WAIT_MS);
      this.socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.once('connect_error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  count(id: string): number {
    return this.counts.get(id) ?? 0;
  }

  ids(): string[] {
    return this.created.map((n) => n.id);
  }

  /** Ids received more than once. */
  duplicates(): string[] {
    return [...this.counts].filter(([, n]) => n > 1).map(([id]) => id);
  }
}

/** The connect_error a socket gets (it must never connect). */
export function connectError(url: string, token: string | null, options: SocketOptions = {}): Promise<{ message: string; inbox: Inbox }> {
  const inbox = new Inbox(openSocket(url, token, options));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      inbox.socket.close();
      reject(new Error('no connect_error'));
    }, WAIT_MS);
    inbox.socket.once('connect', () => {
      clearTimeout(timer);
      inbox.socket.close();
      reject(new Error('socket connected but should have been refused'));
    });
    inbox.socket.once('connect_error', (error) => {
      clearTimeout(timer);
      inbox.socket.close();
      resolve({ message: error.message, inbox });
    });
  });
}
