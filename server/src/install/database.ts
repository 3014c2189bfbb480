import type { Express } from 'express';
import { Pool, type PoolClient } from 'pg';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Shutdown } from '../shutdown';

/** The API's pool, connected as bellhop_authenticator. */
export function installDatabasePool(app: Express, config: Config, logger: Logger, shutdown: Shutdown): Pool {
  const pool = new Pool({
    connectionString: config.authDatabaseUrl,
    max: 20,
    application_name: 'bellhop-api',
    // With every client busy, a request gets an error after this long instead of waiting forever.
    connectionTimeoutMillis: 10_000,
  });
  // An idle client dropping (e.g. a database restart) must not crash the process; pg replaces it.
  pool.on('error', (error) => logger.warn({ err: error.message }, 'An idle API database connection dropped'));
  app.locals.authPgPool = pool;
  shutdown.add(() => endPool(pool));
  return pool;
}

/**
 * Ends a pool PostGraphile used. @graphile/pg-pubsub checks one client out
 * for good and never gives it back, so pool.end() alone would wait forever.
 */
export async function endPool(pool: Pool): Promise<void> {
  const ended = pool.end();
  const internals = pool as unknown as { _clients: Array<PoolClient & { keepAliveInterval?: NodeJS.Timeout }> };
  for (const client of internals._clients) {
    // Only pg-pubsub's client carries its keepalive timer; clients of requests
    // still in flight are released by PostGraphile when they finish (releasing
    // them here too was an uncaught "Release called on client which has
    // already been released").
    if (!client.keepAliveInterval) continue;
    clearInterval(client.keepAliveInterval);
    client.release(true);
  }
  await ended;
}
