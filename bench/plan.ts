/** How big each measurement is: the full run, or --quick (about two minutes). */
import type { ApiPlan } from './api';
import type { BurstPlan } from './burst';
import type { FanoutPlan } from './fanout';
import type { LatencyPlan } from './latency';
import type { TargetedPlan } from './targeted';
import type { WritePathPlan } from './writePath';

export interface Plan {
  quick: boolean;
  latency: LatencyPlan;
  fanout: FanoutPlan;
  writePath: WritePathPlan;
  api: ApiPlan;
  burst: BurstPlan;
  targeted: TargetedPlan;
}

export function makePlan(quick: boolean): Plan {
  return quick
    ? {
        quick,
        latency: { sockets: [100, 1000], rates: [10, 50], seconds: 1, minSamples: 10, warmup: 5 },
        fanout: { cases: [{ sockets: 1000, rate: 10 }, { sockets: 2000, rate: 5 }], seconds: 1.5 },
        writePath: { writers: [1, 8, 32], seconds: 1, rounds: 1, idleSamples: 5 },
        api: { notifications: 100_000, seconds: 0.4, connections: null },
        burst: { rows: 5000, sockets: 100 },
        targeted: { samples: 20 },
      }
    : {
        quick,
        latency: { sockets: [100, 1000], rates: [10, 50], seconds: 20, minSamples: 600, warmup: 10 },
        fanout: { cases: [{ sockets: 1000, rate: 10 }, { sockets: 5000, rate: 2 }], seconds: 60 },
        writePath: { writers: [1, 8, 32], seconds: 5, rounds: 3, idleSamples: 30 },
        api: { notifications: 1_000_000, seconds: 3, connections: 8 },
        burst: { rows: 5000, sockets: 1000 },
        targeted: { samples: 200 },
      };
}
