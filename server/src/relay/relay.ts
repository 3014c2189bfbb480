/**
 * The relay: NOTIFY is the doorbell, the notifications table the mailbox.
 * This file wires the parts together and owns their lifecycle:
 *   Listener     the one LISTEN connection (reconnects on its own)
 *   DrainLoop    when to read, and the "draining" announcement to writers
 *   Mailbox      what to read: the snapshot cursor and its SQL
 *   Fanout       who gets it: sockets, rooms, in-process subscribers
 *   Housekeeping upkeep on a connection of its own
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import { waitAtMost } from '../waitAtMost';
import { DrainLoop } from './drainLoop';
import { Fanout, type Delivery, type RelayServer } from './fanout';
import { Housekeeping } from './housekeeping';
import { Listener } from './listener';
import { Mailbox, type DrainResult } from './mailbox';
import { RelayMetrics } from './metrics';
import { RELAY_SQL } from './sql';

export interface RelayOptions {
  databaseUrl: string;
  io: RelayServer;
  logger: Logger;
  /** Pause between reads while draining. */
  pollMs: number;
  /** Safety sweep: read even without a ring this often. */
  sweepMs: number;
  /** Stop polling after this long without anything new. */
  idleAfterMs?: number;
  /**
   * Poll (and let writers skip their ring) only while more than this many
   * rows a second arrive; below it every write rings, which costs little at
   * that rate and delivers at once. 0: poll after every ring.
   */
  busyPerSecond?: number;
  /** A query on the relay's connection unanswered this long means the connection is dead: reconnect. */
  queryTimeoutMs?: number;
}

export interface RelayHealth {
  /** The database answers a query on the relay's upkeep connection. */
  database: 'up' | 'down';
  /** The LISTEN connection is established and LISTENing. */
  listening: boolean;
  state: 'asleep' | 'draining';
  horizon: string | null;
  pending: number;
  /** Authenticated sockets connected to this relay. */
  sockets: number;
}

const HEARTBEAT_MS = 10_000;
const DEFAULT_QUERY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;
const PING_TIMEOUT_MS = 2_000;

export class Relay {
  readonly id = randomUUID();
  readonly metrics = new RelayMetrics();
  private readonly listener: Listener;
  private readonly housekeeping: Housekeeping;
  private readonly mailbox = new Mailbox();
  private readonly fanout: Fanout;
  private readonly loop: DrainLoop;
  private timers: NodeJS.Timeout[] = [];
  /** Whether this relay's current session holds the doorbell lock (shared): writers ring while it does. */
  private holdsDoorbell = false;

  constructor(private readonly options: RelayOptions) {
    const queryTimeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
    this.fanout = new Fanout(options.io, options.logger, this.metrics);
    this.listener = new Listener(options.databaseUrl, { onConnected: () => this.onConnected(), onRing: () => this.loop.kick() }, options.logger, queryTimeoutMs);
    this.housekeeping = new Housekeeping(options.databaseUrl, options.logger, queryTimeoutMs);
    this.loop = new DrainLoop({
      read: () => this.read(),
      announce: (draining) => this.announce(draining),
      xmax: async () => BigInt((await this.listener.query<{ xmax: string }>(RELAY_SQL.xmax))[0]!.xmax),
      connected: () => this.listener.connected,
      logger: options.logger,
      pollMs: options.pollMs,
      sweepMs: options.sweepMs,
      idleAfterMs: options.idleAfterMs ?? Math.max(50, options.pollMs * 10),
      busyPerSecond: options.busyPerSecond ?? 100,
    });
  }

  async start(): Promise<void> {
    await this.listener.start();
    await this.mailbox.start((text, values, name) => this.listener.query(text, values, name));
    this.timers.push(
      setInterval(() => this.loop.kick(), this.options.sweepMs),
      setInterval(() => void this.register().catch(() => undefined), HEARTBEAT_MS),
    );
    for (const timer of this.timers) timer.unref();
    this.housekeeping.start();
    this.options.logger.info({ relayId: this.id }, 'Relay listening');
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    // The goodbye (finish the read in flight, unregister) gets a few seconds:
    // a dead database connection must not hold up a shutdown. Left registered,
    // its row is pruned by the other relays once its heartbeat is old.
    const goodbye = (async () => {
      await this.loop.stop();
      await this.listener.query(RELAY_SQL.goodbye, [this.id]).catch(() => undefined);
    })();
    await waitAtMost(goodbye, STOP_GRACE_MS);
    await Promise.all([this.listener.stop(), this.housekeeping.stop()]);
  }

  /** Every notification this relay delivers from now on, for in-process subscribers. */
  notifications(): AsyncGenerator<Delivery> {
    return this.fanout.notifications();
  }

  async health(): Promise<RelayHealth> {
    return {
      database: (await this.housekeeping.ping(PING_TIMEOUT_MS)) ? 'up' : 'down',
      listening: this.listener.connected,
      state: this.loop.draining ? 'draining' : 'asleep',
      horizon: this.mailbox.horizon?.toString() ?? null,
      pending: this.mailbox.pending,
      sockets: this.options.io.of('/').sockets.size,
    };
  }

  renderMetrics(): string {
    return this.metrics.render({
      sockets: this.options.io.of('/').sockets.size,
      listening: this.listener.connected,
      reconnects: this.listener.reconnects,
    });
  }

  private onConnected(): void {
    this.loop.reset();
    // A new session holds no lock: asleep until the first drain says otherwise.
    this.holdsDoorbell = false;
    // Whatever happened meanwhile is in the mailbox: read it now.
    void this.announce(false)
      .catch((error: Error) => this.options.logger.warn({ err: error.message }, 'Relay could not register'))
      .finally(() => this.loop.kick());
  }

  /**
   * Tells writers whether to ring: asleep, this relay holds the doorbell lock
   * (shared), so a writer's attempt to take it fails and it rings; draining,
   * it lets go. Session locks stack, so each is taken or given back once.
   */
  private async announce(draining: boolean): Promise<void> {
    if (draining && this.holdsDoorbell) {
      await this.listener.query(RELAY_SQL.wake);
      this.holdsDoorbell = false;
    } else if (!draining && !this.holdsDoorbell) {
      await this.listener.query(RELAY_SQL.sleep);
      this.holdsDoorbell = true;
    }
    await this.register();
  }

  /** Alive, and whether it is draining, for whoever looks at app_private.relays. */
  private async register(): Promise<void> {
    await this.listener.query(RELAY_SQL.heartbeat, [this.id, this.loop.draining]);
  }

  private async read(): Promise<DrainResult> {
    const result = await this.mailbox.drain((text, values, name) => this.listener.query(text, values, name));
    this.fanout.deliver(result);
    return result;
  }
}
