/** Support for tests, benchmarks and tools that start a server on a scratch database. */
import { loadConfig, type Config } from './config';

/**
 * A quiet server on a free loopback port, on the given database. The rest of
 * the environment applies as usual, so every process of one test run (and the
 * relays it spawns) shares its JWT_SECRET.
 */
export function configForDatabase(db: { url: string; authUrl: string }, env: Record<string, string> = {}): Config {
  return loadConfig({
    ...process.env,
    DATABASE_URL: db.url,
    AUTH_DATABASE_URL: db.authUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...env,
  });
}
