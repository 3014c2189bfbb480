/**
 * c. The write path: concurrent single-row INSERTs into app_public.leads with
 * Bellhop's triggers (relay running, one socket watching), against the same
 * table with its triggers off, and against the naive design (a per-row
 * pg_notify trigger, whose commit lock serialises writers).
 */
import { Client } from 'pg';
import { withClient } from '@bellhop/db';
import { createUser, startBellhop } from './lib/bellhop';
import { Child } from './lib/child';
import { nowMs, sleep } from './lib/clock';
import type { Cluster } from './lib/databases';
import { deliveries, type Source } from './lib/deliveries';
import { Inserter } from './lib/inserts';
import { say } from './lib/progress';
import { RAW_CHANNEL, startRawServer } from './lib/raw';
import type { MeasurementReport, Target } from './lib/report';
import { SocketFleet } from './lib/sockets';
import { ms, summarize, type Summary } from './lib/stats';
import type { WritersReply, WritersRequest } from './lib/writersProtocol';

export interface WritePathPlan {
  writers: number[];
  seconds: number;
  rounds: number;
  idleSamples: number;
}

const VARIANTS = ['bellhop', 'none', 'naive'] as const;
type Variant = (typeof VARIANTS)[number];

const SETUP: Record<Variant, string> = {
  bellhop: 'select 1',
  // Every user trigger on leads off: the timestamps one too, so this is the bare table.
  none: 'alter table app_public.leads disable trigger user',
  // The obvious design: every notification row NOTIFYs itself to a listener that emits it.
  naive: `
    drop trigger _900_after_insert on app_public.notifications;
    create function public.bench_naive_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('${RAW_CHANNEL}', json_build_object(
        'id', new.id, 'type', new.type, 'title', new.title, 'message', new.message, 'isRead', false,
        'relatedLeadId', new.related_lead_id, 'createdAt', new.created_at, 'updatedAt', new.updated_at)::text);
      return null;
    end;
    $$;
    create trigger bench_naive_notify after insert on app_public.notifications
      for each row execute function public.bench_naive_notify();
  `,
};

const TARGET_RATIO = 0.7;
const TARGET_LAG_LOAD = 250;
const TARGET_LAG_IDLE = 10;

interface Row {
  writers: number;
  tps: Record<Variant, number>;
  committed: number;
  delivered: number;
  missing: number;
  duplicates: number;
  strays: number;
  /** Bellhop transactions that rang the doorbell (NOTIFY) instead of finding the relay draining. */
  rings: number;
  lag: Summary;
}

function tps(runs: Array<{ committed: number; seconds: number }>): number {
  const committed = runs.reduce((sum, run) => sum + run.committed, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return committed / seconds;
}

export async function measureWritePath(cluster: Cluster, plan: WritePathPlan): Promise<MeasurementReport> {
  const dbs = Object.fromEntries(
    await Promise.all(VARIANTS.map(async (variant) => [variant, await cluster.clone(`c_${variant}`)] as const)),
  ) as Record<Variant, Awaited<ReturnType<Cluster['clone']>>>;
  for (const variant of VARIANTS) await withClient(dbs[variant].url, (client) => client.query(SETUP[variant]));
  // The naive design delivers too (LISTEN → io.emit → a watching socket), so it does the same work.
  const naive = await startRawServer(dbs.naive.url);
  const naiveWatcher = new SocketFleet();
  // Counts the doorbell rings (transactions that took NOTIFY's commit lock) during the Bellhop runs.
  let rings = 0;
  const doorbell = new Client({ connectionString: dbs.bellhop.url });
  await doorbell.connect();
  doorbell.on('notification', () => {
    rings += 1;
  });
  await doorbell.query('listen bellhop_notifications');
  const bellhop = await startBellhop(dbs.bellhop, { api: false });
  const token = bellhop.tokenFor(await createUser(dbs.bellhop.url, 'bench-c@example.com'));
  const watcher = new SocketFleet();
  const writersChild = new Child<WritersRequest, WritersReply>('writers.ts');
  const rows: Row[] = [];
  let idle: Summary;
  try {
    await watcher.connect(bellhop.url, 1, token, true);
    await naiveWatcher.connect(naive.url, 1);
    for (const writers of plan.writers) {
      const runs: Record<Variant, Array<{ committed: number; seconds: number }>> = { bellhop: [], none: [], naive: [] };
      const row: Row = { writers, tps: { bellhop: 0, none: 0, naive: 0 }, committed: 0, delivered: 0, missing: 0, duplicates: 0, strays: 0, rings: 0, lag: summarize([]) };
      const lags: number[] = [];
      for (let round = 0; round < plan.rounds; round += 1) {
        for (const variant of VARIANTS) {
          // One variant's connections at a time: 3 × 32 would exceed a default max_connections.
          await writersChild.request({ type: 'open', url: dbs[variant].url, writers }, 'opened');
          // Every run starts right after a checkpoint, so none of them pays for one the previous run made due.
          await withClient(dbs[variant].url, (client) => client.query('checkpoint'));
          const ringsBefore = rings;
          const result = await writersChild.request({ type: 'write', seconds: plan.seconds, recordAcks: variant === 'bellhop' }, 'written');
          runs[variant].push(result);
          if (variant === 'naive') {
            await naiveWatcher.settle(result.committed, 2_000, 60_000);
            await naiveWatcher.collect(new Map());
          }
          if (variant !== 'bellhop') continue;
          const ackedAt = new Map<number, number>();
          for (let i = 0; i < result.acks.length; i += 2) ackedAt.set(result.acks[i]!, result.acks[i + 1]!);
          await watcher.settle(result.committed, 2_000, 60_000);
          const delivery = await watcher.collect(ackedAt);
          row.rings += rings - ringsBefore;
          row.committed += result.committed;
          row.delivered += delivery.latencies.length;
          row.missing += delivery.missing;
          row.duplicates += delivery.extra + delivery.duplicateIds;
          row.strays += delivery.receipts.filter((receipt) => !ackedAt.has(receipt.key)).length;
          lags.push(...delivery.latencies);
        }
        say(`c. ${writers} writer(s), round ${round + 1}/${plan.rounds}: ${VARIANTS.map((v) => `${v} ${Math.round(tps(runs[v].slice(-1)))}/s`).join(', ')}`);
      }
      for (const variant of VARIANTS) row.tps[variant] = tps(runs[variant]);
      row.lag = summarize(lags);
      say(`c.   ${writers} writer(s): delivered ${row.delivered}/${row.committed}, duplicates ${row.duplicates}, rings ${row.rings}, lag p50 ${ms(row.lag.p50)} p99 ${ms(row.lag.p99)} ms`);
      rows.push(row);
    }

    // Idle: the relay has gone back to sleep, so every delivery starts with a ring.
    await sleep(1_000);
    const inserter = new Inserter(dbs.bellhop.url, 1);
    const afterCommit: Source = {
      label: 'idle',
      async send() {
        const key = await inserter.insert();
        return { key, sentAt: nowMs() };
      },
    };
    const idleLags: number[] = [];
    for (let i = 0; i < plan.idleSamples; i += 1) {
      await sleep(300);
      idleLags.push(...(await deliveries(afterCommit, watcher, 1, 1, 1)).latencies);
    }
    await inserter.close();
    idle = summarize(idleLags);
    say(`c. idle lag p50 ${ms(idle.p50)} p99 ${ms(idle.p99)} ms over ${idle.n} single inserts`);

    const stored = await withClient(dbs.bellhop.url, async (client) => {
      const { rows: counts } = await client.query<{ leads: string; notifications: string }>(
        'select (select count(*) from app_public.leads) as leads, (select count(*) from app_public.notifications) as notifications',
      );
      return counts[0]!;
    });
    say(`c. Bellhop database holds ${stored.leads} leads and ${stored.notifications} notifications.`);
  } finally {
    await watcher.close();
    await writersChild.stop();
    await bellhop.close();
    await naiveWatcher.close();
    await naive.close();
    await doorbell.end();
    for (const variant of VARIANTS) await dbs[variant].drop();
  }

  const ratioOf = (row: Row, variant: Variant) => row.tps[variant] / row.tps.none;
  const exact = (row: Row) => row.missing === 0 && row.duplicates === 0 && row.strays === 0 && row.delivered === row.committed;
  const targets: Target[] = rows
    .filter((row) => row.writers >= 8)
    .map((row) => ({
      label: `c. ${row.writers} writers`,
      goal: `≥ ${TARGET_RATIO}× no-trigger, exactly once, lag p99 ≤ ${TARGET_LAG_LOAD} ms`,
      actual: `${ratioOf(row, 'bellhop').toFixed(2)}× (naive ${ratioOf(row, 'naive').toFixed(2)}×), ${row.delivered}/${row.committed} delivered, ${row.duplicates} dup, p99 ${ms(row.lag.p99)} ms`,
      met: ratioOf(row, 'bellhop') >= TARGET_RATIO && exact(row) && row.lag.p99 <= TARGET_LAG_LOAD,
    }));
  targets.push({
    label: 'c. idle',
    goal: `lag p99 ≤ ${TARGET_LAG_IDLE} ms`,
    actual: `p50 ${ms(idle.p50)}, p99 ${ms(idle.p99)} ms`,
    met: idle.p99 <= TARGET_LAG_IDLE,
  });
  return {
    id: 'c',
    title: 'c. Write path: INSERTs/s into app_public.leads',
    notes: [
      `Each writer its own connection, autocommit single-row INSERTs back to back; ${plan.rounds} round(s) of ${plan.seconds} s per column, interleaved, each right after a CHECKPOINT.`,
      'No triggers: every user trigger on leads disabled. Naive: Bellhop\'s triggers, but each notification row pg_notify()s itself to a LISTEN client that io.emit()s it to one watching socket.',
      'Lag: commit acknowledged to the writer → the watching socket has the event. Idle: single inserts 300 ms apart, relay asleep.',
      'Rings: Bellhop transactions that sent NOTIFY (and so took its commit lock) because no relay was draining.',
    ],
    headers: ['Writers', 'No triggers', 'Bellhop', 'Ratio', 'Naive (pg_notify per row)', 'Ratio', 'Delivered / committed', 'Duplicates', 'Rings', 'Lag p50 / p99'],
    rows: [
      ...rows.map((row) => [
        String(row.writers),
        Math.round(row.tps.none).toString(),
        Math.round(row.tps.bellhop).toString(),
        `${ratioOf(row, 'bellhop').toFixed(2)}×`,
        Math.round(row.tps.naive).toString(),
        `${ratioOf(row, 'naive').toFixed(2)}×`,
        `${row.delivered} / ${row.committed}${row.strays > 0 ? ` (+${row.strays} unexpected)` : ''}`,
        String(row.duplicates),
        String(row.rings),
        `${ms(row.lag.p50)} / ${ms(row.lag.p99)}`,
      ]),
      ['idle', '', '', '', '', '', `${idle.n} / ${idle.n}`, '', '', `${ms(idle.p50)} / ${ms(idle.p99)}`],
    ],
    targets,
    data: { rows, idle },
  };
}
