/**
 * b. Fan-out: one event to every socket on one relay, against bare Socket.IO
 * (io.emit from a timer in the server process, the same payload shape).
 */
import { createUser, startBellhop } from './lib/bellhop';
import type { Cluster } from './lib/databases';
import { deliveries, emitSource, insertSource } from './lib/deliveries';
import { Inserter } from './lib/inserts';
import { say, startCell } from './lib/progress';
import { startRawServer } from './lib/raw';
import type { MeasurementReport } from './lib/report';
import { SocketFleet } from './lib/sockets';
import { ms, ratio, summarize, times, type Summary } from './lib/stats';

export interface FanoutPlan {
  cases: Array<{ sockets: number; rate: number }>;
  seconds: number;
}

const WARMUP = 5;
const TARGET = 1.1;

interface Cell {
  sockets: number;
  rate: number;
  connectSeconds: { bellhop: number; bare: number };
  bellhop: Summary;
  bare: Summary;
  lost: { bellhop: number; bare: number };
}

export const fanoutCells = (plan: FanoutPlan) => plan.cases.length;

const triple = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;

export async function measureFanout(cluster: Cluster, plan: FanoutPlan): Promise<MeasurementReport> {
  const cells: Cell[] = [];
  for (const { sockets, rate } of plan.cases) {
    const db = await cluster.clone('b');
    const bellhop = await startBellhop(db, { api: false });
    const bare = await startRawServer(null);
    const token = bellhop.tokenFor(await createUser(db.url, 'bench-b@example.com'));
    const fleets = { bellhop: new SocketFleet(), bare: new SocketFleet() };
    const inserter = new Inserter(db.url);
    try {
      startCell(`b. ${sockets} sockets at ${rate} events/s`);
      say(`b. connecting ${sockets} sockets to Bellhop and ${sockets} to bare Socket.IO…`);
      const connectSeconds = {
        bellhop: (await fleets.bellhop.connect(bellhop.url, sockets, token)) / 1000,
        bare: (await fleets.bare.connect(bare.url, sockets)) / 1000,
      };
      const sources = { bellhop: insertSource('Bellhop', inserter), bare: emitSource('bare', bare.io) };
      const count = Math.max(10, Math.round(rate * plan.seconds));
      say(`b. ${count} events each, alternating halves…`);
      const latencies = { bellhop: [] as number[], bare: [] as number[] };
      const lost = { bellhop: 0, bare: 0 };
      for (const name of ['bellhop', 'bare'] as const) await deliveries(sources[name], fleets[name], sockets, rate, WARMUP);
      for (let half = 0; half < 2; half += 1) {
        for (const name of ['bellhop', 'bare'] as const) {
          const result = await deliveries(sources[name], fleets[name], sockets, rate, Math.ceil(count / 2));
          latencies[name].push(...result.latencies);
          lost[name] += result.missing;
        }
      }
      const cell = { sockets, rate, connectSeconds, bellhop: summarize(latencies.bellhop), bare: summarize(latencies.bare), lost };
      say(`b.   Bellhop p50/p95/p99 ${triple(cell.bellhop)} ms; bare ${triple(cell.bare)} ms`);
      cells.push(cell);
    } finally {
      await fleets.bellhop.close();
      await fleets.bare.close();
      await inserter.close();
      await bellhop.close();
      await bare.close();
      await db.drop();
    }
  }

  return {
    id: 'b',
    title: 'b. Fan-out to every socket on one relay (ms)',
    notes: [
      'Bellhop: lead INSERT → relay → io.emit → last socket. Bare: io.emit from a timer in the server process → last socket.',
      'websocket transport; all sockets in one client process on the same machine. Rates chosen so the 2 cores keep up.',
    ],
    headers: ['Sockets', 'Events/s', 'Deliveries/s', 'Samples', 'Bellhop p50 / p95 / p99', 'Bare p50 / p95 / p99', 'p99 ratio', 'Lost'],
    rows: cells.map((cell) => [
      String(cell.sockets),
      String(cell.rate),
      String(cell.sockets * cell.rate),
      String(cell.bellhop.n),
      triple(cell.bellhop),
      triple(cell.bare),
      times(ratio(cell.bellhop.p99, cell.bare.p99)),
      `${cell.lost.bellhop} / ${cell.lost.bare}`,
    ]),
    targets: cells.map((cell) => {
      const r = ratio(cell.bellhop.p99, cell.bare.p99);
      return {
        label: `b. ${cell.sockets} sockets, ${cell.rate}/s`,
        goal: `p99 ≤ ${TARGET}× bare`,
        actual: `${ms(cell.bellhop.p99)} vs ${ms(cell.bare.p99)} ms (${times(r)})`,
        met: r <= TARGET && cell.lost.bellhop === 0,
      };
    }),
    data: cells,
  };
}
