/**
 * Which PostgreSQL to use: the one in DATABASE_URL (or TEST_DATABASE_URL for
 * tests) when set, otherwise an embedded one that we start ourselves.
 */
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { startEmbeddedPostgres } from './embedded';
import { SupervisedPostgres } from './supervised';
import { ROOT_DIR } from './migrate';
import { redact } from './connection';
import { withClient } from './database';

export interface Postgres {
  /** Connection string for the maintenance database (creates other databases). */
  adminUrl: string;
  /** Where it came from, for messages. */
  description: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const DEFAULT_EMBEDDED_PORT = 54329;
/** Where `npm start` keeps the embedded PostgreSQL: .data/postgres in the checkout. */
export const DEV_DATA_DIR = path.join(ROOT_DIR, '.data', 'postgres');
/** The database `npm start` uses on the embedded server. */
export const DEV_DATABASE = 'bellhop';

/** The embedded server's connection string for the app's database, if `npm start` ever created one here. */
export function embeddedDevUrl(port: number): string | null {
  const file = path.join(DEV_DATA_DIR, 'superuser-password');
  if (!fs.existsSync(file)) return null;
  const password = fs.readFileSync(file, 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DEV_DATABASE}`;
}

/**
 * For npm start: the server in databaseUrl, or an embedded one with
 * persistent data under .data/, on its own port, restarted if it dies.
 */
export async function obtainDevPostgres(
  log: (line: string) => void,
  options: { databaseUrl: string | null; port: number; onGiveUp: (error: Error) => void },
): Promise<Postgres> {
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    await withClient(url, async () => undefined); // fail early, with advice
    return { adminUrl: url, description: `DATABASE_URL (${redact(url)})`, embedded: false, stop: async () => undefined };
  }
  const { port, onGiveUp } = options;
  const dataDir = DEV_DATA_DIR;
  log(`Starting the embedded PostgreSQL on port ${port} (data in .data/postgres)…`);
  const pg = await SupervisedPostgres.start({ dataDir, port, log, onGiveUp });
  return { adminUrl: pg.adminUrl, description: `the embedded PostgreSQL on port ${port}`, embedded: true, stop: () => pg.stop() };
}

/**
 * For npm test: TEST_DATABASE_URL, DATABASE_URL, or a throwaway embedded
 * cluster. Tests run it without fsync (their clean-up forces checkpoints);
 * benchmarks ask for a durable one, configured as production would be.
 */
export async function obtainTestPostgres(
  log: (line: string) => void,
  options: { databaseUrl: string | null; databaseUrlName?: string | null; durable?: boolean },
): Promise<Postgres> {
  const url = options.databaseUrl;
  if (url) {
    await withClient(url, async () => undefined);
    const name = options.databaseUrlName ?? 'DATABASE_URL';
    return { adminUrl: url, description: `${name} (${redact(url)})`, embedded: false, stop: async () => undefined };
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bellhop-test-pg-'));
  log(`Starting a throwaway embedded PostgreSQL on port ${port}…`);
  const pg = await startEmbeddedPostgres({ dataDir, port, durable: options.durable ?? false, log });
  return {
    adminUrl: pg.adminUrl,
    description: `embedded PostgreSQL on port ${port}`,
    embedded: true,
    stop: async () => {
      await pg.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
