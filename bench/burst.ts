/**
 * e. A burst: one INSERT … SELECT generate_series of 5,000 leads with N
 * sockets connected. From the statement's commit (acknowledged to the
 * client) until every socket has every row; per socket, how many it got, and
 * whether any socket was disconnected on the way.
 */
import { withClient } from '@bellhop/db';
import { createUser, startBellhop } from './lib/bellhop';
import { nowMs, sleep } from './lib/clock';
import type { Cluster } from './lib/databases';
import { say, startCell } from './lib/progress';
import type { MeasurementReport, Target } from './lib/report';
import { SocketFleet, type Delivery } from './lib/sockets';
import { cdf, ms, summarize, type Summary } from './lib/stats';

export interface BurstPlan {
  rows: number;
  sockets: number;
}

export const burstCells = () => 1;

export interface BurstData {
  rows: number;
  sockets: number;
  /** Statement sent → commit acknowledged, ms. */
  statementMs: number;
  /** Commit → every socket has every row, ms. */
  allMs: number;
  /** Per row: commit → the first socket, and → the last socket has it. */
  first: Summary & { cdf: number[] };
  last: Summary & { cdf: number[] };
  perSocket: { min: number; max: number; exact: number };
  /** Rows that some socket never got. */
  missing: number;
  disconnects: number;
}

const INSERT_BURST = `
  insert into app_public.leads (first_name, last_name, email, company)
  select 'Burst', 'Lead ' || g, 'burst' || g || '@bench.example.com', 'Bench Inc'
  from generate_series(1, $1::int) g
  returning id`;

function summarizeBurst(plan: BurstPlan, statementMs: number, committedAt: number, delivery: Delivery): BurstData {
  const receipts = delivery.receipts.filter((receipt) => receipt.key !== -1);
  const first = receipts.map((receipt) => receipt.first - committedAt);
  const last = receipts.filter((receipt) => receipt.count >= plan.sockets).map((receipt) => receipt.last - committedAt);
  return {
    rows: plan.rows,
    sockets: plan.sockets,
    statementMs,
    allMs: delivery.missing === 0 ? Math.max(...last) : Number.NaN,
    first: { ...summarize(first), cdf: cdf(first) },
    last: { ...summarize(last), cdf: cdf(last) },
    perSocket: {
      min: Math.min(...delivery.perSocket),
      max: Math.max(...delivery.perSocket),
      exact: delivery.perSocket.filter((count) => count === plan.rows).length,
    },
    missing: delivery.missing,
    disconnects: delivery.disconnects,
  };
}

async function runBurst(url: string, fleet: SocketFleet, plan: BurstPlan): Promise<BurstData> {
  return withClient(url, async (client) => {
    const sentAt = nowMs();
    const { rows } = await client.query<{ id: number }>(INSERT_BURST, [plan.rows]);
    const committedAt = nowMs();
    say(`e. ${rows.length} leads committed in ${ms(committedAt - sentAt)} ms; waiting for ${(plan.rows * plan.sockets).toLocaleString('en-US')} deliveries…`);
    const expected = plan.rows * plan.sockets;
    await fleet.settle(expected, 10_000, 600_000, (total) => say(`e.   ${total.toLocaleString('en-US')} / ${expected.toLocaleString('en-US')} delivered`));
    const delivery = await fleet.collect(new Map(rows.map((row) => [row.id, committedAt])));
    return summarizeBurst(plan, committedAt - sentAt, committedAt, delivery);
  });
}

export async function measureBurst(cluster: Cluster, plan: BurstPlan): Promise<MeasurementReport> {
  const db = await cluster.clone('e');
  const fleet = new SocketFleet();
  let data: BurstData;
  try {
    const bellhop = await startBellhop(db, { api: false });
    try {
      const token = bellhop.tokenFor(await createUser(db.url, 'bench-e@example.com'));
      say(`e. connecting ${plan.sockets} sockets…`);
      await fleet.connect(bellhop.url, plan.sockets, token);
      // One lead first, so the relay has read once and the numbers are the burst's alone.
      await withClient(db.url, (client) => client.query(INSERT_BURST, [1]));
      await fleet.settle(plan.sockets, 2_000, 10_000);
      await fleet.collect(new Map());
      await sleep(500);
      startCell(`e. burst: one ${plan.rows.toLocaleString('en-US')}-row INSERT … SELECT, ${plan.sockets} sockets`);
      data = await runBurst(db.url, fleet, plan);
    } finally {
      await fleet.close();
      await bellhop.close();
    }
  } finally {
    await db.drop();
  }
  say(`e.   every socket had every row ${ms(data.allMs)} ms after the commit; per socket ${data.perSocket.min}–${data.perSocket.max}; ${data.disconnects} disconnected`);
  return burstReport(data);
}

function burstReport(data: BurstData): MeasurementReport {
  const complete = data.missing === 0 && data.perSocket.min === data.rows && data.perSocket.max === data.rows && data.disconnects === 0;
  const target: Target = {
    label: `e. burst of ${data.rows.toLocaleString('en-US')}, ${data.sockets} sockets`,
    goal: `every socket gets all ${data.rows.toLocaleString('en-US')} once, none disconnected`,
    actual: `${data.perSocket.exact}/${data.sockets} sockets got exactly ${data.rows}, ${data.disconnects} disconnected, all in ${ms(data.allMs)} ms`,
    met: complete,
  };
  return {
    id: 'e',
    title: `e. Burst: one ${data.rows.toLocaleString('en-US')}-row INSERT, ${data.sockets} sockets (ms)`,
    notes: [
      `One autocommit \`insert into app_public.leads … select … from generate_series(1, ${data.rows})\`, after one single-row insert to wake the relay. All sockets belong to one user; lead_created goes to everyone.`,
      'Times are from the commit, as acknowledged to the inserting client, until a socket has the row: "first" is the first socket to get each row, "last" the last one; "every row everywhere" is the last row at the last socket.',
      'Per socket: notification:created events each socket received (it should be every row, once). Disconnected: sockets the server dropped during the burst.',
    ],
    headers: ['Sockets', 'Rows', 'INSERT took', 'Every row everywhere', 'Per row, last socket p50 / p99', 'Per row, first socket p50 / p99', 'Per socket min / max', 'Rows missing somewhere', 'Disconnected'],
    rows: [
      [
        String(data.sockets),
        String(data.rows),
        ms(data.statementMs),
        ms(data.allMs),
        `${ms(data.last.p50)} / ${ms(data.last.p99)}`,
        `${ms(data.first.p50)} / ${ms(data.first.p99)}`,
        `${data.perSocket.min} / ${data.perSocket.max}`,
        String(data.missing),
        String(data.disconnects),
      ],
    ],
    targets: [target],
    data,
  };
}
