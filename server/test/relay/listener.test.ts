/**
 * The relay's one connection carries its reads, heartbeats and settle checks,
 * which timers fire whenever they like: the Listener sends them one at a
 * time, in call order, instead of stacking them inside pg (which pg 8 warns
 * about and pg 9 will refuse).
 */
import { Client } from 'pg';
import pino from 'pino';
import { useTestDatabase } from '@bellhop/testing';
import { Listener } from '../../src/relay/listener';

const db = useTestDatabase();
let listener: Listener;
/** Calls to client.query() made while that client still had a query running or queued. */
let stacked = 0;
const originalQuery = Client.prototype.query;

beforeAll(async () => {
  listener = new Listener(db.url, { onConnected: () => undefined, onRing: () => undefined }, pino({ level: 'silent' }), 30_000);
  db.resources.add(listener, (l) => l.stop());
  await listener.start();
  // pg's own fields (its public getters for them print deprecation warnings).
  Client.prototype.query = function (this: Client & { _activeQuery?: unknown; _queryQueue?: unknown[] }, ...args: unknown[]) {
    if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) stacked += 1;
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
});
afterAll(() => {
  Client.prototype.query = originalQuery;
});

test('queries fired together run one after another, in call order, and a failed one does not stop the rest', async () => {
  const started: number[] = [];
  const results = await Promise.allSettled(
    Array.from({ length: 12 }, (_, i) =>
      listener
        .query<{ i: number; at: string }>(
          i === 5 ? 'select 1/0' : 'select $1::int as i, clock_timestamp()::text as at, pg_sleep(0.005)',
          i === 5 ? [] : [i],
          i % 2 === 0 ? 'listener_test' : undefined,
        )
        .then((rows) => {
          started.push(i);
          return rows[0]!;
        }),
    ),
  );
  expect(results[5]).toMatchObject({ status: 'rejected' });
  const rows = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  expect(rows.map((row) => row.i)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11]);
  // Finished in call order, each after the one before had finished.
  expect(started).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11]);
  const times = rows.map((row) => Date.parse(row.at));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
  expect(stacked).toBe(0);
});
