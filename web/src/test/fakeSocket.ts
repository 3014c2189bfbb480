import type { RealtimeSocket } from '../realtime/socket';

type Handler = (...args: never[]) => void;

class Emitter {
  private handlers = new Map<string, Set<Handler>>();
  on(event: string, handler: Handler): this {
    const set = this.handlers.get(event) ?? new Set();
    set.add(handler);
    this.handlers.set(event, set);
    return this;
  }
  off(event: string, handler: Handler): this {
    this.handlers.get(event)?.delete(handler);
    return this;
  }
  removeAllListeners(): this {
    this.handlers.clear();
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) (handler as (...a: unknown[]) => void)(...args);
  }
  listenerCount(event: string): number {
    return this.handlers.get(event)?.size ?? 0;
  }
}

/** Stands in for a socket.io client socket: tests play the server by calling emit(). */
export class FakeSocket extends Emitter {
  connected = false;
  active = true;
  readonly io = new Emitter();
  readonly connect = jest.fn(() => this);
  readonly disconnect = jest.fn(() => {
    this.connected = false;
    this.active = false;
    return this;
  });

  serverConnect(): void {
    this.connected = true;
    this.emit('connect');
  }

  asSocket(): RealtimeSocket {
    return this as unknown as RealtimeSocket;
  }
}
