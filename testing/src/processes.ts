/**
 * Bellhop servers as child processes, as `npm start` and `npm run relay`
 * run them, so SIGKILL means what it says. Each answers on its own port;
 * its pino log lines are kept, parsed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '@bellhop/db';
import { ENTRY_POINTS } from '@bellhop/server';
import { ROOT, Tail, exited, killGroup, track } from './children';
import { waitUntil } from './wait';

/** server: the API + relay (server/src/main.ts); relay: the relay alone (server/src/relay-main.ts). */
export type ProcessKind = 'server' | 'relay';

const SCRIPTS: Record<ProcessKind, string> = ENTRY_POINTS;

export class ServerProcess {
  private child: ChildProcess | null = null;
  readonly output = new Tail();
  /** Every JSON (pino) line it wrote to stdout, parsed. */
  readonly logs: Array<Record<string, unknown>> = [];
  readonly url: string;

  constructor(
    readonly kind: ProcessKind,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** null while it runs. */
  get exitCode(): number | null {
    return this.child?.exitCode ?? null;
  }

  /** Starts the process and resolves once /healthz answers 200. */
  async start(timeoutMs = 60_000): Promise<void> {
    const child = track(
      spawn(process.execPath, ['--import', 'tsx', SCRIPTS[this.kind]], {
        cwd: ROOT,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'test',
          HOST: '127.0.0.1',
          PORT: String(this.port),
          MIGRATE: 'false',
          LOG_LEVEL: 'warn',
          ...this.env,
        },
      }),
    );
    this.collect(child);
    this.child = child;
    try {
      await waitUntil(
        async () => {
          if (child.exitCode !== null) throw new Error(`The ${this.kind} process exited with code ${child.exitCode}:\n${this.output}`);
          return (await this.health()) === 200;
        },
        () => `the ${this.kind} process on port ${this.port} to be healthy. Output:\n${this.output}`,
        timeoutMs,
      );
    } catch (error) {
      await this.kill('SIGKILL');
      throw error;
    }
  }

  private collect(child: ChildProcess): void {
    let partial = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      this.output.push(chunk);
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        try {
          this.logs.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // Not a log line.
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => this.output.push(chunk));
  }

  /** The /healthz status, or null when nothing answers. */
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

/** A started process on a free port; env comes on top of a quiet test environment. */
export async function serverProcess(kind: ProcessKind, env: Record<string, string>): Promise<ServerProcess> {
  const server = new ServerProcess(kind, await freePort(), env);
  await server.start();
  return server;
}
