/**
 * Three relays on one database: this process's API + relay, and two relays in
 * their own processes (`npm run relay`). Every socket gets every notification
 * exactly once, whichever relay it is on, also while the relays' database
 * connections are being killed over and over.
 */
import { createTestDatabase, type TestDatabase } from '@bellhop/db/testing';
import type { Client } from 'pg';
import type { RunningServer } from '../../src/server';
import {
  Resources,
  createUsers,
  graphql,
  insertLeads,
  metrics,
  testConfig,
  tokenFor,
  waitForAll,
  waitUntil,
  type Inbox,
  type RelayProcess,
} from './helpers';

jest.setTimeout(120_000);

const resources = new Resources();
let db: TestDatabase;
let api: RunningServer;
let processes: RelayProcess[];
let urls: string[];
let sql: Client;
let alice: { id: string; token: string };
let inboxes: Inbox[];

beforeAll(async () => {
  db = await createTestDatabase();
  [api, ...processes] = await Promise.all([resources.server(db), resources.relayProcess(db), resources.relayProcess(db)]) as [
    RunningServer,
    RelayProcess,
    RelayProcess,
  ];
  urls = [api.url, ...processes.map((p) => p.url)];
  sql = await resources.pg(db.url);
  const config = testConfig(db);
  const [aliceId, bobId] = (await createUsers(sql, 2)) as [string, string];
  alice = { id: aliceId, token: tokenFor(aliceId, config) };
  const bobToken = tokenFor(bobId, config);
  inboxes = [];
  for (const url of urls) inboxes.push(await resources.socket(url, alice.token), await resources.socket(url, bobToken));
});
afterAll(async () => {
  await resources.closeAll();
  await db.drop();
});

async function relayBackends(): Promise<number[]> {
  const { rows } = await sql.query<{ pid: number }>(
    `select pid from pg_stat_activity where application_name = 'bellhop-relay' and datname = current_database()`,
  );
  return rows.map((r) => r.pid);
}

test('three relays, each with its own LISTEN connection, are registered', async () => {
  expect(await relayBackends()).toHaveLength(3);
  const { rows } = await sql.query('select id from app_private.relays');
  expect(rows).toHaveLength(3);
});

test('50 inserts (single- and multi-row) from concurrent writers reach every socket on every relay exactly once', async () => {
  const writers = await Promise.all(Array.from({ length: 5 }, () => resources.pg(db.url)));
  const perWriter = await Promise.all(
    writers.map(async (writer, w) => {
      const ids: string[] = [];
      for (let i = 0; i < 10; i += 1) ids.push(...(await insertLeads(writer, i % 5 === 4 ? 3 : 1, `M${w}-${i}`)));
      return ids;
    }),
  );
  const ids = perWriter.flat();
  expect(ids).toHaveLength(5 * (8 + 2 * 3));
  await waitForAll(inboxes, ids);
  const barrier = await insertLeads(sql, 1, 'Barrier');
  await waitForAll(inboxes, barrier);
  for (const inbox of inboxes) {
    expect(inbox.duplicates()).toEqual([]);
    expect(ids.filter((id) => inbox.count(id) !== 1)).toEqual([]);
  }
});

test('a read-state change made through the API process reaches the same user on the relay processes', async () => {
  const [id] = await insertLeads(sql, 1, 'Sync');
  await waitForAll(inboxes, [id!]);
  await graphql(api.url, 'mutation($id: UUID!) { markAsRead(id: $id) { id } }', { id }, alice.token);
  const aliceInboxes = inboxes.filter((_, i) => i % 2 === 0);
  await waitUntil(
    () => aliceInboxes.every((inbox) => inbox.updated.some((u) => u.kind === 'read' && u.ids.includes(id!))),
    () => 'the read event on all of Alice\'s sockets',
  );
  const barrier = await insertLeads(sql, 1, 'Barrier');
  await waitForAll(inboxes, barrier);
  for (const inbox of inboxes.filter((_, i) => i % 2 === 1)) expect(inbox.updated).toEqual([]);
});

test('killing every relay\'s database connection again and again while writers write: no crash, no loss, no duplicate', async () => {
  const before = await Promise.all(urls.map((url) => metrics(url)));
  const writers = await Promise.all(Array.from({ length: 3 }, () => resources.pg(db.url)));
  let writing = true;
  let kills = 0;
  const killer = (async () => {
    while (writing) {
      const pids = await relayBackends();
      if (pids.length > 0) {
        await sql.query('select pg_terminate_backend(pid) from unnest($1::int[]) pid', [pids]);
        kills += 1;
      }
      // Mostly right away, so kills also land between connecting and the first read.
      await new Promise((resolve) => setTimeout(resolve, kills % 4 === 3 ? 250 : Math.floor(Math.random() * 30)));
    }
  })();
  const ids = (
    await Promise.all(
      writers.map(async (writer, w) => {
        const mine: string[] = [];
        for (let i = 0; i < 40; i += 1) {
          mine.push(...(await insertLeads(writer, i % 10 === 9 ? 4 : 1, `K${w}-${i}`)));
          await new Promise((resolve) => setTimeout(resolve, 15));
        }
        return mine;
      }),
    )
  ).flat();
  writing = false;
  await killer;
  expect(kills).toBeGreaterThanOrEqual(3);

  await waitForAll(inboxes, ids, 20_000);
  const barrier = await insertLeads(sql, 1, 'Barrier');
  await waitForAll(inboxes, barrier, 20_000);
  for (const inbox of inboxes) {
    expect(inbox.duplicates()).toEqual([]);
    expect(ids.filter((id) => inbox.count(id) !== 1)).toEqual([]);
    expect(inbox.socket.connected).toBe(true);
  }
  for (const relay of processes) expect(relay.child.exitCode).toBeNull();

  for (const [i, url] of urls.entries()) {
    await waitUntil(async () => (await fetch(`${url}/healthz`)).status === 200, () => `${url}/healthz to be 200 again`);
    const health = (await (await fetch(`${url}/healthz`)).json()) as { relay: { listening: boolean } };
    expect(health.relay.listening).toBe(true);
    const after = await metrics(url);
    expect(after.bellhop_relay_reconnects_total).toBeGreaterThan(before[i]!.bellhop_relay_reconnects_total!);
  }
  expect(await relayBackends()).toHaveLength(3);
});

test('the relay processes log a structured "Notification emitted" line', () => {
  for (const relay of processes) {
    const emitted = relay.logs.filter((entry) => entry.msg === 'Notification emitted');
    expect(emitted.length).toBeGreaterThan(0);
    expect(emitted[0]).toEqual(expect.objectContaining({ level: 30, count: expect.any(Number), firstId: expect.any(String) }));
  }
});
