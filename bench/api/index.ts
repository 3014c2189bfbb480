/**
 * d. The API with a big mailbox: getNotifications(first: 20) and
 * getUnreadCount over HTTP (autocannon), against the same SQL through pg
 * with the same role and claims, for users in different read states.
 */
import { startBellhop, type Bellhop } from '../lib/bellhop';
import { Child } from '../lib/child';
import type { BenchDatabase, Cluster } from '../lib/databases';
import type { LoadReply, LoadRequest, LoadResult } from '../lib/loadProtocol';
import { say, startCell } from '../lib/progress';
import type { MeasurementReport } from '../lib/report';
import { ms, summarize } from '../lib/stats';
import { prepareMailbox } from './prepare';
import { QUERIES, READERS, type Query, type Reader } from './readers';
import { apiReport, type Cell, type Run } from './report';

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

const WARMUP_SECONDS = 1;

export const apiCells = () => READERS.length * QUERIES.length;

const withRate = (result: LoadResult): Run => ({ ...summarize(result.latencies), rps: result.requests / result.seconds, errors: result.errors });

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

interface Context {
  plan: ApiPlan;
  db: BenchDatabase;
  bellhop: Bellhop;
  load: Child<LoadRequest, LoadReply>;
}

async function measureCell(context: Context, reader: Reader, id: string, query: Query): Promise<Cell> {
  const { plan, db, bellhop, load } = context;
  const token = bellhop.tokenFor(id);
  const run = async (path: 'http' | 'sql', connections: number, seconds = plan.seconds): Promise<Run> => {
    const result = await load.request(
      path === 'http'
        ? { type: 'http', url: bellhop.url, token, body: JSON.stringify({ query: query.graphql }), connections, seconds }
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
  return {
    reader: reader.label,
    query: query.name,
    http,
    sql,
    httpLoaded: plan.connections ? await run('http', plan.connections) : http,
    sqlLoaded: plan.connections ? await run('sql', plan.connections) : sql,
  };
}

async function measureReader(context: Context, reader: Reader, id: string): Promise<Cell[]> {
  // The numbers mean nothing unless both paths give the right answer.
  const data = (await graphql(context.bellhop.url, context.bellhop.tokenFor(id), '{ getUnreadCount }')) as { getUnreadCount: number };
  const expected = reader.expectedUnread(context.plan.notifications);
  if (data.getUnreadCount !== expected) throw new Error(`getUnreadCount for "${reader.label}" is ${data.getUnreadCount}, expected ${expected}.`);
  const cells: Cell[] = [];
  for (const query of QUERIES) {
    startCell(`d. ${reader.label}, ${query.name}`);
    const cell = await measureCell(context, reader, id, query);
    say(
      `d. ${reader.label}, ${query.name}: p50 HTTP ${ms(cell.http.p50)} / SQL ${ms(cell.sql.p50)} ms; ` +
        `${context.plan.connections ?? 1} connection(s): HTTP ${Math.round(cell.httpLoaded.rps)}/s, SQL ${Math.round(cell.sqlLoaded.rps)}/s`,
    );
    cells.push(cell);
  }
  return cells;
}

export async function measureApi(cluster: Cluster, plan: ApiPlan): Promise<MeasurementReport> {
  const db = await cluster.clone('d');
  const load = new Child<LoadRequest, LoadReply>('load.ts');
  const cells: Cell[] = [];
  let bellhop: Bellhop | null = null;
  try {
    const users = await prepareMailbox(db.url, plan.notifications);
    bellhop = await startBellhop(db, { api: true });
    const context: Context = { plan, db, bellhop, load };
    for (const { reader, id } of users) cells.push(...(await measureReader(context, reader, id)));
  } finally {
    await load.stop();
    await bellhop?.close();
    await db.drop();
  }
  return apiReport(plan, cells, WARMUP_SECONDS);
}
