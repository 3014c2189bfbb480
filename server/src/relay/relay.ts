/**
 * The relay: NOTIFY is the doorbell, the notifications table the mailbox.
 *
 * A ring, a reconnect or the slow safety sweep starts a drain loop that reads
 * everything new through the Mailbox cursor and hands it to the Fanout. At
 * light traffic that is one read per ring. Once more rows arrive than
 * busyPerSecond, the relay registers as "draining" and polls, so writers skip
 * pg_notify (and its cluster-wide commit lock). Before it stops polling it
 * clears that flag and keeps reading until every transaction that could have
 * seen the flag set has finished, so no write is left waiting for a ring that
 * never came.
 *
 * Nothing here may take the process down: a failed read (the connection
 * dropped mid-query, say) leaves the Mailbox cursor where it was, and the
 * loop is tried again after a short backoff or on reconnect.
 */
import { randomUUID } from 'node:crypto';
import type { NotificationPayload } from '@bellhop/contract';
import type { Logger } from '../logger';
import { waitAtMost } from '../waitAtMost';
import { Fanout, type RelayServer } from './fanout';
import { Housekeeping } from './housekeeping';
import { Listener } from './listener';
import { Mailbox, type DrainResult } from './mailbox';
import { RelayMetrics } from './metrics';
import { RateWindow } from './rateWindow';
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
/** The longest wait before reading again after a failed read. */
const RETRY_LIMIT_MS = 2_000;
/** How long settle() polls at full speed before it backs off towards the sweep interval. */
const SETTLE_PATIENCE_MS = 250;

export class Relay {
  readonly id = randomUUID();
  readonly metrics = new RelayMetrics();
  private readonly listener: Listener;
  private readonly housekeeping: Housekeeping;
  private readonly mailbox = new Mailbox();
  private readonly fanout: Fanout;
  private readonly rate = new RateWindow();
  private loop: Promise<void> | null = null;
  private rung = false;
  private draining = false;
  private stopped = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  private timers: NodeJS.Timeout[] = [];
  private readonly idleAfterMs: number;
  private readonly busyPerSecond: number;

  constructor(private readonly options: RelayOptions) {
    this.idleAfterMs = options.idleAfterMs ?? Math.max(50, options.pollMs * 10);
    this.busyPerSecond = options.busyPerSecond ?? 100;
    const queryTimeoutMs = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
    this.fanout = new Fanout(options.io, options.logger, this.metrics);
    this.listener = new Listener(options.databaseUrl, { onConnected: () => this.onConnected(), onRing: () => this.kick() }, options.logger, queryTimeoutMs);
    this.housekeeping = new Housekeeping(options.databaseUrl, options.logger, queryTimeoutMs);
  }

  async start(): Promise<void> {
    await this.listener.start();
    await this.mailbox.start((text, values, name) => this.listener.query(text, values, name));
    this.timers.push(
      setInterval(() => this.kick(), this.options.sweepMs),
      setInterval(() => void this.register().catch(() => undefined), HEARTBEAT_MS),
    );
    for (const timer of this.timers) timer.unref();
    this.housekeeping.start();
    this.options.logger.info({ relayId: this.id }, 'Relay listening');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.wake?.();
    // The goodbye (finish the read in flight, unregister) gets a few seconds:
    // a dead database connection must not hold up a shutdown. Left registered,
    // the relay stops counting once its heartbeat is 30 s old.
    const goodbye = (async () => {
      await this.loop?.catch(() => undefined);
      await this.listener.query(RELAY_SQL.goodbye, [this.id]).catch(() => undefined);
    })();
    await waitAtMost(goodbye, STOP_GRACE_MS);
    await Promise.all([this.listener.stop(), this.housekeeping.stop()]);
  }

  /** Every notification this relay delivers from now on, for in-process subscribers. */
  notifications(): AsyncGenerator<NotificationPayload> {
    return this.fanout.notifications();
  }

  async health(): Promise<RelayHealth> {
    return {
      database: (await this.housekeeping.ping(PING_TIMEOUT_MS)) ? 'up' : 'down',
      listening: this.listener.connected,
      state: this.draining ? 'draining' : 'asleep',
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

  /** Something may be new: make sure a drain loop runs (once). */
  kick(): void {
    if (this.stopped || !this.listener.connected) return;
    this.rung = true;
    this.wake?.();
    if (this.loop || this.retryTimer) return;
    this.loop = this.run()
      .then(() => {
        this.failures = 0;
      })
      .catch((error: Error) => {
        this.failures += 1;
        this.options.logger.warn({ err: error.message, failures: this.failures }, 'Relay drain interrupted; will read again');
      })
      .finally(() => this.afterLoop());
  }

  private afterLoop(): void {
    this.loop = null;
    if (this.stopped) return;
    if (this.failures > 0) {
      // Try again soon, not at once: the flag may still say "draining"
      // (writers skip their ring), and an error may repeat.
      const delay = Math.min(this.options.sweepMs, RETRY_LIMIT_MS, this.options.pollMs * 2 ** Math.min(this.failures, 10));
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.kick();
      }, delay);
      this.retryTimer.unref();
    } else if (this.rung) {
      this.kick();
    }
  }

  private onConnected(): void {
    this.draining = false;
    this.failures = 0;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    // Whatever happened meanwhile is in the mailbox: read it now.
    void this.register()
      .catch((error: Error) => this.options.logger.warn({ err: error.message }, 'Relay could not register'))
      .finally(() => this.kick());
  }

  /** Waits, unless a ring (or stop) comes first. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async register(): Promise<void> {
    await this.listener.query(RELAY_SQL.heartbeat, [this.id, this.draining]);
  }

  private async setDraining(draining: boolean): Promise<void> {
    this.draining = draining;
    await this.register();
  }

  private async read(): Promise<DrainResult> {
    const result = await this.mailbox.drain((text, values, name) => this.listener.query(text, values, name));
    this.fanout.deliver(result);
    return result;
  }

  private async run(): Promise<void> {
    let quietSince = Date.now();
    // A loop that failed after announcing left writers skipping their ring: this one must settle it.
    let announced = this.draining;
    while (!this.stopped) {
      this.rung = false;
      const result = await this.read();
      const now = Date.now();
      const rows = result.notifications.length + result.userEvents.length;
      const rate = this.rate.add(now, rows);
      if (rows > 0 || result.more) quietSince = now;
      if (!announced) {
        if (!result.more && rate < this.busyPerSecond) {
          // Light traffic: every write rings, cheaply at this rate, and is delivered at once.
          if (this.rung) continue;
          return;
        }
        // Busy: writers stop ringing (and queueing on NOTIFY's commit lock) and the relay polls instead.
        // Announced after a read, so the ring that woke us costs no extra round trip.
        await this.setDraining(true);
        announced = true;
      }
      if (result.more || this.rung) continue;
      if (now - quietSince >= this.idleAfterMs || rate < this.busyPerSecond / 2) break;
      // Pause even after a full read: the next one then brings a batch, not a row.
      await this.pause(this.options.pollMs);
    }
    if (announced && !this.stopped) await this.settle();
  }

  /**
   * Clear the draining flag, then read until every transaction that began
   * before that (and so may have skipped its ring) has finished. A long
   * transaction makes this poll ever more slowly, down to the sweep rate;
   * a ring ends it early, since the next drain loop settles again.
   */
  private async settle(): Promise<void> {
    await this.setDraining(false);
    const [row] = await this.listener.query<{ xmax: string }>(RELAY_SQL.xmax);
    const target = BigInt(row!.xmax);
    const patientUntil = Date.now() + SETTLE_PATIENCE_MS;
    let wait = this.options.pollMs;
    while (!this.stopped) {
      const result = await this.read();
      if (result.more) continue;
      if (result.horizon >= target || this.rung) return;
      await this.pause(wait);
      if (Date.now() > patientUntil) wait = Math.min(wait * 2, this.options.sweepMs);
    }
  }
}
