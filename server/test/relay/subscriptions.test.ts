/**
 * GraphQL subscriptions for API clients, over graphql-ws on /graphql (beside
 * Socket.io on the same port): notificationCreated, fed by the in-process
 * relay. (listen(topic) from @graphile/pg-pubsub is gone: it held an API
 * pool connection for good; see docs/api.md.)
 */
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createTestDatabase, type TestDatabase } from '@bellhop/db/testing';
import type { Client } from 'pg';
import type { RunningServer } from '../../src/server';
import type { NotificationPayload } from '@bellhop/contract';
import { NOTIFICATION_FIELDS, Resources, createUsers, getNotifications, graphql, insertLeads, testConfig, tokenFor, waitUntil } from './helpers';

jest.setTimeout(60_000);

const resources = new Resources();
let db: TestDatabase;
let server: RunningServer;
let sql: Client;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await resources.server(db);
  sql = await resources.pg(db.url);
  const [userId] = (await createUsers(sql, 1)) as [string];
  token = tokenFor(userId, testConfig(db));
});
afterAll(async () => {
  await resources.closeAll();
  await db.drop();
});

function wsClient(bearer: string | null): WsClient {
  const client = createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: bearer ? { Authorization: `Bearer ${bearer}` } : {},
    retryAttempts: 0,
  });
  return resources.add(client, (c) => c.dispose());
}

interface Subscription<T> {
  events: T[];
  errors: unknown[];
  stop(): void;
}

function subscribe<T>(client: WsClient, query: string): Subscription<T> {
  const subscription: Subscription<T> = { events: [], errors: [], stop: () => undefined };
  subscription.stop = client.subscribe<T>(
    { query },
    {
      next: (result) => {
        if (result.errors) subscription.errors.push(...result.errors);
        if (result.data) subscription.events.push(result.data as T);
      },
      error: (error) => subscription.errors.push(error),
      complete: () => undefined,
    },
  );
  return subscription;
}

/** graphql-ws does not acknowledge a subscription: poke until something arrives. */
async function untilLive(received: () => number, poke: () => Promise<unknown>): Promise<void> {
  await waitUntil(
    async () => {
      if (received() > 0) return true;
      await poke();
      await new Promise((resolve) => setTimeout(resolve, 200));
      return received() > 0;
    },
    () => 'the subscription to go live',
  );
}

test('notificationCreated delivers a raw SQL insert with the same values as getNotifications', async () => {
  const client = wsClient(token);
  const sub = subscribe<{ notificationCreated: NotificationPayload }>(client, `subscription { notificationCreated { ${NOTIFICATION_FIELDS} } }`);
  await untilLive(() => sub.events.length, () => insertLeads(sql, 1, 'Warmup'));

  const seen = sub.events.length;
  const [id] = await insertLeads(sql, 1, 'Subscribed');
  await waitUntil(() => sub.events.some((e) => e.notificationCreated.id === id), () => `notification ${id} on the subscription`);
  const expected = (await getNotifications(server.url, token)).find((n) => n.id === id)!;
  const received = sub.events.slice(seen).map((e) => e.notificationCreated);
  expect(received).toEqual([expected]);
  expect(JSON.parse(JSON.stringify(received[0]))).toStrictEqual(JSON.parse(JSON.stringify(expected)));
  expect(sub.errors).toEqual([]);

  // isRead is the subscriber's own: mark everything read, and the next one is still unread.
  await graphql(server.url, 'mutation { markAllAsRead }', {}, token);
  const [next] = await insertLeads(sql, 1, 'AfterRead');
  await waitUntil(() => sub.events.some((e) => e.notificationCreated.id === next), () => 'the next notification');
  expect(sub.events.find((e) => e.notificationCreated.id === next)!.notificationCreated.isRead).toBe(false);
  sub.stop();
});

test('notificationCreated refuses an anonymous subscriber', async () => {
  const client = wsClient(null);
  const sub = subscribe(client, 'subscription { notificationCreated { id } }');
  await waitUntil(() => sub.errors.length > 0, () => 'an error for the anonymous subscription');
  expect(JSON.stringify(sub.errors)).toMatch(/sign in/i);
  expect(sub.events).toEqual([]);
});
