/** d's table, targets and results.json data. */
import type { MeasurementReport, Target } from '../lib/report';
import { ms, ratio, times, type Summary } from '../lib/stats';
import type { ApiPlan } from './index';
import { QUERIES, type Query } from './readers';

export type Run = Summary & { rps: number; errors: number };

export interface Cell {
  reader: string;
  query: Query['name'];
  /** One connection: latency. */
  http: Run;
  sql: Run;
  /** plan.connections connections: throughput. */
  httpLoaded: Run;
  sqlLoaded: Run;
}

/** Bellhop's own per-request work: HTTP p50 over the same function's direct SQL p50. */
const TARGET_OVERHEAD_MS = 1;
const TARGET_UNREAD_P50 = 5;

const pair = (s: Summary) => `${ms(s.p50)} / ${ms(s.p99)}`;

function targets(cells: Cell[]): Target[] {
  const list: Target[] = [];
  for (const query of QUERIES) {
    const mine = cells.filter((cell) => cell.query === query.name);
    const overhead = (cell: Cell) => cell.http.p50 - cell.sql.p50;
    const worst = mine.reduce((a, b) => (overhead(b) > overhead(a) ? b : a));
    list.push({
      label: `d. ${query.name}`,
      goal: `p50 ≤ direct SQL p50 + ${TARGET_OVERHEAD_MS.toFixed(1)} ms`,
      actual: `worst: ${worst.reader}, ${ms(worst.http.p50)} vs ${ms(worst.sql.p50)} ms (+${ms(overhead(worst))} ms, ${times(ratio(worst.http.p50, worst.sql.p50))})`,
      met: mine.every((cell) => overhead(cell) <= TARGET_OVERHEAD_MS),
    });
  }
  const unread = cells.filter((cell) => cell.query === 'getUnreadCount');
  const slowest = unread.reduce((a, b) => (b.http.p50 > a.http.p50 ? b : a));
  list.push({
    label: 'd. getUnreadCount',
    goal: `p50 ≤ ${TARGET_UNREAD_P50} ms over HTTP`,
    actual: `slowest: ${slowest.reader}, ${ms(slowest.http.p50)} ms`,
    met: unread.every((cell) => cell.http.p50 <= TARGET_UNREAD_P50),
  });
  return list;
}

export function apiReport(plan: ApiPlan, cells: Cell[], warmupSeconds: number): MeasurementReport {
  const connections = plan.connections ?? 1;
  return {
    id: 'd',
    title: `d. API with ${plan.notifications.toLocaleString('en-US')} notifications (ms, requests/s)`,
    notes: [
      `Latency: one connection, ${plan.seconds} s. Throughput: ${connections} connection(s), ${plan.seconds} s. HTTP: POST /graphql with a JWT (autocannon, which runs at least 1 s). Each cell starts after ${warmupSeconds} s of warm-up on both paths.`,
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
    targets: targets(cells),
    data: cells,
  };
}
