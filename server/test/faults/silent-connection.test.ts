/**
 * The relay's database connections go silent: no error, no FIN, nothing (a
 * firewall drops the flow, the database host freezes). TCP alone would notice
 * after hours. The relay gives up on a query unanswered for
 * RELAY_QUERY_TIMEOUT_MS, reconnects, and delivers what was committed
 * meanwhile, once.
 */
import { createTestDatabase, type TestDatabase } from '@bellhop/db/testing';
import type { Client } from 'pg';
import { startServer, type RunningServer } from '../../src/server';
import { Resources, createUsers, insertLeads, metrics, testConfig, tokenFor, waitForAll, waitUntil, type Inbox } from '../relay/helpers';
import { FreezingProxy } from './freezingProxy';

jest.setTimeout(60_000);

const resources = new Resources();
let db: TestDatabase;
let proxy: FreezingProxy;
let server: RunningServer;
let sql: Client;
let inbox: Inbox;

beforeAll(async () => {
  db = await createTestDatabase();
  const target = new URL(db.url);
  proxy = await FreezingProxy.start({ host: target.hostname, port: Number(target.port) });
  const throughProxy = { ...db, url: proxy.url(db.url), authUrl: proxy.url(db.authUrl) };
  server = await resources.server(throughProxy, { api: false, env: { RELAY_QUERY_TIMEOUT_MS: '1000' } });
  sql = await resources.pg(db.url);
  const [alice] = (await createUsers(sql, 1)) as [string];
  inbox = await resources.socket(server.url, tokenFor(alice, testConfig(db)));
});
afterAll(async () => {
  // First: the server's stop would otherwise wait on its frozen connections.
  await proxy.close();
  await resources.closeAll();
  await db.drop();
});

test('after its connections freeze, leads committed meanwhile all arrive, once each, within seconds', async () => {
  const warmup = await insertLeads(sql, 1, 'Before');
  await waitForAll([inbox], warmup);
  const before = await metrics(server.url);

  proxy.freeze();
  expect(proxy.frozenCount).toBeGreaterThanOrEqual(1);
  const ids: string[] = [];
  for (let i = 0; i < 5; i += 1) ids.push(...(await insertLeads(sql, 1, `Frozen${i}`)));

  // Timeout 1 s + sweep 1 s + reconnect backoff: well inside this.
  await waitForAll([inbox], ids, 15_000);
  const barrier = await insertLeads(sql, 1, 'Barrier');
  await waitForAll([inbox], barrier);
  expect(inbox.duplicates()).toEqual([]);
  expect(inbox.ids()).toEqual([...warmup, ...ids, ...barrier]);

  const after = await metrics(server.url);
  expect(after.bellhop_relay_reconnects_total).toBeGreaterThanOrEqual(before.bellhop_relay_reconnects_total! + 1);
  await waitUntil(async () => (await metrics(server.url)).bellhop_relay_listening === 1, () => 'the relay to LISTEN again');
  expect(inbox.socket.connected).toBe(true);
});

test('a server whose database connections froze still stops within seconds', async () => {
  const target = new URL(db.url);
  const own = await FreezingProxy.start({ host: target.hostname, port: Number(target.port) });
  try {
    const other = await startServer(testConfig({ ...db, url: own.url(db.url), authUrl: own.url(db.authUrl) }, { API: 'false' }));
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
