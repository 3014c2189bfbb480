import type { Express } from 'express';
import { Pool } from 'pg';
import type { Config } from '../config';
import type { Shutdown } from '../shutdown';

/** The API's pool, connected as bellhop_authenticator. */
export function installDatabasePool(app: Express, config: Config, shutdown: Shutdown): Pool {
  const pool = new Pool({ connectionString: config.authDatabaseUrl, max: 20, application_name: 'bellhop-api' });
  // An idle client dropping (e.g. a database restart) must not crash the process.
  pool.on('error', () => undefined);
  app.locals.authPgPool = pool;
  shutdown.add(() => pool.end());
  return pool;
}
