import { Pool } from 'pg';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Shutdown } from '../shutdown';
import { SerialQueryClient } from '../serialQueryClient';

/** The API's pool, connected as bellhop_authenticator. */
export function installDatabasePool(config: Config, logger: Logger, shutdown: Shutdown): Pool {
  const pool = new Pool({
    connectionString: config.authDatabaseUrl,
    max: 20,
    application_name: 'bellhop-api',
    // With every client busy, a request gets an error after this long instead of waiting forever.
    connectionTimeoutMillis: 10_000,
    // PostGraphile runs the root fields of one request at once on one client; pg wants one query at a time.
    Client: SerialQueryClient,
  });
  // An idle client dropping (e.g. a database restart) must not crash the process; pg replaces it.
  pool.on('error', (error) => logger.warn({ err: error.message }, 'An idle API database connection dropped'));
  shutdown.add(() => pool.end());
  return pool;
}
