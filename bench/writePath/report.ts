/** c's table, targets and results.json data. */
import type { MeasurementReport, Target } from '../lib/report';
import { ms, type Summary } from '../lib/stats';
import type { WritePathPlan } from './index';
import type { Variant } from './variants';

export interface Row {
  writers: number;
  /** Committed INSERTs per second, per column. */
  tps: Record<Variant, number>;
  /** The rest is Bellhop's. */
  committed: number;
  delivered: number;
  missing: number;
  duplicates: number;
  strays: number;
  /** Bellhop transactions that rang the doorbell (NOTIFY) because a relay was asleep. */
  rings: number;
  lag: Summary;
  lagCdf: number[];
  /** CPU of the process running the relay (this one), around the Bellhop and the naive cells. */
  cpu: { bellhopMs: number; bellhopDelivered: number; naiveMs: number; naiveDelivered: number };
}

export type Idle = Summary & { cdf: number[] };

export interface WritePathData {
  rows: Row[];
  idle: Idle;
}

/** Of the design's floor: the same table with a row trigger writing one bare notification row. */
const TARGET_RATIO = 0.85;
const TARGET_LAG_LOAD = 250;
const TARGET_LAG_IDLE = 10;

const ratio = (row: Row, variant: Variant, baseline: Variant) => row.tps[variant] / row.tps[baseline];
const x = (value: number) => `${value.toFixed(2)}×`;
const perThousand = (cpuMs: number, delivered: number) => (delivered > 0 ? (cpuMs / delivered) * 1000 : Number.NaN);
const exact = (row: Row) => row.missing === 0 && row.duplicates === 0 && row.strays === 0 && row.delivered === row.committed;

function targets(rows: Row[], idle: Idle): Target[] {
  const list: Target[] = rows
    .filter((row) => row.writers >= 8)
    .map((row) => ({
      label: `c. ${row.writers} writers`,
      goal: `≥ ${TARGET_RATIO}× the floor, exactly once, lag p99 ≤ ${TARGET_LAG_LOAD} ms`,
      actual:
        `${x(ratio(row, 'bellhop', 'floor'))} of the floor (no-trigger ${x(ratio(row, 'bellhop', 'none'))}, naive ${x(ratio(row, 'naive', 'floor'))}), ` +
        `${row.delivered}/${row.committed} delivered, ${row.duplicates} dup, p99 ${ms(row.lag.p99)} ms`,
      met: ratio(row, 'bellhop', 'floor') >= TARGET_RATIO && exact(row) && row.lag.p99 <= TARGET_LAG_LOAD,
    }));
  list.push({
    label: 'c. idle',
    goal: `lag p99 ≤ ${TARGET_LAG_IDLE} ms`,
    actual: `p50 ${ms(idle.p50)}, p99 ${ms(idle.p99)} ms`,
    met: idle.p99 <= TARGET_LAG_IDLE,
  });
  return list;
}

function tableRow(row: Row): string[] {
  const n = (variant: Variant) => Math.round(row.tps[variant]).toString();
  return [
    String(row.writers),
    n('none'),
    n('floor'),
    n('bellhop'),
    n('naive'),
    x(ratio(row, 'bellhop', 'floor')),
    x(ratio(row, 'bellhop', 'none')),
    `${row.delivered} / ${row.committed}${row.strays > 0 ? ` (+${row.strays} unexpected)` : ''}`,
    String(row.duplicates),
    String(row.rings),
    `${ms(row.lag.p50)} / ${ms(row.lag.p99)}`,
    `${ms(perThousand(row.cpu.bellhopMs, row.cpu.bellhopDelivered))} / ${ms(perThousand(row.cpu.naiveMs, row.cpu.naiveDelivered))}`,
  ];
}

export function writePathReport(plan: WritePathPlan, rows: Row[], idle: Idle): MeasurementReport {
  const data: WritePathData = { rows, idle };
  return {
    id: 'c',
    title: 'c. Write path: INSERTs/s into app_public.leads',
    notes: [
      `Each writer its own connection, autocommit single-row INSERTs back to back; ${plan.rounds} round(s) of ${plan.seconds} s per column, interleaved (no trigger, floor, Bellhop, naive), each right after a CHECKPOINT.`,
      'No trigger: every user trigger on leads disabled. Floor: the same, plus one plpgsql AFTER INSERT FOR EACH ROW trigger writing one row (an identity primary key, nothing else) into bench_floor.notifications; no NOTIFY, no relay.',
      "Naive: Bellhop's triggers, but each notification row pg_notify()s itself to a LISTEN client that io.emit()s it to one watching socket.",
      'Delivered / committed, duplicates, rings, lag and the first CPU figure are Bellhop\'s. Lag: commit acknowledged to the writer → the watching socket has the event. Idle: single inserts 300 ms apart, relay asleep.',
      'Rings: Bellhop transactions that sent NOTIFY (and so took its commit lock) because a relay was asleep (held the doorbell lock).',
      'Relay CPU: process.cpuUsage() of the process running the relay (the bench process, where the writers and sockets are children), from the first INSERT of a cell until the watching socket had every event, per 1,000 notifications delivered; Bellhop / naive.',
    ],
    headers: ['Writers', 'No trigger', 'Floor', 'Bellhop', 'Naive', 'Bellhop / floor', 'Bellhop / no trigger', 'Delivered / committed', 'Duplicates', 'Rings', 'Lag p50 / p99 (ms)', 'Relay CPU ms per 1,000'],
    rows: [...rows.map(tableRow), ['idle', '', '', '', '', '', '', `${idle.n} / ${idle.n}`, '', '', `${ms(idle.p50)} / ${ms(idle.p99)}`, '']],
    targets: targets(rows, idle),
    data,
  };
}
