/**
 * The relay's LISTEN connection is killed (as pg_terminate_backend, a
 * database restart or a network blip would): it reconnects, LISTENs again and
 * delivers what was committed meanwhile, once. The sweep is pushed out of the
 * way, so catching up is the reconnect's doing.
 */
import { actAs, health, insertLeads, metrics, sleep, useStack, waitForAll, waitForBarrier, waitUntil, type Inbox } from '@bellhop/testing';

jest.setTimeout(60_000);

const stack = useStack({ env: { RELAY_SWEEP_MS: '600000' }, users: 2 });
let inboxes: Inbox[];

beforeAll(async () => {
  // Three tabs each for Alice and Bob, in turn.
  inboxes = await stack.sockets(stack.accounts.map((user) => user.token), Array<string>(3).fill(stack.server.url));
});

async function listenBackend(): Promise<number> {
  const { rows } = await stack.sql.query<{ pid: number }>(
    `select pid from pg_stat_activity where application_name = 'bellhop-relay' and datname = current_database()`,
  );
  expect(rows).toHaveLength(1);
  return rows[0]!.pid;
}

test('after pg_terminate_backend on the LISTEN connection, ten leads inserted straight away all arrive, once each', async () => {
  expect((await health(stack.server.url)).status).toBe(200);
  const before = await metrics(stack.server.url);
  const pid = await listenBackend();
  const { rows } = await stack.sql.query<{ killed: boolean }>('select pg_terminate_backend($1) as killed', [pid]);
  expect(rows[0]!.killed).toBe(true);

  const ids: string[] = [];
  for (let i = 0; i < 10; i += 1) ids.push(...(await insertLeads(stack.sql, 1, `Outage${i}`)));
  expect(ids).toHaveLength(10);

  await waitForAll(inboxes, ids);
  await waitForBarrier(stack.sql, inboxes);
  for (const inbox of inboxes) {
    expect(inbox.duplicates()).toEqual([]);
    expect(inbox.ids().filter((id) => ids.includes(id))).toEqual(ids);
  }

  expect(await listenBackend()).not.toBe(pid);
  await waitUntil(async () => (await health(stack.server.url)).status === 200, () => '/healthz to be 200');
  const { body } = await health(stack.server.url);
  expect(body.relay).toEqual(expect.objectContaining({ listening: true, database: 'up' }));
  const after = await metrics(stack.server.url);
  expect(after.bellhop_relay_reconnects_total).toBeGreaterThanOrEqual(before.bellhop_relay_reconnects_total! + 1);
  expect(after.bellhop_relay_listening).toBe(1);
  // Sockets are not touched by the database outage.
  expect(inboxes.every((inbox) => inbox.socket.connected)).toBe(true);
});

test('read-state changes made during the outage reach the user\'s sockets after it', async () => {
  const [id] = await insertLeads(stack.sql, 1, 'Before');
  await waitForAll(inboxes, [id!]);
  await stack.sql.query('select pg_terminate_backend($1)', [await listenBackend()]);
  await stack.sql.query('begin');
  await actAs(stack.sql, stack.accounts[0]!.id);
  await stack.sql.query('select app_public.delete_notification($1)', [id]);
  await stack.sql.query('commit');

  const aliceInboxes = inboxes.filter((_, i) => i % 2 === 0);
  await waitUntil(
    () => aliceInboxes.every((inbox) => inbox.deleted.some((d) => d.ids.includes(id!))),
    () => 'the deletion on all of Alice\'s sockets',
  );
  await waitForBarrier(stack.sql, inboxes);
  for (const inbox of aliceInboxes) expect(inbox.deleted).toEqual([{ ids: [id] }]);
  for (const inbox of inboxes.filter((_, i) => i % 2 === 1)) expect(inbox.deleted).toEqual([]);
});

test('a connection killed in the middle of a large drain loses nothing and sends nothing twice', async () => {
  const ids = await insertLeads(stack.sql, 3000, 'Big');
  // Kill as soon as the relay starts reading this batch.
  await stack.sql.query('select pg_terminate_backend($1)', [await listenBackend()]);
  const more = await insertLeads(stack.sql, 5, 'After');
  await waitForAll(inboxes, [...ids, ...more], 20_000);
  await waitForBarrier(stack.sql, inboxes);
  for (const inbox of inboxes) {
    expect(inbox.duplicates()).toEqual([]);
    expect(inbox.ids().filter((id) => ids.includes(id))).toHaveLength(ids.length);
  }
});

test('a read failing with an SQL error (connection up) is retried until it works: nothing lost, nothing twice', async () => {
  // The read touches user_events too; without it every read fails (lead inserts do not need it).
  await stack.sql.query('alter table app_private.user_events rename to user_events_away');
  let ids: string[];
  try {
    ids = [...(await insertLeads(stack.sql, 3, 'Broken')), ...(await insertLeads(stack.sql, 1, 'Broken'))];
    // Let the relay fail a few times.
    await sleep(300);
    expect(inboxes.every((inbox) => ids.every((id) => inbox.count(id) === 0))).toBe(true);
  } finally {
    await stack.sql.query('alter table app_private.user_events_away rename to user_events');
  }
  // No new write, so no ring: the relay's own retry must deliver.
  await waitForAll(inboxes, ids);
  await waitForBarrier(stack.sql, inboxes);
  for (const inbox of inboxes) {
    expect(inbox.duplicates()).toEqual([]);
    expect(inbox.ids().filter((id) => ids.includes(id))).toEqual(ids);
  }
  expect((await health(stack.server.url)).status).toBe(200);
});
