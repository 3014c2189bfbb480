/**
 * No concurrent queries on one pg client (issue "Safe to expose"):
 * PostGraphile resolves the root fields of a request at once on the
 * request's one client; pg 8 queues them with a deprecation warning ("client
 * is already executing a query") and pg 9 will refuse them. The API's pool
 * hands out clients that send one query at a time. Counted here as
 * relay/listener.test.ts counts them: every client.query() call made on an
 * API connection while it still had a query running or queued.
 */
import { Client } from 'pg';
import { insertLeads, useStack } from '@bellhop/testing';

const stack = useStack({ users: 1, env: { RELAY: 'false' } });
const token = () => stack.accounts[0]!.token;
type Probe = Client & { _activeQuery?: unknown; _queryQueue?: unknown[]; connectionParameters?: { application_name?: string } };

/** client.query() calls on the API's connections (application_name bellhop-api) made while that client was busy. */
let stacked = 0;
const warnings: string[] = [];
const originalQuery = Client.prototype.query;
const onWarning = (warning: Error) => warnings.push(warning.message);

beforeAll(async () => {
  await insertLeads(stack.sql, 7, 'Serial');
  Client.prototype.query = function (this: Probe, ...args: unknown[]) {
    const busy = Boolean(this._activeQuery) || (this._queryQueue?.length ?? 0) > 0;
    if (busy && this.connectionParameters?.application_name === 'bellhop-api') stacked += 1;
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  process.on('warning', onWarning);
});

afterAll(() => {
  Client.prototype.query = originalQuery;
  process.off('warning', onWarning);
});

test('the probe counts stacked queries (the control: a plain client with two queries at once)', async () => {
  const client = new Client({ connectionString: stack.db.url, application_name: 'bellhop-api' });
  await client.connect();
  try {
    await Promise.all([client.query('select pg_sleep(0.01)'), client.query('select 1')]);
    expect(stacked).toBe(1);
  } finally {
    await client.end();
    stacked = 0;
  }
});

test('30 aliased getUnreadCount and more root fields in one request: right answers, and no query stacked on the client', async () => {
  const aliases = Array.from({ length: 30 }, (_, i) => `c${i}: getUnreadCount`).join(' ');
  const data = await stack.data<Record<string, unknown>>(`{ ${aliases} getNotifications(first: 3) { id } currentUser { id } n: getNotifications(first: 2, unreadOnly: true) { id } }`, {}, token());
  expect(Object.entries(data).filter(([key]) => /^c\d+$/.test(key)).map(([, value]) => value)).toEqual(Array(30).fill(7));
  expect((data.getNotifications as unknown[]).length).toBe(3);
  expect((data.n as unknown[]).length).toBe(2);
  expect(data.currentUser).toEqual({ id: stack.accounts[0]!.id });
  expect(stacked).toBe(0);
  expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
});

test('a mutation with several root fields, each in its savepoint, stacks nothing either', async () => {
  const { getNotifications } = await stack.data<{ getNotifications: Array<{ id: string }> }>('{ getNotifications(first: 3) { id } }', {}, token());
  const [a, b, c] = getNotifications.map((n) => n.id);
  const data = await stack.data(
    `mutation ($a: UUID!, $b: UUID!, $c: UUID!) { r1: markAsRead(id: $a) { isRead } r2: markAsRead(id: $b) { isRead } d: deleteNotification(id: $c) u: markAsUnread(id: $a) { isRead } }`,
    { a, b, c },
    token(),
  );
  expect(data).toEqual({ r1: { isRead: true }, r2: { isRead: true }, d: true, u: { isRead: false } });
  expect(await stack.data('{ getUnreadCount }', {}, token())).toEqual({ getUnreadCount: 5 });
  expect(stacked).toBe(0);
});

test('ten such requests at once, on a pool of clients, stack nothing', async () => {
  const aliases = Array.from({ length: 30 }, (_, i) => `c${i}: getUnreadCount`).join(' ');
  const answers = await Promise.all(Array.from({ length: 10 }, () => stack.data<Record<string, number>>(`{ ${aliases} }`, {}, token())));
  expect(answers.every((answer) => Object.values(answer).every((count) => count === 5))).toBe(true);
  expect(stacked).toBe(0);
  expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
});
