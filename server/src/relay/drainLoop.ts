/**
 * The drain state machine. A ring, a reconnect or the safety sweep kicks it;
 * it reads until nothing is new. At light traffic that is one read per ring.
 * Once more rows arrive than busyPerSecond, it announces "draining" and
 * polls, so writers skip pg_notify (and its cluster-wide commit lock). Before
 * it stops polling it clears that flag and keeps reading until every
 * transaction that could have seen the flag set has finished, so no write is
 * left waiting for a ring that never came.
 *
 * A failed read (the connection dropped mid-query, say) loses nothing: the
 * cursor has not moved, and the loop is tried again after a short backoff.
 */
import type { Logger } from '../logger';
import type { DrainResult } from './mailbox';
import { RateWindow } from './rateWindow';

export interface DrainLoopOptions {
  /** Reads what is new and delivers it. */
  read(): Promise<DrainResult>;
  /** Tells writers whether this relay is polling (they may skip their ring). */
  announce(draining: boolean): Promise<void>;
  /** The xmax of a fresh snapshot: every transaction from here on began after now. */
  xmax(): Promise<bigint>;
  /** Whether reads can run at all (the connection is up). */
  connected(): boolean;
  logger: Logger;
  pollMs: number;
  sweepMs: number;
  idleAfterMs: number;
  busyPerSecond: number;
}

/** The longest wait before reading again after a failed read. */
const RETRY_LIMIT_MS = 2_000;
/** How long settle() polls at full speed before it backs off towards the sweep interval. */
const SETTLE_PATIENCE_MS = 250;

export class DrainLoop {
  private loop: Promise<void> | null = null;
  private rung = false;
  private stopped = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  private readonly rate = new RateWindow();
  /** What writers were last told: true while they may skip their ring. */
  draining = false;

  constructor(private readonly options: DrainLoopOptions) {}

  /** Something may be new: make sure a drain loop runs (once). */
  kick(): void {
    if (this.stopped || !this.options.connected()) return;
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

  /** A fresh connection: nothing is announced on it yet, and any pending retry is moot. */
  reset(): void {
    this.draining = false;
    this.failures = 0;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Stops kicking; resolves once the read in flight, if any, has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.wake?.();
    await this.loop?.catch(() => undefined);
  }

  private afterLoop(): void {
    this.loop = null;
    if (this.stopped) return;
    if (this.failures > 0) {
      // Try again soon, not at once: the flag may still say "draining"
      // (writers skip their ring), and an error may repeat.
      const { sweepMs, pollMs } = this.options;
      const delay = Math.min(sweepMs, RETRY_LIMIT_MS, pollMs * 2 ** Math.min(this.failures, 10));
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.kick();
      }, delay);
      this.retryTimer.unref();
    } else if (this.rung) {
      this.kick();
    }
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

  private async announce(draining: boolean): Promise<void> {
    this.draining = draining;
    await this.options.announce(draining);
  }

  private async run(): Promise<void> {
    const { busyPerSecond, idleAfterMs, pollMs } = this.options;
    let quietSince = Date.now();
    // A loop that failed after announcing left writers skipping their ring: this one must settle it.
    let announced = this.draining;
    while (!this.stopped) {
      this.rung = false;
      const result = await this.options.read();
      const now = Date.now();
      const rows = result.notifications.length + result.userEvents.length;
      const rate = this.rate.add(now, rows);
      if (rows > 0 || result.more) quietSince = now;
      if (!announced) {
        // Light traffic: every write rings, cheaply at this rate, and is delivered at once.
        if (!result.more && rate < busyPerSecond) {
          if (this.rung) continue;
          return;
        }
        // Announced after a read, so the ring that woke us costs no extra round trip.
        await this.announce(true);
        announced = true;
      }
      if (result.more || this.rung) continue;
      if (now - quietSince >= idleAfterMs || rate < busyPerSecond / 2) break;
      // Pause even after a full read: the next one then brings a batch, not a row.
      await this.pause(pollMs);
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
    await this.announce(false);
    const target = await this.options.xmax();
    const patientUntil = Date.now() + SETTLE_PATIENCE_MS;
    let wait = this.options.pollMs;
    while (!this.stopped) {
      const result = await this.options.read();
      if (result.more) continue;
      if (result.horizon >= target || this.rung) return;
      await this.pause(wait);
      if (Date.now() > patientUntil) wait = Math.min(wait * 2, this.options.sweepMs);
    }
  }
}
