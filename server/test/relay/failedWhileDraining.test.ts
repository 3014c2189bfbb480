/**
 * A read that fails while the relay is registered as draining (writers skip
 * their ring) must not leave that flag behind: the retry settles it, so the
 * next write rings and is delivered without any safety sweep.
 */
import { createTestDatabase, type TestDatabase } from '@bellhop/db/testing';
import type { Client } from 'pg';
import type { RunningServer } from '../../src/server';
import { Resources, createUsers, insertLeads, testConfig, tokenFor, waitForAll, waitUntil, type Inbox } from './helpers';

jest.setTimeout(60_000);

const resources = new Resources();
let db: TestDatabase;
let server: RunningServer;
let sql: Client;
let inbox: Inbox;

beforeAll(async () => {
  db = await createTestDatabase();
  // Polling slowly enough to break a read mid-drain, and no sweep to paper over a lost ring.
  server = await resources.server(db, { env: { RELAY_SWEEP_MS: '600000', RELAY_BUSY_PER_SECOND: '100', RELAY_POLL_MS: '100' } });
  sql = await resources.pg(db.url);
  const [userId] = (await createUsers(sql, 1)) as [string];
  inbox = await resources.socket(server.url, tokenFor(userId, testConfig(db)));
});
afterAll(async () => {
  await resources.closeAll();
  await db.drop();
});

async function draining(): Promise<boolean> {
  const { rows } = await sql.query<{ draining: boolean }>('select bool_or(draining) as draining from app_private.relays');
  return rows[0]?.draining ?? false;
}

test('a read that fails while draining is retried, and the draining flag is cleared afterwards', async () => {
  // A burst above RELAY_BUSY_PER_SECOND: the relay announces it is draining and polls.
  const burst = await insertLeads(sql, 200, 'Burst');
  await waitForAll([inbox], burst);
  await waitUntil(draining, () => 'the relay to register as draining');
  // The next poll fails: its read needs user_events.
  await sql.query('alter table app_private.user_events rename to user_events_away');
  await new Promise((resolve) => setTimeout(resolve, 400));
  await sql.query('alter table app_private.user_events_away rename to user_events');

  await waitUntil(async () => !(await draining()), () => 'the draining flag to be cleared after the failed read');
  const barrier = await insertLeads(sql, 1, 'Barrier');
  await waitForAll([inbox], barrier);
  expect(inbox.duplicates()).toEqual([]);
});
