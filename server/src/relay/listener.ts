/**
 * The relay's one dedicated database connection (never pooled: LISTEN belongs
 * to a session). It LISTENs on the doorbell channel, and the mailbox reads run
 * on it too. When the connection drops it reconnects with jittered
 * exponential backoff and LISTENs again; `onConnected` then lets the relay
 * catch up on everything committed in the meantime.
 */
import { Client } from 'pg';
import type { Logger } from '../logger';

export const CHANNEL = 'bellhop_notifications';

export interface ListenerEvents {
  onConnected(client: Client): void;
  onRing(): void;
  onDisconnected(error: Error): void;
}

export class Listener {
  private client: Client | null = null;
  private stopped = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  /** The tail of the queries sent on this connection: pg wants one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  reconnects = 0;

  constructor(
    private readonly connectionString: string,
    private readonly events: ListenerEvents,
    private readonly logger: Logger,
  ) {}

  get connected(): boolean {
    return this.client !== null;
  }

  /** Resolves after the first successful LISTEN; later drops reconnect on their own. */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }

  /**
   * Runs a query on the LISTEN connection, after the ones already sent; throws
   * if the connection is down. A `name` makes it a prepared statement, parsed
   * and planned once per connection: the read that follows every ring.
   */
  query<T extends object>(text: string, values: unknown[] = [], name?: string): Promise<T[]> {
    const run = async (): Promise<T[]> => {
      const client = this.client;
      if (!client) throw new Error('The relay has no database connection right now.');
      const { rows } = await client.query<T>(name ? { name, text, values } : { text, values });
      return rows;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.connectionString,
      application_name: 'bellhop-relay',
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    let failed = false;
    const onFailure = (error: Error) => {
      if (failed) return;
      failed = true;
      if (this.client === client) this.client = null;
      client.removeAllListeners('notification');
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn({ err: error.message }, 'Relay lost its database connection; reconnecting');
      this.events.onDisconnected(error);
      this.scheduleReconnect();
    };
    client.on('error', onFailure);
    client.on('end', () => onFailure(new Error('connection ended')));
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) this.events.onRing();
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
    } catch (error) {
      if (this.attempt === 0 && this.reconnects === 0) {
        failed = true;
        await client.end().catch(() => undefined);
        throw error;
      }
      onFailure(error as Error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    if (this.attempt > 0) this.logger.info({ attempts: this.attempt }, 'Relay reconnected and LISTENs again');
    this.attempt = 0;
    this.events.onConnected(client);
  }

  private scheduleReconnect(): void {
    if (this.retryTimer || this.stopped) return;
    this.reconnects += 1;
    // Full jitter: spread a herd of relays out after a database restart.
    const ceiling = Math.min(10_000, 100 * 2 ** Math.min(this.attempt, 10));
    const delay = Math.round(Math.random() * ceiling) + 50;
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }
}
