/**
 * c. The write path: concurrent single-row INSERTs into app_public.leads with
 * Bellhop's triggers (relay running, one socket watching), against the same
 * table with its triggers off, the design's floor (one bare notification row
 * per lead from a row trigger; no NOTIFY, no relay), and the naive design (a
 * per-row pg_notify trigger, whose commit lock serialises writers). All four
 * in the same run, interleaved round by round.
 */
import { withClient } from '@bellhop/db';
import { nowMs, sleep } from '../lib/clock';
import type { Cluster } from '../lib/databases';
import { deliveries, type Source } from '../lib/deliveries';
import { Inserter } from '../lib/inserts';
import { say, startCell } from '../lib/progress';
import type { MeasurementReport } from '../lib/report';
import { cdf, ms, summarize } from '../lib/stats';
import { writePathReport, type Idle, type Row } from './report';
import { openRig, runCell, type CellRun, type Rig } from './rig';
import { LABELS, VARIANTS, type Variant } from './variants';

export interface WritePathPlan {
  writers: number[];
  seconds: number;
  rounds: number;
  idleSamples: number;
}

/** Cells of c, for the progress count: every column of every round, and the idle one. */
export const writePathCells = (plan: WritePathPlan) => plan.writers.length * plan.rounds * VARIANTS.length + 1;

const rate = (runs: CellRun[]) => runs.reduce((sum, run) => sum + run.committed, 0) / runs.reduce((sum, run) => sum + run.seconds, 0);

async function measureWriters(rig: Rig, plan: WritePathPlan, writers: number): Promise<Row> {
  const runs = Object.fromEntries(VARIANTS.map((variant) => [variant, [] as CellRun[]])) as Record<Variant, CellRun[]>;
  for (let round = 0; round < plan.rounds; round += 1) {
    for (const variant of VARIANTS) {
      startCell(`c. ${writers} writer(s), round ${round + 1}/${plan.rounds}, ${LABELS[variant]} (${plan.seconds} s)`);
      runs[variant].push(await runCell(rig, variant, writers, plan.seconds));
    }
    say(`c. ${writers} writer(s), round ${round + 1}/${plan.rounds}: ${VARIANTS.map((v) => `${LABELS[v]} ${Math.round(rate(runs[v].slice(-1)))}/s`).join(', ')}`);
  }
  const bellhop = runs.bellhop;
  const sum = (key: 'committed' | 'delivered' | 'missing' | 'duplicates' | 'strays' | 'rings' | 'cpuMs', list = bellhop) =>
    list.reduce((total, run) => total + run[key], 0);
  const lags = bellhop.flatMap((run) => run.lags);
  const row: Row = {
    writers,
    tps: Object.fromEntries(VARIANTS.map((variant) => [variant, rate(runs[variant])])) as Record<Variant, number>,
    committed: sum('committed'),
    delivered: sum('delivered'),
    missing: sum('missing'),
    duplicates: sum('duplicates'),
    strays: sum('strays'),
    rings: sum('rings'),
    lag: summarize(lags),
    lagCdf: cdf(lags),
    cpu: {
      bellhopMs: sum('cpuMs'),
      bellhopDelivered: sum('delivered'),
      naiveMs: sum('cpuMs', runs.naive),
      naiveDelivered: sum('delivered', runs.naive),
    },
  };
  say(
    `c.   ${writers} writer(s): delivered ${row.delivered}/${row.committed}, duplicates ${row.duplicates}, rings ${row.rings}, ` +
      `lag p50 ${ms(row.lag.p50)} p99 ${ms(row.lag.p99)} ms, relay CPU ${ms((row.cpu.bellhopMs / Math.max(1, row.delivered)) * 1000)} ms per 1,000`,
  );
  return row;
}

/** Idle: the relay has gone back to sleep, so every delivery starts with a ring. */
async function measureIdle(rig: Rig, samples: number): Promise<Idle> {
  startCell(`c. idle: ${samples} single inserts 300 ms apart`);
  await sleep(1_000);
  const inserter = new Inserter(rig.dbs.bellhop.url, 1);
  const afterCommit: Source = {
    label: 'idle',
    async send() {
      const key = await inserter.insert();
      return { key, sentAt: nowMs() };
    },
  };
  const lags: number[] = [];
  try {
    for (let i = 0; i < samples; i += 1) {
      await sleep(300);
      lags.push(...(await deliveries(afterCommit, rig.watcher, 1, 1, 1)).latencies);
    }
  } finally {
    await inserter.close();
  }
  const idle = { ...summarize(lags), cdf: cdf(lags) };
  say(`c. idle lag p50 ${ms(idle.p50)} p99 ${ms(idle.p99)} ms over ${idle.n} single inserts`);
  return idle;
}

export async function measureWritePath(cluster: Cluster, plan: WritePathPlan): Promise<MeasurementReport> {
  say('c. preparing four databases (no trigger, floor, Bellhop, naive), the relay and the naive server…');
  const rig = await openRig(cluster);
  const rows: Row[] = [];
  let idle: Idle;
  try {
    for (const writers of plan.writers) rows.push(await measureWriters(rig, plan, writers));
    idle = await measureIdle(rig, plan.idleSamples);
    const stored = await withClient(rig.dbs.bellhop.url, async (client) => {
      const { rows: counts } = await client.query<{ leads: string; notifications: string }>(
        'select (select count(*) from app_public.leads) as leads, (select count(*) from app_public.notifications) as notifications',
      );
      return counts[0]!;
    });
    say(`c. Bellhop database holds ${stored.leads} leads and ${stored.notifications} notifications.`);
  } finally {
    await rig.close();
  }
  return writePathReport(plan, rows, idle);
}
