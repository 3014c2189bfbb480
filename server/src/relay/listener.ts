/**
 * The relay's one dedicated database connection (never pooled: LISTEN belongs
 * to a session). It LISTENs on the doorbell channel, and the mailbox reads run
 * on it too. When the connection drops it reconnects with jittered
 * exponential backoff and LISTENs again; `onConnected` then lets the relay
 * catch up on everything committed in the meantime.
 *
 * A connection can also die without telling anyone (a firewall drops the
 * flow, the database host freezes): no error, no 'end', and TCP keepalive
 * would take hours to notice. So a query that gets no answer within
 * queryTimeoutMs counts as a dropped connection too. The relay's heartbeat
 * and safety sweep send one at least every few seconds, so a silent drop is
 * found within about queryTimeoutMs + sweep.
 */
import type { Socket } from 'node:net';
import { Client } from 'pg';
import type { Logger } from '../logger';

export const CHANNEL = 'bellhop_notifications';
/** How long stop() waits for the database to acknowledge the goodbye. */
const STOP_GRACE_MS = 2_000;

/**
 * Ends a connection, and destroys its socket if the server has not closed
 * its side within graceMs: end() waits for that, which a dead peer never does.
 */
export async function closeWithin(client: Client, graceMs: number): Promise<void> {
  const destroy = () => (client as unknown as { connection?: { stream?: Socket } }).connection?.stream?.destroy();
  let timer: NodeJS.Timeout | undefined;
  const ended = client.end().catch(() => undefined);
  if (graceMs === 0) destroy();
  else {
    timer = setTimeout(destroy, graceMs);
    timer.unref();
  }
  await ended;
  clearTimeout(timer);
}

export interface ListenerEvents {
  onConnected(client: Client): void;
  onRing(): void;
}

export class Listener {
  private client: Client | null = null;
  /** Drops the current connection and schedules a reconnect. */
  private abandon: ((error: Error) => void) | null = null;
  private stopped = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  /** The tail of the queries sent on this connection: pg wants one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private everConnected = false;
  /** Times the connection was lost and established again (the one reconnect counter). */
  reconnects = 0;

  constructor(
    private readonly connectionString: string,
    private readonly events: ListenerEvents,
    private readonly logger: Logger,
    private readonly queryTimeoutMs: number,
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
    if (client) await closeWithin(client, STOP_GRACE_MS);
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
      const { rows } = await this.answered(client, client.query<T>(name ? { name, text, values } : { text, values }));
      return rows;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** The query's result, or an error (and a new connection) if the database stays silent too long. */
  private answered<T>(client: Client, pending: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const error = new Error(`The database did not answer the relay for ${this.queryTimeoutMs} ms`);
        reject(error);
        if (this.client === client) this.abandon?.(error);
      }, this.queryTimeoutMs);
      pending.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.connectionString,
      application_name: 'bellhop-relay',
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 10_000,
      // Its only writes are heartbeats to an unlogged table: nothing worth a flush.
      options: '-c synchronous_commit=off',
    });
    let failed = false;
    const onFailure = (error: Error) => {
      if (failed) return;
      failed = true;
      if (this.client === client) this.client = null;
      client.removeAllListeners('notification');
      void closeWithin(client, 0);
      if (this.stopped) return;
      this.logger.warn({ err: error.message }, 'Relay lost its database connection; reconnecting');
      this.scheduleReconnect();
    };
    client.on('error', onFailure);
    client.on('end', () => onFailure(new Error('connection ended')));
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) this.events.onRing();
    });
    try {
      await client.connect();
      await this.answered(client, client.query(`listen ${CHANNEL}`));
    } catch (error) {
      if (!this.everConnected) {
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
    this.abandon = onFailure;
    if (this.everConnected) {
      this.reconnects += 1;
      this.logger.info({ attempts: this.attempt }, 'Relay reconnected and LISTENs again');
    }
    this.everConnected = true;
    this.attempt = 0;
    this.events.onConnected(client);
  }

  private scheduleReconnect(): void {
    if (this.retryTimer || this.stopped) return;
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
