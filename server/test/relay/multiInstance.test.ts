/**
 * Three relays on one database: this process's API + relay, and two relays in
 * their own processes (`npm run relay`). Every socket gets every notification
 * exactly once, whichever relay it is on, also while the relays' database
 * connections are being killed over and over.
 */
import { expectDeliveredOnce, insertLeads, metrics, sleep, useStack, waitForAll, waitForBarrier, waitUntil, type Inbox, type ServerProcess } from '@bellhop/testing';

jest.setTimeout(120_000);

/** Info level: the relay processes' "Notification emitted" lines are checked. */
const VERBOSE = { LOG_LEVEL: 'info' };
const stack = useStack({ users: 2 });
let processes: ServerProcess[];
let urls: string[];
let inboxes: Inbox[];

beforeAll(async () => {
  processes = await Promise.all([stack.process('relay', VERBOSE), stack.process('relay', VERBOSE)]);
  urls = [stack.server.url, ...processes.map((p) => p.url)];
  inboxes = await stack.sockets(stack.accounts.map((user) => user.token), urls);
});

async function relayBackends(): Promise<number[]> {
  const { rows } = await stack.sql.query<{ pid: number }>(
    `select pid from pg_stat_activity where application_name = 'bellhop-relay' and datname = current_database()`,
  );
  return rows.map((r) => r.pid);
}

test('three relays, each with its own LISTEN connection, are registered', async () => {
  expect(await relayBackends()).toHaveLength(3);
  const { rows } = await stack.sql.query('select id from app_private.relays');
  expect(rows).toHaveLength(3);
});

test('50 inserts (single- and multi-row) from concurrent writers reach every socket on every relay exactly once', async () => {
  const writers = await Promise.all(Array.from({ length: 5 }, () => stack.pg()));
  const perWriter = await Promise.all(
    writers.map(async (writer, w) => {
      const ids: string[] = [];
      for (let i = 0; i < 10; i += 1) ids.push(...(await insertLeads(writer, i % 5 === 4 ? 3 : 1, `M${w}-${i}`)));
      return ids;
    }),
  );
  const ids = perWriter.flat();
  expect(ids).toHaveLength(5 * (8 + 2 * 3));
  await expectDeliveredOnce(stack.sql, inboxes, ids);
});

test('a read-state change made through the API process reaches the same user on the relay processes', async () => {
  const [id] = await insertLeads(stack.sql, 1, 'Sync');
  await waitForAll(inboxes, [id!]);
  await stack.data('mutation($id: UUID!) { markAsRead(id: $id) { id } }', { id }, stack.accounts[0]!.token);
  const aliceInboxes = inboxes.filter((_, i) => i % 2 === 0);
  await waitUntil(
    () => aliceInboxes.every((inbox) => inbox.updated.some((u) => u.kind === 'read' && u.ids.includes(id!))),
    () => 'the read event on all of Alice\'s sockets',
  );
  await waitForBarrier(stack.sql, inboxes);
  for (const inbox of inboxes.filter((_, i) => i % 2 === 1)) expect(inbox.updated).toEqual([]);
});

test('killing every relay\'s database connection again and again while writers write: no crash, no loss, no duplicate', async () => {
  const before = await Promise.all(urls.map((url) => metrics(url)));
  const writers = await Promise.all(Array.from({ length: 3 }, () => stack.pg()));
  let writing = true;
  let kills = 0;
  const killer = (async () => {
    while (writing) {
      const pids = await relayBackends();
      if (pids.length > 0) {
        await stack.sql.query('select pg_terminate_backend(pid) from unnest($1::int[]) pid', [pids]);
        kills += 1;
      }
      // Mostly right away, so kills also land between connecting and the first read.
      await sleep(kills % 4 === 3 ? 250 : Math.floor(Math.random() * 30));
    }
  })();
  const ids = (
    await Promise.all(
      writers.map(async (writer, w) => {
        const mine: string[] = [];
        for (let i = 0; i < 40; i += 1) {
          mine.push(...(await insertLeads(writer, i % 10 === 9 ? 4 : 1, `K${w}-${i}`)));
          await sleep(15);
        }
        return mine;
      }),
    )
  ).flat();
  writing = false;
  await killer;
  expect(kills).toBeGreaterThanOrEqual(3);

  await expectDeliveredOnce(stack.sql, inboxes, ids, { timeoutMs: 20_000 });
  for (const inbox of inboxes) expect(inbox.socket.connected).toBe(true);
  for (const relay of processes) expect(relay.exitCode).toBeNull();

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
