/**
 * a. INSERT → the last of N sockets, through Bellhop against the raw pipeline
 * (row trigger → pg_notify → LISTEN → io.emit), at fixed insert rates.
 */
import { withClient } from '@bellhop/db';
import { createUser, startBellhop } from './lib/bellhop';
import type { Cluster } from './lib/databases';
import { deliveries, insertSource, type Source } from './lib/deliveries';
import { Inserter } from './lib/inserts';
import { say, startCell } from './lib/progress';
import { RAW_TRIGGER_SQL, startRawServer } from './lib/raw';
import type { MeasurementReport, Target } from './lib/report';
import { SocketFleet } from './lib/sockets';
import { cdf, ms, ratio, summarize, times, type Summary } from './lib/stats';

export interface LatencyPlan {
  sockets: number[];
  rates: number[];
  seconds: number;
  /**
   * At least this many samples per pipeline, whatever the rate: a p99 of 200
   * samples is the second-worst one, and the ratio of two of those is noise.
   */
  minSamples: number;
  /** Inserts before measuring, per pipeline and rate. */
  warmup: number;
}

const TARGET = 1.2;

interface Cell {
  sockets: number;
  rate: number;
  bellhop: Summary;
  raw: Summary;
  lost: { bellhop: number; raw: number };
  /** Latencies at CDF_PERCENTILES, for the charts. */
  cdf: { bellhop: number[]; raw: number[] };
}

export const latencyCells = (plan: LatencyPlan) => plan.sockets.length * plan.rates.length;

const triple = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;

type Pipeline = 'bellhop' | 'raw';

/** One cell: `rate` inserts a second through both pipelines, alternating halves. */
async function measureRate(
  plan: LatencyPlan,
  sockets: number,
  rate: number,
  sources: Record<Pipeline, Source>,
  fleets: Record<Pipeline, SocketFleet>,
): Promise<Cell> {
  const count = Math.max(plan.minSamples, Math.round(rate * plan.seconds));
  startCell(`a. ${sockets} sockets, ${rate} inserts/s: ${count} inserts each, Bellhop and raw alternating`);
  const latencies = { bellhop: [] as number[], raw: [] as number[] };
  const lost = { bellhop: 0, raw: 0 };
  for (const name of ['bellhop', 'raw'] as const) await deliveries(sources[name], fleets[name], sockets, rate, plan.warmup);
  // Halves, alternating, so drift on a shared machine hits both alike.
  for (let half = 0; half < 2; half += 1) {
    for (const name of ['bellhop', 'raw'] as const) {
      const result = await deliveries(sources[name], fleets[name], sockets, rate, Math.ceil(count / 2));
      latencies[name].push(...result.latencies);
      lost[name] += result.missing;
    }
  }
  const cell: Cell = {
    sockets,
    rate,
    bellhop: summarize(latencies.bellhop),
    raw: summarize(latencies.raw),
    lost,
    cdf: { bellhop: cdf(latencies.bellhop), raw: cdf(latencies.raw) },
  };
  say(`a.   Bellhop p50/p95/p99 ${triple(cell.bellhop)} ms; raw ${triple(cell.raw)} ms`);
  return cell;
}

export async function measureLatency(cluster: Cluster, plan: LatencyPlan): Promise<MeasurementReport> {
  const cells: Cell[] = [];
  for (const sockets of plan.sockets) {
    const bellhopDb = await cluster.clone('a_bellhop');
    const rawDb = await cluster.clone('a_raw');
    await withClient(rawDb.url, (client) => client.query(RAW_TRIGGER_SQL));
    const bellhop = await startBellhop(bellhopDb, { api: false });
    const raw = await startRawServer(rawDb.url);
    const token = bellhop.tokenFor(await createUser(bellhopDb.url, 'bench-a@example.com'));
    const fleets = { bellhop: new SocketFleet(), raw: new SocketFleet() };
    const inserters = { bellhop: new Inserter(bellhopDb.url), raw: new Inserter(rawDb.url) };
    try {
      say(`a. connecting ${sockets} sockets to Bellhop and ${sockets} to the raw pipeline…`);
      await fleets.bellhop.connect(bellhop.url, sockets, token);
      await fleets.raw.connect(raw.url, sockets);
      const sources = { bellhop: insertSource('Bellhop', inserters.bellhop), raw: insertSource('raw', inserters.raw) };
      for (const rate of plan.rates) cells.push(await measureRate(plan, sockets, rate, sources, fleets));
    } finally {
      await fleets.bellhop.close();
      await fleets.raw.close();
      await inserters.bellhop.close();
      await inserters.raw.close();
      await bellhop.close();
      await raw.close();
      await bellhopDb.drop();
      await rawDb.drop();
    }
  }

  const targets: Target[] = cells.map((cell) => {
    const r = ratio(cell.bellhop.p99, cell.raw.p99);
    return {
      label: `a. ${cell.sockets} sockets, ${cell.rate}/s`,
      goal: `p99 ≤ ${TARGET}× raw`,
      actual: `${ms(cell.bellhop.p99)} vs ${ms(cell.raw.p99)} ms (${times(r)})`,
      met: r <= TARGET && cell.lost.bellhop === 0,
    };
  });
  return {
    id: 'a',
    title: 'a. INSERT → last of N sockets (ms)',
    notes: [
      'From just before a single-row autocommit INSERT into app_public.leads until the last socket has the event.',
      'Raw: a row trigger that pg_notify()s the payload, one LISTEN client, bare Socket.IO io.emit. Same machine, alternating halves.',
    ],
    headers: ['Sockets', 'Inserts/s', 'Samples', 'Bellhop p50 / p95 / p99', 'Raw p50 / p95 / p99', 'p99 ratio', 'Lost'],
    rows: cells.map((cell) => [
      String(cell.sockets),
      String(cell.rate),
      String(cell.bellhop.n),
      triple(cell.bellhop),
      triple(cell.raw),
      times(ratio(cell.bellhop.p99, cell.raw.p99)),
      `${cell.lost.bellhop} / ${cell.lost.raw}`,
    ]),
    targets,
    data: cells,
  };
}
