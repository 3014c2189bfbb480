/**
 * Everything the write path runs against: one database per column, Bellhop's
 * relay with a watching socket, the naive LISTEN → io.emit server with its
 * own, a doorbell counter, and the writers child. One cell is one column's
 * run at one writer count.
 */
import { Client } from 'pg';
import { withClient } from '@bellhop/db';
import { createUser, startBellhop, type Bellhop } from '../lib/bellhop';
import { Child } from '../lib/child';
import type { BenchDatabase, Cluster } from '../lib/databases';
import { startRawServer, type RawServer } from '../lib/raw';
import { SocketFleet } from '../lib/sockets';
import type { WritersReply, WritersRequest } from '../lib/writersProtocol';
import { SETUP, VARIANTS, type Variant } from './variants';

export interface Rig {
  dbs: Record<Variant, BenchDatabase>;
  bellhop: Bellhop;
  /** One socket on Bellhop, tracking notification ids (for duplicates). */
  watcher: SocketFleet;
  naive: RawServer;
  naiveWatcher: SocketFleet;
  /** Bellhop transactions that rang the doorbell (took NOTIFY's commit lock). */
  rings: { count: number };
  writers: Child<WritersRequest, WritersReply>;
  close(): Promise<void>;
}

export interface CellRun {
  committed: number;
  seconds: number;
  /** Events the watching socket received (Bellhop: of the committed leads, matched by id). */
  delivered: number;
  missing: number;
  duplicates: number;
  strays: number;
  rings: number;
  /** Commit acknowledged → watching socket, ms (Bellhop only). */
  lags: number[];
  /** CPU time of this process (the relay's), from the first write until the watcher had everything. */
  cpuMs: number;
}

export async function openRig(cluster: Cluster): Promise<Rig> {
  const cleanup: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  };
  try {
    const dbs = {} as Record<Variant, BenchDatabase>;
    for (const variant of VARIANTS) {
      dbs[variant] = await cluster.clone(`c_${variant}`);
      cleanup.push(() => dbs[variant].drop());
      await withClient(dbs[variant].url, (client) => client.query(SETUP[variant]));
    }
    // The naive design delivers too (LISTEN → io.emit → a watching socket), so it does the same work.
    const naive = await startRawServer(dbs.naive.url);
    cleanup.push(() => naive.close());
    const naiveWatcher = new SocketFleet();
    cleanup.push(() => naiveWatcher.close());
    const rings = { count: 0 };
    const doorbell = new Client({ connectionString: dbs.bellhop.url });
    await doorbell.connect();
    cleanup.push(() => doorbell.end());
    doorbell.on('notification', () => {
      rings.count += 1;
    });
    await doorbell.query('listen bellhop_notifications');
    const bellhop = await startBellhop(dbs.bellhop, { api: false });
    cleanup.push(() => bellhop.close());
    const token = bellhop.tokenFor(await createUser(dbs.bellhop.url, 'bench-c@example.com'));
    const watcher = new SocketFleet();
    cleanup.push(() => watcher.close());
    const writers = new Child<WritersRequest, WritersReply>('writers.ts');
    cleanup.push(() => writers.stop());
    await watcher.connect(bellhop.url, 1, token, true);
    await naiveWatcher.connect(naive.url, 1);
    return { dbs, bellhop, watcher, naive, naiveWatcher, rings, writers, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/** One column at one writer count, for `seconds`, right after a CHECKPOINT. */
export async function runCell(rig: Rig, variant: Variant, writers: number, seconds: number): Promise<CellRun> {
  // One column's connections at a time: 4 × 32 would exceed a default max_connections.
  await rig.writers.request({ type: 'open', url: rig.dbs[variant].url, writers }, 'opened');
  // Every run starts right after a checkpoint, so none of them pays for one the previous run made due.
  await withClient(rig.dbs[variant].url, (client) => client.query('checkpoint'));
  const ringsBefore = rig.rings.count;
  const cpuStart = process.cpuUsage();
  const result = await rig.writers.request({ type: 'write', seconds, recordAcks: variant === 'bellhop' }, 'written');
  const run: CellRun = { committed: result.committed, seconds: result.seconds, delivered: 0, missing: 0, duplicates: 0, strays: 0, rings: 0, lags: [], cpuMs: 0 };
  if (variant === 'naive') {
    await rig.naiveWatcher.settle(result.committed, 2_000, 60_000);
    run.cpuMs = cpuMsSince(cpuStart);
    run.delivered = (await rig.naiveWatcher.collect(new Map())).total;
  }
  if (variant !== 'bellhop') return run;
  const ackedAt = new Map<number, number>();
  for (let i = 0; i < result.acks.length; i += 2) ackedAt.set(result.acks[i]!, result.acks[i + 1]!);
  await rig.watcher.settle(result.committed, 2_000, 60_000);
  run.cpuMs = cpuMsSince(cpuStart);
  const delivery = await rig.watcher.collect(ackedAt);
  run.rings = rig.rings.count - ringsBefore;
  run.delivered = delivery.latencies.length;
  run.missing = delivery.missing;
  run.duplicates = delivery.extra + delivery.duplicateIds;
  run.strays = delivery.receipts.filter((receipt) => !ackedAt.has(receipt.key)).length;
  run.lags = delivery.latencies;
  return run;
}
