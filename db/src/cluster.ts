/**
 * Which PostgreSQL to use: the one in DATABASE_URL (or TEST_DATABASE_URL for
 * tests) when set, otherwise an embedded one that we start ourselves.
 */
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { startEmbeddedPostgres } from './embedded';
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

/**
 * For npm start: the server in databaseUrl, or an embedded one with
 * persistent data under .data/, on its own port.
 */
export async function obtainDevPostgres(log: (line: string) => void, options: { databaseUrl: string | null; port: number }): Promise<Postgres> {
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    await withClient(url, async () => undefined); // fail early, with advice
    return { adminUrl: url, description: `DATABASE_URL (${redact(url)})`, embedded: false, stop: async () => undefined };
  }
  const { port } = options;
  const dataDir = path.join(ROOT_DIR, '.data', 'postgres');
  log(`Starting embedded PostgreSQL on port ${port} (data in .data/postgres)…`);
  const pg = await startEmbeddedPostgres({ dataDir, port, persistent: true, log });
  return { adminUrl: pg.adminUrl, description: `embedded PostgreSQL on port ${port}`, embedded: true, stop: pg.stop };
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
  fs.chmodSync(dataDir, 0o755);
  log(`Starting a throwaway embedded PostgreSQL on port ${port}…`);
  const pg = await startEmbeddedPostgres({ dataDir, port, persistent: false, durable: options.durable ?? false, log });
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
