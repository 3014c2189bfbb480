/**
 * The relay's LISTEN connection is killed (as pg_terminate_backend, a
 * database restart or a network blip would): it reconnects, LISTENs again and
 * delivers what was committed meanwhile, once. The sweep is pushed out of the
 * way, so catching up is the reconnect's doing.
 */
import { createTestDatabase, type TestDatabase } from '@bellhop/db/testing';
import type { Client } from 'pg';
import type { RunningServer } from '../../src/server';
import { Resources, createUsers, insertLeads, metrics, testConfig, tokenFor, waitForAll, waitUntil, type Inbox } from './helpers';

jest.setTimeout(60_000);

const resources = new Resources();
let db: TestDatabase;
let server: RunningServer;
let sql: Client;
let alice: string;
let inboxes: Inbox[];

beforeAll(async () => {
  db = await createTestDatabase();
  server = await resources.server(db, { env: { RELAY_SWEEP_MS: '600000' } });
  sql = await resources.pg(db.url);
  const config = testConfig(db);
  const [aliceId, bobId] = (await createUsers(sql, 2)) as [string, string];
  alice = aliceId;
  inboxes = [];
  for (let i = 0; i < 3; i += 1) {
    inboxes.push(await resources.socket(server.url, tokenFor(aliceId, config)), await resources.socket(server.url, tokenFor(bobId, config)));
  }
});
afterAll(async () => {
  await resources.closeAll();
  await db.drop();
});

async function listenBackend(): Promise<number> {
  const { rows } = await sql.query<{ pid: number }>(
    `select pid from pg_stat_activity where application_name = 'bellhop-relay' and datname = current_database()`,
  );
  expect(rows).toHaveLength(1);
  return rows[0]!.pid;
}

async function health(): Promise<{ status: number; body: { relay: { listening: boolean; database: string } } }> {
  const response = await fetch(`${server.url}/healthz`);
  return { status: response.status, body: (await response.json()) as { relay: { listening: boolean; database: string } } };
}

test('after pg_terminate_backend on the LISTEN connection, ten leads inserted straight away all arrive, once each', async () => {
  expect((await health()).status).toBe(200);
  const before = await metrics(server.url);
  const pid = await listenBackend();
  const { rows } = await sql.query<{ killed: boolean }>('select pg_terminate_backend($1) as killed', [pid]);
  expect(rows[0]!.killed).toBe(true);

  const ids: string[] = [];
  for (let i = 0; i < 10; i += 1) ids.push(...(await insertLeads(sql, 1, `Outage${i}`)));
  expect(ids).toHaveLength(10);

  await waitForAll(inboxes, ids);
  const barrier = await insertLeads(sql, 1, 'Barrier');
  await waitForAll(inboxes, barrier);
  for (const inbox of inboxes) {
    expect(inbox.duplicates()).toEqual([]);
    expect(inbox.ids().filter((id) => ids.includes(id))).toEqual(ids);
  }

  expect(await listenBackend()).not.toBe(pid);
  await waitUntil(async () => (await health()).status === 200, () => '/healthz to be 200');
  const { body } = await health();
  expect(body.relay).toEqual(expect.objectContaining({ listening: true, database: 'up' }));
  const after = await metrics(server.url);
  expect(after.bellhop_relay_reconnects_total).toBeGreaterThanOrEqual(before.bellhop_relay_reconnects_total! + 1);
  expect(after.bellhop_relay_listening).toBe(1);
  // Sockets are not touched by the database outage.
  expect(inboxes.every((inbox) => inbox.socket.connected)).toBe(true);
});

test('read-state changes made during the outage reach the user\'s sockets after it', async () => {
  const [id] = await insertLeads(sql, 1, 'Before');
  await waitForAll(inboxes, [id!]);
  await sql.query('select pg_terminate_backend($1)', [await listenBackend()]);
  await sql.query('begin');
  await sql.query(`select set_config('role', 'bellhop_visitor', true), set_config('jwt.claims.user_id', $1, true)`, [alice]);
  await sql.query('select app_public.delete_notification($1)', [id]);
  await sql.query('commit');

  const aliceInboxes = inboxes.filter((_, i) => i % 2 === 0);
  await waitUntil(
    () => aliceInboxes.every((inbox) => inbox.deleted.some((d) => d.ids.includes(id!))),
    () => 'the deletion on all of Alice\'s sockets',
  );
  const barrier = await insertLeads(sql, 1, 'Barrier');
  await waitForAll(inboxes, barrier);
  for (const inbox of aliceInboxes) expect(inbox.deleted).toEqual([{ ids: [id] }]);
  for (const inbox of inboxes.filter((_, i) => i % 2 === 1)) expect(inbox.deleted).toEqual([]);
});

test('a connection killed in the middle of a large drain loses nothing and sends nothing twice', async () => {
  const ids = await insertLeads(sql, 3000, 'Big');
  // Kill as soon as the relay starts reading this batch.
  await sql.query('select pg_terminate_backend($1)', [await listenBackend()]);
  const more = await insertLeads(sql, 5, 'After');
  await waitForAll(inboxes, [...ids, ...more], 20_000);
  const barrier = await insertLeads(sql, 1, 'Barrier');
  await waitForAll(inboxes, barrier);
  for (const inbox of inboxes) {
    expect(inbox.duplicates()).toEqual([]);
    expect(inbox.ids().filter((id) => ids.includes(id))).toHaveLength(ids.length);
  }
});

test('a read failing with an SQL error (connection up) is retried until it works: nothing lost, nothing twice', async () => {
  // The read touches user_events too; without it every read fails (lead inserts do not need it).
  await sql.query('alter table app_private.user_events rename to user_events_away');
  let ids: string[];
  try {
    ids = [...(await insertLeads(sql, 3, 'Broken')), ...(await insertLeads(sql, 1, 'Broken'))];
    // Let the relay fail a few times.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inboxes.every((inbox) => ids.every((id) => inbox.count(id) === 0))).toBe(true);
  } finally {
    await sql.query('alter table app_private.user_events_away rename to user_events');
  }
  // No new write, so no ring: the relay's own retry must deliver.
  await waitForAll(inboxes, ids);
  const barrier = await insertLeads(sql, 1, 'Barrier');
  await waitForAll(inboxes, barrier);
  for (const inbox of inboxes) {
    expect(inbox.duplicates()).toEqual([]);
    expect(inbox.ids().filter((id) => ids.includes(id))).toEqual(ids);
  }
  expect((await health()).status).toBe(200);
});
