/**
 * The relay's database connections go silent: no error, no FIN, nothing (a
 * firewall drops the flow, the database host freezes). TCP alone would notice
 * after hours. The relay gives up on a query unanswered for
 * RELAY_QUERY_TIMEOUT_MS, reconnects, and delivers what was committed
 * meanwhile, once.
 */
import { configForDatabase, startServer, type RunningServer } from '@bellhop/server';
import { FreezingProxy, insertLeads, metrics, useStack, waitForAll, waitForBarrier, waitUntil, type Inbox } from '@bellhop/testing';

jest.setTimeout(60_000);

const stack = useStack({ server: false, users: 1 });
let proxy: FreezingProxy;
let server: RunningServer;
let inbox: Inbox;

/** A proxy in front of the test database, and the database's URLs through it. */
async function proxied(): Promise<{ proxy: FreezingProxy; database: { url: string; authUrl: string } }> {
  const target = new URL(stack.db.url);
  const started = await FreezingProxy.start({ host: target.hostname, port: Number(target.port) });
  return { proxy: started, database: { url: started.url(stack.db.url), authUrl: started.url(stack.db.authUrl) } };
}

beforeAll(async () => {
  const { proxy: started, database } = await proxied();
  proxy = started;
  server = await stack.addServer({ api: false, env: { RELAY_QUERY_TIMEOUT_MS: '1000' }, database });
  // Closed before the server: its stop would otherwise wait on its frozen connections.
  stack.add(proxy, (p) => p.close());
  inbox = await stack.socket(stack.accounts[0]!.token, {}, server.url);
});

test('after its connections freeze, leads committed meanwhile all arrive, once each, within seconds', async () => {
  const warmup = await insertLeads(stack.sql, 1, 'Before');
  await waitForAll([inbox], warmup);
  const before = await metrics(server.url);

  proxy.freeze();
  expect(proxy.frozenCount).toBeGreaterThanOrEqual(1);
  const ids: string[] = [];
  for (let i = 0; i < 5; i += 1) ids.push(...(await insertLeads(stack.sql, 1, `Frozen${i}`)));

  // Timeout 1 s + sweep 1 s + reconnect backoff: well inside this.
  await waitForAll([inbox], ids, 15_000);
  const barrier = await waitForBarrier(stack.sql, [inbox]);
  expect(inbox.duplicates()).toEqual([]);
  expect(inbox.ids()).toEqual([...warmup, ...ids, ...barrier]);

  const after = await metrics(server.url);
  expect(after.bellhop_relay_reconnects_total).toBeGreaterThanOrEqual(before.bellhop_relay_reconnects_total! + 1);
  await waitUntil(async () => (await metrics(server.url)).bellhop_relay_listening === 1, () => 'the relay to LISTEN again');
  expect(inbox.socket.connected).toBe(true);
});

test('a server whose database connections froze still stops within seconds', async () => {
  const { proxy: own, database } = await proxied();
  try {
    const other = await startServer(configForDatabase(database, { API: 'false' }));
    await waitUntil(async () => (await metrics(other.url)).bellhop_relay_listening === 1, () => 'the second relay to LISTEN');
    own.freeze();
    const started = Date.now();
    await other.close();
    // The relay's goodbye gets 3 s, the connection's own 2 s; without those limits this waited forever.
    expect(Date.now() - started).toBeLessThan(10_000);
  } finally {
    await own.close();
  }
});
