/**
 * GraphQL subscriptions for API clients, over graphql-ws on /graphql (beside
 * Socket.io on the same port): notificationCreated, fed by the in-process
 * relay. (listen(topic) from @graphile/pg-pubsub is gone: it held an API
 * pool connection for good; see docs/api.md.)
 */
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { NotificationPayload } from '@bellhop/contract';
import { NOTIFICATION_FIELDS, getNotifications, insertLeads, sleep, useStack, waitUntil } from '@bellhop/testing';

jest.setTimeout(60_000);

const stack = useStack({ users: 1 });
const token = () => stack.accounts[0]!.token;

function wsClient(bearer: string | null): WsClient {
  const client = createClient({
    url: `${stack.server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: bearer ? { Authorization: `Bearer ${bearer}` } : {},
    retryAttempts: 0,
  });
  return stack.add(client, (c) => c.dispose());
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
      await sleep(200);
      return received() > 0;
    },
    () => 'the subscription to go live',
  );
}

test('notificationCreated delivers a raw SQL insert with the same values as getNotifications', async () => {
  const client = wsClient(token());
  const sub = subscribe<{ notificationCreated: NotificationPayload }>(client, `subscription { notificationCreated { ${NOTIFICATION_FIELDS} } }`);
  await untilLive(() => sub.events.length, () => insertLeads(stack.sql, 1, 'Warmup'));

  const seen = sub.events.length;
  const [id] = await insertLeads(stack.sql, 1, 'Subscribed');
  await waitUntil(() => sub.events.some((e) => e.notificationCreated.id === id), () => `notification ${id} on the subscription`);
  const expected = (await getNotifications(stack.server.url, token())).find((n) => n.id === id)!;
  const received = sub.events.slice(seen).map((e) => e.notificationCreated);
  expect(received).toEqual([expected]);
  expect(JSON.parse(JSON.stringify(received[0]))).toStrictEqual(JSON.parse(JSON.stringify(expected)));
  expect(sub.errors).toEqual([]);

  // isRead is the subscriber's own: mark everything read, and the next one is still unread.
  await stack.data('mutation { markAllAsRead }', {}, token());
  const [next] = await insertLeads(stack.sql, 1, 'AfterRead');
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
