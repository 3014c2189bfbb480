/**
 * The relay: NOTIFY is the doorbell, the notifications table the mailbox.
 *
 * A ring, a reconnect or the slow safety sweep starts a drain loop that reads
 * everything new through the Mailbox cursor and emits it. At light traffic
 * that is one read per ring. Once more rows arrive than busyPerSecond, the
 * relay registers as "draining" and polls, so writers skip pg_notify (and its
 * cluster-wide commit lock). Before it stops polling it clears that flag and
 * keeps reading until every transaction that could have seen the flag set has
 * finished, so no write is left waiting for a ring that never came.
 *
 * Nothing here may take the process down: a failed read (the connection
 * dropped mid-query, say) leaves the Mailbox cursor where it was, and the
 * loop is tried again after a short backoff or on reconnect.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Server } from 'socket.io';
import type { Logger } from '../logger';
import { waitAtMost } from '../waitAtMost';
import { SERVER_EVENTS, type ClientToServerEvents, type NotificationPayload, type ServerToClientEvents } from '@bellhop/contract';
import { Housekeeping } from './housekeeping';
import { Listener } from './listener';
import { Mailbox, toUpdatedPayload, type DrainResult } from './mailbox';
import { RelayMetrics } from './metrics';

export interface RelayOptions {
  databaseUrl: string;
  io: Server<ClientToServerEvents, ServerToClientEvents>;
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
  database: 'up' | 'down';
  listening: boolean;
  state: 'asleep' | 'draining';
  horizon: string | null;
  pending: number;
}

const HEARTBEAT_MS = 10_000;
const DEFAULT_QUERY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;
/** The longest wait before reading again after a failed read. */
const RETRY_LIMIT_MS = 2_000;
/** The window over which the relay measures how busy it is. */
const RATE_WINDOW_MS = 250;
/** How long settle() polls at full speed before it backs off towards the sweep interval. */
const SETTLE_PATIENCE_MS = 250;

export function userRoom(userId: string): string {
  return `user:${userId}`;
}

export class Relay extends EventEmitter {
  readonly id = randomUUID();
  readonly metrics = new RelayMetrics();
  private readonly listener: Listener;
  private readonly housekeeping: Housekeeping;
  private readonly mailbox = new Mailbox();
  private loop: Promise<void> | null = null;
  private rung = false;
  private draining = false;
  private stopped = false;
  private everConnected = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  private timers: NodeJS.Timeout[] = [];
  private readonly idleAfterMs: number;
  private readonly busyPerSecond: number;
  private readonly recentReads: Array<{ at: number; rows: number }> = [];

  constructor(private readonly options: RelayOptions) {
    super();
    // One listener per GraphQL subscriber (notificationCreated).
    this.setMaxListeners(0);
    this.idleAfterMs = options.idleAfterMs ?? Math.max(50, options.pollMs * 10);
    this.busyPerSecond = options.busyPerSecond ?? 100;
    this.listener = new Listener(
      options.databaseUrl,
      {
        onConnected: () => {
          if (this.everConnected) this.metrics.reconnects += 1;
          this.everConnected = true;
          this.draining = false;
          this.failures = 0;
          if (this.retryTimer) clearTimeout(this.retryTimer);
          this.retryTimer = null;
          // Whatever happened meanwhile is in the mailbox: read it now.
          void this.register()
            .catch((error: Error) => options.logger.warn({ err: error.message }, 'Relay could not register'))
            .finally(() => this.kick());
        },
        onRing: () => this.kick(),
        onDisconnected: () => undefined,
      },
      options.logger,
      options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
    );
    this.housekeeping = new Housekeeping(options.databaseUrl, options.logger, options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS);
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
      await this.listener.query('delete from app_private.relays where id = $1', [this.id]).catch(() => undefined);
    })();
    await waitAtMost(goodbye, STOP_GRACE_MS);
    await Promise.all([this.listener.stop(), this.housekeeping.stop()]);
  }

  health(): RelayHealth {
    return {
      database: this.listener.connected ? 'up' : 'down',
      listening: this.listener.connected,
      state: this.draining ? 'draining' : 'asleep',
      horizon: this.mailbox.horizon?.toString() ?? null,
      pending: this.mailbox.pending,
    };
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
      .finally(() => {
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
      });
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
    await this.listener.query('set synchronous_commit = off');
    await this.listener.query('select app_private.relay_heartbeat($1, $2)', [this.id, this.draining]);
  }

  private async setDraining(draining: boolean): Promise<void> {
    this.draining = draining;
    await this.listener.query('select app_private.relay_heartbeat($1, $2)', [this.id, draining]);
  }

  private read(): Promise<DrainResult> {
    return this.mailbox.drain((text, values, name) => this.listener.query(text, values, name));
  }

  /** New rows a second over the last RATE_WINDOW_MS, counting this read. */
  private rowsPerSecond(now: number, rows: number): number {
    this.recentReads.push({ at: now, rows });
    while (this.recentReads[0]!.at < now - RATE_WINDOW_MS) this.recentReads.shift();
    return (this.recentReads.reduce((sum, read) => sum + read.rows, 0) * 1000) / RATE_WINDOW_MS;
  }

  private async run(): Promise<void> {
    let quietSince = Date.now();
    let announced = false;
    while (!this.stopped) {
      this.rung = false;
      const result = await this.read();
      this.deliver(result);
      const now = Date.now();
      const rows = result.notifications.length + result.userEvents.length;
      const rate = this.rowsPerSecond(now, rows);
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
    const [row] = await this.listener.query<{ xmax: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as xmax');
    const target = BigInt(row!.xmax);
    const patientUntil = Date.now() + SETTLE_PATIENCE_MS;
    let wait = this.options.pollMs;
    while (!this.stopped) {
      const result = await this.read();
      this.deliver(result);
      if (result.more) continue;
      if (result.horizon >= target || this.rung) return;
      await this.pause(wait);
      if (Date.now() > patientUntil) wait = Math.min(wait * 2, this.options.sweepMs);
    }
  }

  /**
   * The cursor has already moved past what it hands over, so nothing here may
   * throw half-way: sockets first, then in-process subscribers, each guarded.
   */
  private deliver({ notifications, userEvents }: DrainResult): void {
    const { io, logger } = this.options;
    if (notifications.length > 0) {
      const now = Date.now();
      for (const notification of notifications) {
        io.emit(SERVER_EVENTS.created, notification);
        this.metrics.observeLag(now - Date.parse(notification.createdAt));
      }
      this.metrics.relayed += notifications.length;
      logger.info(
        { count: notifications.length, firstId: notifications[0]!.id, sockets: io.engine.clientsCount },
        'Notification emitted',
      );
      for (const notification of notifications) {
        try {
          this.emit('created', notification satisfies NotificationPayload);
        } catch (error) {
          logger.warn({ err: (error as Error).message }, 'A notificationCreated subscriber failed');
        }
      }
    }
    for (const event of userEvents) {
      const room = io.to(userRoom(event.userId));
      if (event.kind === 'deleted') {
        room.emit(SERVER_EVENTS.deleted, { ids: event.ids });
      } else {
        const payload = toUpdatedPayload(event);
        if (payload) room.emit(SERVER_EVENTS.updated, payload);
      }
    }
  }
}
