/**
 * Small helpers for the relay tests: real servers on free ports, real
 * socket.io clients, real PostgreSQL connections. Waiting is always "until
 * this is true, or fail after a timeout", never "sleep and hope".
 */
import { configForDatabase } from '../../src/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { TestDatabase } from '@bellhop/db/testing';
import { type Config } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { signToken } from '../../src/jwt';
import type {
  NotificationDeletedPayload,
  NotificationPayload,
  NotificationUpdatedPayload,
  ServerToClientEvents,
} from '@bellhop/contract';
import { SERVER_EVENTS } from '@bellhop/contract';

export type ClientSocket = Socket<ServerToClientEvents, Record<string, never>>;

export const WAIT_MS = 10_000;

export const NOTIFICATION_FIELDS = 'id type title message isRead relatedLeadId createdAt updatedAt';

export const testConfig = configForDatabase;

/** Everything started by a test file, closed in one afterAll. */
export class Resources {
  private readonly closers: Array<() => Promise<unknown> | unknown> = [];

  add<T>(value: T, close: (value: T) => Promise<unknown> | unknown): T {
    this.closers.push(() => close(value));
    return value;
  }

  async server(db: TestDatabase, options: { api?: boolean; env?: Record<string, string> } = {}): Promise<RunningServer> {
    const server = await startServer(testConfig(db, { ...(options.api === false ? { API: 'false' } : {}), ...options.env }));
    return this.add(server, (s) => s.close());
  }

  async pg(url: string): Promise<Client> {
    const client = new Client({ connectionString: url });
    await client.connect();
    return this.add(client, (c) => c.end().catch(() => undefined));
  }

  async socket(url: string, token: string | null, options: Partial<ManagerOptions & SocketOptions> = {}): Promise<Inbox> {
    const inbox = new Inbox(openSocket(url, token, options));
    this.add(inbox, (i) => i.socket.close());
    await inbox.connected();
    return inbox;
  }

  /** A relay in its own process, as `npm run relay` starts it. */
  async relayProcess(db: TestDatabase, env: Record<string, string> = {}): Promise<RelayProcess> {
    const relay = await spawnRelay(db, env);
    return this.add(relay, (r) => r.stop());
  }

  async closeAll(): Promise<void> {
    for (const close of this.closers.splice(0).reverse()) {
      await Promise.resolve().then(close).catch(() => undefined);
    }
  }
}

export function openSocket(url: string, token: string | null, options: Partial<ManagerOptions & SocketOptions> = {}): ClientSocket {
  return io(url, {
    forceNew: true,
    reconnection: false,
    transports: ['websocket'],
    ...(token === null ? {} : { auth: { token } }),
    ...options,
  });
}

/** One socket and everything it has received, in order. */
export class Inbox {
  readonly created: NotificationPayload[] = [];
  readonly updated: NotificationUpdatedPayload[] = [];
  readonly deleted: NotificationDeletedPayload[] = [];
  disconnectReason: string | null = null;
  private readonly counts = new Map<string, number>();

  constructor(readonly socket: ClientSocket) {
    socket.on(SERVER_EVENTS.created, (n) => {
      this.created.push(n);
      this.counts.set(n.id, (this.counts.get(n.id) ?? 0) + 1);
    });
    socket.on(SERVER_EVENTS.updated, (u) => this.updated.push(u));
    socket.on(SERVER_EVENTS.deleted, (d) => this.deleted.push(d));
    socket.on('disconnect', (reason) => {
      this.disconnectReason = reason;
    });
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket did not connect')), WAIT_MS);
      this.socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.once('connect_error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  count(id: string): number {
    return this.counts.get(id) ?? 0;
  }

  ids(): string[] {
    return this.created.map((n) => n.id);
  }

  /** Ids received more than once. */
  duplicates(): string[] {
    return [...this.counts].filter(([, n]) => n > 1).map(([id]) => id);
  }
}

/** Resolves once check() holds; otherwise fails with what was last seen. */
export async function waitUntil(check: () => boolean | Promise<boolean>, describe: () => string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function waitForAll(inboxes: Inbox[], ids: string[], timeoutMs = WAIT_MS): Promise<void> {
  await waitUntil(
    () => inboxes.every((inbox) => ids.every((id) => inbox.count(id) > 0)),
    () => {
      const missing = inboxes.map((inbox) => ids.filter((id) => inbox.count(id) === 0).length);
      return `${ids.length} notifications on ${inboxes.length} sockets (missing per socket: ${missing.join(',')})`;
    },
    timeoutMs,
  );
}

/** The connect_error a socket gets (it must never connect). */
export function connectError(url: string, token: string | null, options: Partial<ManagerOptions & SocketOptions> = {}): Promise<{ message: string; inbox: Inbox }> {
  const inbox = new Inbox(openSocket(url, token, options));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      inbox.socket.close();
      reject(new Error('no connect_error'));
    }, WAIT_MS);
    inbox.socket.once('connect', () => {
      clearTimeout(timer);
      inbox.socket.close();
      reject(new Error('socket connected but should have been refused'));
    });
    inbox.socket.once('connect_error', (error) => {
      clearTimeout(timer);
      inbox.socket.close();
      resolve({ message: error.message, inbox });
    });
  });
}

export function tokenFor(userId: string, config: Config, expiresInSeconds = 3600): string {
  return signToken(userId, config.jwtSecret, expiresInSeconds);
}

export async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  // Parsed here, not by fetch, so objects belong to this realm (Jest's toStrictEqual compares prototypes).
  const body = JSON.parse(await response.text()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data!;
}

export async function getNotifications(url: string, token: string): Promise<NotificationPayload[]> {
  const data = await graphql<{ getNotifications: NotificationPayload[] }>(url, `{ getNotifications { ${NOTIFICATION_FIELDS} } }`, {}, token);
  return data.getNotifications;
}

/** Inserts leads in one statement and one transaction; returns their notifications' ids. */
export async function insertLeads(client: Client, count = 1, prefix = 'Lead'): Promise<string[]> {
  await client.query('begin');
  try {
    await client.query(
      `insert into app_public.leads (first_name, last_name, email)
       select $2 || ' ' || i, 'Test', 'lead-' || gen_random_uuid() || '@example.com' from generate_series(1, $1::int) i`,
      [count, prefix],
    );
    const { rows } = await client.query<{ id: string }>(
      'select id from app_public.notifications where txid = pg_current_xact_id() order by seq',
    );
    await client.query('commit');
    return rows.map((r) => r.id);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

export async function createUsers(client: Client, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const email = `user-${i}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
    await client.query('select app_public.register($1, $2, $3)', [email, 'password123', `User ${i}`]);
    const { rows } = await client.query<{ id: string }>('select id from app_public.users where email = $1', [email]);
    ids.push(rows[0]!.id);
  }
  return ids;
}

export async function metrics(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const values: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) values[match[1]!] = Number(match[2]);
  }
  return values;
}

export interface RelayProcess {
  url: string;
  child: ChildProcess;
  /** Every pino line it logged, parsed. */
  logs: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../../..');

export function spawnRelay(db: TestDatabase, env: Record<string, string> = {}): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/relay-main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  let buffered = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`relay process did not start within 60 s: ${stderr}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay process exited with ${code}: ${stderr}`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (!line.trim()) continue;
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'Bellhop relay listening') {
          clearTimeout(timer);
          resolve({
            url: String(entry.url).replace('localhost', '127.0.0.1'),
            child,
            logs,
            stop: async () => {
              if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
              await exited;
            },
          });
        }
      }
    });
  });
}
