/** Everything a test file starts, closed in one go, last started first. */
import { Client } from 'pg';
import { Inbox, openSocket, type SocketOptions } from './sockets';

export class Resources {
  private readonly closers: Array<() => Promise<unknown> | unknown> = [];

  /** Registers value to be closed by closeAll(), and returns it. */
  add<T>(value: T, close: (value: T) => Promise<unknown> | unknown): T {
    this.closers.push(() => close(value));
    return value;
  }

  /** A connection of its own (autocommit, as psql), ended by closeAll(). */
  async pg(url: string): Promise<Client> {
    const client = new Client({ connectionString: url });
    await client.connect();
    return this.add(client, (c) => c.end().catch(() => undefined));
  }

  /** A connected socket and its Inbox, closed by closeAll(). */
  async socket(url: string, token: string | null, options: SocketOptions = {}): Promise<Inbox> {
    const inbox = new Inbox(openSocket(url, token, options));
    this.add(inbox, (i) => i.socket.close());
    await inbox.connected();
    return inbox;
  }

  async closeAll(): Promise<void> {
    for (const close of this.closers.splice(0).reverse()) {
      await Promise.resolve().then(close).catch(() => undefined);
    }
  }
}
