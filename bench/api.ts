/**
 * d. The API with a big mailbox: getNotifications(first: 20) and
 * getUnreadCount over HTTP (autocannon), against the same SQL through pg
 * with the same role and claims, for users in different read states.
 */
import { withClient } from '@bellhop/db';
import { createUser, startBellhop } from './lib/bellhop';
import { Child } from './lib/child';
import type { Cluster } from './lib/databases';
import type { LoadReply, LoadRequest, LoadResult } from './lib/loadProtocol';
import { say } from './lib/progress';
import type { MeasurementReport, Target } from './lib/report';
import { ms, ratio, summarize, times, type Summary } from './lib/stats';

export interface ApiPlan {
  notifications: number;
  /** Per run; each cell runs four (HTTP and SQL, one connection and many). */
  seconds: number;
  /**
   * For throughput; latency is measured with one connection, so it is service
   * time, not queueing. null: no separate throughput runs (--quick).
   */
  connections: number | null;
}

const RECEIPTS = 100;
const DELETED = 20;
const TARGET_RATIO = 2;
const WARMUP_SECONDS = 1;
const TARGET_UNREAD_P50 = 5;

interface Query {
  name: 'getNotifications(first: 20)' | 'getUnreadCount';
  graphql: string;
  sql: string;
}

const QUERIES: Query[] = [
  {
    name: 'getNotifications(first: 20)',
    graphql: '{ getNotifications(first: 20) { id type title message isRead relatedLeadId createdAt updatedAt } }',
    sql: `select n.id, n.type, n.title, n.message, app_public.notifications_is_read(n) as is_read, n.related_lead_id,
                 n.created_at, n.updated_at
          from app_public.get_notifications() n limit 20`,
  },
  { name: 'getUnreadCount', graphql: '{ getUnreadCount }', sql: 'select app_public.get_unread_count()' },
];

interface Reader {
  label: string;
  email: string;
  /** SQL run as owner to put the user in this state; $1 user id, $2 total. */
  setup: string;
  expectedUnread(total: number): number;
}

const READERS: Reader[] = [
  {
    label: 'nothing read (watermark 0)',
    email: 'bench-d-none@example.com',
    setup: `update app_hidden.notification_watermarks set read_up_to = 0, marked_at = '-infinity' where user_id = $1 and $2::int >= 0`,
    expectedUnread: (total) => total,
  },
  {
    label: 'half read (watermark mid)',
    email: 'bench-d-half@example.com',
    setup: `update app_hidden.notification_watermarks set read_up_to = $2::int / 2, marked_at = now() where user_id = $1`,
    expectedUnread: (total) => total - Math.floor(total / 2),
  },
  {
    label: 'all read (watermark top)',
    email: 'bench-d-all@example.com',
    setup: `update app_hidden.notification_watermarks set read_up_to = $2::int, marked_at = now() where user_id = $1`,
    expectedUnread: () => 0,
  },
  {
    label: `watermark mid + ${2 * RECEIPTS + DELETED} receipts`,
    email: 'bench-d-receipts@example.com',
    // Marked read above the watermark, unread below it, and a few deleted near the top.
    setup: `
      with w as (
        update app_hidden.notification_watermarks set read_up_to = $2::int / 2, marked_at = now() - interval '1 hour'
        where user_id = $1 returning read_up_to
      )
      insert into app_hidden.notification_receipts (user_id, notification_id, is_read, is_deleted, read_set_at)
      select $1, n.id,
             case when n.seq > w.read_up_to + ${RECEIPTS} then null else n.seq > w.read_up_to end,
             n.seq > w.read_up_to + ${RECEIPTS}, now()
      from w join app_public.notifications n
        on n.seq between w.read_up_to - ${RECEIPTS - 1} and w.read_up_to + ${RECEIPTS}
        or n.seq > $2::int - ${DELETED}`,
    expectedUnread: (total) => total - Math.floor(total / 2) - RECEIPTS - DELETED + RECEIPTS,
  },
];

type Run = Summary & { rps: number; errors: number };

interface Cell {
  reader: string;
  query: Query['name'];
  /** One connection: latency. */
  http: Run;
  sql: Run;
  /** plan.connections connections: throughput. */
  httpLoaded: Run;
  sqlLoaded: Run;
}

const withRate = (result: LoadResult) => ({ ...summarize(result.latencies), rps: result.requests / result.seconds, errors: result.errors });
const pair = (s: Summary) => `${ms(s.p50)} / ${ms(s.p99)}`;

async function fillMailbox(url: string, total: number): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(
      `insert into app_public.notifications (type, title, message, created_at, updated_at)
       select 'lead_created', 'New Lead Created', 'Bench Lead ' || g || ' added to pipeline',
              now() - ($1::int - g) * interval '1 second', now() - ($1::int - g) * interval '1 second'
       from generate_series(1, $1::int) g`,
      [total],
    );
  });
}

async function graphql(url: string, token: string, query: string): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string }> };
  if (body.errors) throw new Error(`GraphQL error: ${body.errors[0]!.message}`);
  return body.data;
}

export async function measureApi(cluster: Cluster, plan: ApiPlan): Promise<MeasurementReport> {
  const connections = plan.connections ?? 1;
  const db = await cluster.clone('d');
  const load = new Child<LoadRequest, LoadReply>('load.ts');
  const cells: Cell[] = [];
  let bellhop: Awaited<ReturnType<typeof startBellhop>> | null = null;
  try {
    say(`d. writing ${plan.notifications.toLocaleString('en-US')} notifications…`);
    await fillMailbox(db.url, plan.notifications);
    const users: Array<{ reader: Reader; id: string }> = [];
    for (const reader of READERS) {
      const id = await createUser(db.url, reader.email);
      await withClient(db.url, (client) => client.query(reader.setup, [id, plan.notifications]));
      users.push({ reader, id });
    }
    // Where a running relay's refresh would long have got to.
    say('d. counting chunks (refresh_notification_counts), vacuum analyze, checkpoint…');
    await withClient(db.url, async (client) => {
      for (let i = 0; i < 3; i += 1) await client.query('select app_private.refresh_notification_counts(2000000)');
    });
    await withClient(db.url, async (client) => {
      await client.query('vacuum analyze app_public.notifications, app_hidden.notification_receipts, app_hidden.notification_watermarks');
      // Writing a million rows leaves a checkpoint and autovacuum due; let them run now, not during the first cells.
      await client.query('checkpoint');
      for (let waited = 0; waited < 60; waited += 1) {
        const { rows } = await client.query<{ busy: number }>(`select count(*)::int as busy from pg_stat_activity where backend_type = 'autovacuum worker'`);
        if (rows[0]!.busy === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    });
    bellhop = await startBellhop(db, { api: true });
    const apiUrl = bellhop.url;

    for (const { reader, id } of users) {
      const token = bellhop.tokenFor(id);
      // The numbers mean nothing unless both paths give the right answer.
      const data = (await graphql(apiUrl, token, '{ getUnreadCount }')) as { getUnreadCount: number };
      const expected = reader.expectedUnread(plan.notifications);
      if (data.getUnreadCount !== expected) {
        throw new Error(`getUnreadCount for "${reader.label}" is ${data.getUnreadCount}, expected ${expected}.`);
      }
      for (const query of QUERIES) {
        const run = async (path: 'http' | 'sql', connections: number, seconds = plan.seconds): Promise<Run> => {
          const result = await load.request(
            path === 'http'
              ? { type: 'http', url: apiUrl, token, body: JSON.stringify({ query: query.graphql }), connections, seconds }
              : { type: 'sql', url: db.authUrl, userId: id, text: query.sql, connections, seconds },
            'done',
          );
          if (result.requests === 0) throw new Error(`d. every ${path} request failed${result.firstError ? `: ${result.firstError}` : ''}.`);
          return withRate(result);
        };
        // Warm both paths first (JIT, PostGraphile's query cache, prepared statements), or the first cell pays for it.
        await run('http', 1, WARMUP_SECONDS);
        await run('sql', 1, WARMUP_SECONDS);
        const http = await run('http', 1);
        const sql = await run('sql', 1);
        const cell: Cell = {
          reader: reader.label,
          query: query.name,
          http,
          sql,
          httpLoaded: plan.connections ? await run('http', plan.connections) : http,
          sqlLoaded: plan.connections ? await run('sql', plan.connections) : sql,
        };
        say(
          `d. ${reader.label}, ${query.name}: p50 HTTP ${ms(cell.http.p50)} / SQL ${ms(cell.sql.p50)} ms; ` +
            `${connections} connection(s): HTTP ${Math.round(cell.httpLoaded.rps)}/s, SQL ${Math.round(cell.sqlLoaded.rps)}/s`,
        );
        cells.push(cell);
      }
    }
  } finally {
    await load.stop();
    await bellhop?.close();
    await db.drop();
  }

  const targets: Target[] = [];
  for (const query of QUERIES) {
    const mine = cells.filter((cell) => cell.query === query.name);
    const worst = mine.reduce((a, b) => (ratio(b.http.p50, b.sql.p50) > ratio(a.http.p50, a.sql.p50) ? b : a));
    const r = ratio(worst.http.p50, worst.sql.p50);
    targets.push({
      label: `d. ${query.name}`,
      goal: `p50 ≤ ${TARGET_RATIO}× direct SQL`,
      actual: `worst: ${worst.reader}, ${ms(worst.http.p50)} vs ${ms(worst.sql.p50)} ms (${times(r)})`,
      met: mine.every((cell) => ratio(cell.http.p50, cell.sql.p50) <= TARGET_RATIO),
    });
  }
  const unread = cells.filter((cell) => cell.query === 'getUnreadCount');
  const slowest = unread.reduce((a, b) => (b.http.p50 > a.http.p50 ? b : a));
  targets.push({
    label: 'd. getUnreadCount',
    goal: `p50 ≤ ${TARGET_UNREAD_P50} ms over HTTP`,
    actual: `slowest: ${slowest.reader}, ${ms(slowest.http.p50)} ms`,
    met: unread.every((cell) => cell.http.p50 <= TARGET_UNREAD_P50),
  });

  return {
    id: 'd',
    title: `d. API with ${plan.notifications.toLocaleString('en-US')} notifications (ms, requests/s)`,
    notes: [
      `Latency: one connection, ${plan.seconds} s. Throughput: ${connections} connection(s), ${plan.seconds} s. HTTP: POST /graphql with a JWT (autocannon, which runs at least 1 s). Each cell starts after ${WARMUP_SECONDS} s of warm-up on both paths.`,
      'SQL: the same function through pg as bellhop_authenticator, in a transaction with role and claims set as local settings, as PostGraphile does.',
      'Unread counts are checked against the expected value before each reader is measured.',
    ],
    headers: ['Reader', 'Query', 'HTTP p50 / p99', 'SQL p50 / p99', 'p50 ratio', `HTTP req/s (${connections} conn)`, `SQL req/s (${connections} conn)`],
    rows: cells.map((cell) => [
      cell.reader,
      cell.query,
      pair(cell.http),
      pair(cell.sql),
      times(ratio(cell.http.p50, cell.sql.p50)),
      Math.round(cell.httpLoaded.rps).toString(),
      Math.round(cell.sqlLoaded.rps).toString(),
    ]),
    targets,
    data: cells,
  };
}
