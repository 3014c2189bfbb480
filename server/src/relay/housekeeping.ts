/**
 * The relay's periodic upkeep: counting new notification chunks for
 * getUnreadCount (every second) and pruning the user_events outbox and dead
 * relay registrations (every minute). It runs on its own connection so that a
 * refresh never holds up the read that follows a ring.
 */
import { Pool } from 'pg';
import type { Logger } from '../logger';
import { waitAtMost } from '../waitAtMost';
import { RELAY_SQL } from './sql';

const COUNTS_MS = 1_000;
const PRUNE_MS = 60_000;

export class Housekeeping {
  private readonly pool: Pool;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    databaseUrl: string,
    private readonly logger: Logger,
    queryTimeoutMs: number,
  ) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: 1,
      // A silent connection (see Listener) errors after this; the pool then drops it and opens another.
      query_timeout: queryTimeoutMs,
      application_name: 'bellhop-relay-upkeep',
      // Losing the last refresh in a crash loses its counts and its horizon together: nothing to make durable.
      options: '-c synchronous_commit=off',
    });
    // An idle client's error (the database restarted, say) must not take the process down; the next run reconnects.
    this.pool.on('error', (error) => this.logger.debug({ err: error.message }, 'Relay upkeep connection dropped'));
  }

  start(): void {
    this.timers.push(
      setInterval(() => this.run(RELAY_SQL.refreshCounts), COUNTS_MS),
      setInterval(() => this.run(RELAY_SQL.prune), PRUNE_MS),
    );
    for (const timer of this.timers) timer.unref();
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    // A run stuck on a dead connection would hold pool.end() until its query_timeout; do not wait for it.
    await waitAtMost(this.pool.end(), 2_000);
  }

  /** Whether the database answers on the upkeep connection within timeoutMs (for /healthz). */
  async ping(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const answered = this.pool.query(RELAY_SQL.ping).then(
      () => true,
      () => false,
    );
    const result = await Promise.race([answered, timeout]);
    clearTimeout(timer);
    return result;
  }

  private run(sql: string): void {
    // Skipped while the previous run still waits for its connection: upkeep must not pile up.
    if (this.pool.waitingCount > 0) return;
    this.pool.query(sql).catch((error: Error) => this.logger.debug({ err: error.message, sql }, 'Relay upkeep failed; will try again'));
  }
}
