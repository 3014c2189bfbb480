/**
 * PostgreSQL goes away under a running Bellhop (a restart, a failover, a
 * killed connection) and comes back: nothing committed afterwards is lost,
 * connected sockets stay connected, and /healthz says so.
 *
 * PostgreSQL here is a scratch cluster this file starts and stops itself;
 * Bellhop runs as a real child process (server/src/main.ts).
 */
import { DEV_AUTHENTICATOR_PASSWORD, prepareDatabase, withDatabase } from '@bellhop/db';
import { Client } from 'pg';
import { authenticatorUrlFor } from '../../src/config';
import {
  Resources,
  ScratchCluster,
  Writers,
  createUsers,
  insertLeads,
  serverProcess,
  tokenFor,
  waitForAll,
  waitUntil,
  type Inbox,
  type ServerProcess,
} from '@bellhop/testing';

jest.setTimeout(180_000);

const JWT_SECRET = 'fault-suite-secret-that-is-long-enough-to-use';
const resources = new Resources();
let cluster: ScratchCluster;
let databaseUrl: string;
let server: ServerProcess;
let token: string;

async function connectWhenUp(url: string, timeoutMs = 30_000): Promise<Client> {
  let client: Client | null = null;
  await waitUntil(
    async () => {
      const candidate = new Client({ connectionString: url });
      // A restart ends this session; that is expected, not a test failure.
      candidate.on('error', () => undefined);
      try {
        await candidate.connect();
        client = candidate;
        return true;
      } catch {
        await candidate.end().catch(() => undefined);
        return false;
      }
    },
    () => 'PostgreSQL to accept connections',
    timeoutMs,
  );
  return resources.add(client!, (c) => c.end().catch(() => undefined));
}

/** Commits `count` notifications, one transaction each. */
async function commitEach(client: Client, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push(...(await insertLeads(client, 1, `${prefix} ${i}`)));
  return ids;
}

function expectExactlyOnce(inboxes: Inbox[], ids: string[]): void {
  for (const inbox of inboxes) {
    const received = inbox.ids();
    expect(new Set(received).size).toBe(received.length);
    expect(ids.filter((id) => inbox.count(id) !== 1)).toEqual([]);
  }
}

beforeAll(async () => {
  cluster = await ScratchCluster.create();
  databaseUrl = withDatabase(cluster.adminUrl, 'bellhop');
  await prepareDatabase({ databaseUrl, authenticatorPassword: DEV_AUTHENTICATOR_PASSWORD, seed: false, current: true });
  server = resources.add(
    await serverProcess('server', {
      DATABASE_URL: databaseUrl,
      AUTH_DATABASE_URL: authenticatorUrlFor(databaseUrl, DEV_AUTHENTICATOR_PASSWORD),
      JWT_SECRET,
    }),
    (s) => s.stop(),
  );
  const setup = await connectWhenUp(databaseUrl);
  const [userId] = (await createUsers(setup, 1)) as [string];
  token = tokenFor(userId, JWT_SECRET);
  await setup.end();
});

afterAll(async () => {
  await resources.closeAll();
  await cluster?.destroy();
});

/** On failure, add the server's own account of what happened. */
function explained(run: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await run();
    } catch (error) {
      (error as Error).message += `\n--- bellhop server output ---\n${server.output}\n--- postgres ---\n${cluster.output}`;
      throw error;
    }
  };
}

test('PostgreSQL restarted while sockets are connected: everything committed after the restart arrives, health recovers', explained(async () => {
  const websocket = await resources.socket(server.url, token, { reconnection: true });
  const polling = await resources.socket(server.url, token, { reconnection: true, transports: ['polling'] });
  const inboxes = [websocket, polling];

  const before = await commitEach(await connectWhenUp(databaseUrl), 3, 'Before');
  await waitForAll(inboxes, before);

  await cluster.stop();
  await waitUntil(async () => (await server.health()) === 503, () => '/healthz to report 503 while PostgreSQL is down', 30_000);

  await cluster.start();
  // Written at once, most likely before the relay has reconnected: caught up on reconnect.
  const writer = await connectWhenUp(databaseUrl);
  const rightAfter = await commitEach(writer, 5, 'Right after');
  await waitUntil(async () => (await server.health()) === 200, () => '/healthz to report 200 again', 60_000);
  const health = (await (await fetch(`${server.url}/healthz`)).json()) as { status: string; database: string; relay: { listening: boolean; sockets: number } };
  expect(health).toMatchObject({ status: 'ok', database: 'up', relay: { listening: true, sockets: 2 } });
  // Written once healthy: live delivery again.
  const later = await commitEach(writer, 5, 'Later');

  await waitForAll(inboxes, [...rightAfter, ...later], 30_000);
  expectExactlyOnce(inboxes, [...before, ...rightAfter, ...later]);
  // The sockets never noticed: the relay process and its Socket.io server stayed up.
  expect(inboxes.map((inbox) => inbox.disconnectReason)).toEqual([null, null]);
  expect(await server.health()).toBe(200);
}));

test("the relay's LISTEN connection killed twice mid-stream: every committed notification arrives exactly once", explained(async () => {
  const inbox = await resources.socket(server.url, token, { reconnection: true });
  const admin = await connectWhenUp(databaseUrl);
  const writers = new Writers(databaseUrl, 4, 5);
  await writers.start();
  const terminated: number[] = [];
  try {
    for (let round = 0; round < 2; round += 1) {
      const startedWith = writers.committed.length;
      await waitUntil(() => writers.committed.length >= startedWith + 50, () => 'writers to commit 50 more notifications', 30_000);
      // The relay may still be reconnecting from the last round (a read it had in
      // flight can fail a moment later): wait for its one LISTEN backend.
      let rows: Array<{ pid: number }> = [];
      await waitUntil(
        async () => {
          ({ rows } = await admin.query<{ pid: number }>(
            `select pid from pg_stat_activity where application_name = 'bellhop-relay' and datname = current_database()`,
          ));
          return rows.length === 1 && (await server.health()) === 200;
        },
        () => 'the relay to hold exactly one LISTEN connection',
        30_000,
      );
      expect(rows).toHaveLength(1);
      await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
      terminated.push(rows[0]!.pid);
      // Keep writing while it reconnects.
      await waitUntil(async () => (await server.health()) === 200, () => 'the relay to LISTEN again', 30_000);
    }
    const afterReconnect = writers.committed.length;
    await waitUntil(() => writers.committed.length >= afterReconnect + 50, () => 'writers to commit 50 more notifications', 30_000);
  } finally {
    await writers.stop();
  }
  await waitForAll([inbox], writers.committed, 30_000);
  expectExactlyOnce([inbox], writers.committed);
  const { rows } = await admin.query<{ n: number }>(
    `select count(*)::int as n from app_public.notifications where message like 'Writer %'`,
  );
  expect(rows[0]!.n).toBe(writers.committed.length);
  expect(new Set(terminated).size).toBe(2);
}));
