/**
 * `npm run bench [-- --quick] [-- --only a,c]`: the four measurements of
 * SPEC.md's Performance section, each beside its raw baseline, printed as a
 * markdown table and written to bench/results.json. Targets are reported,
 * never enforced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openCluster } from './lib/databases';
import { describeMachine } from './lib/machine';
import { say } from './lib/progress';
import type { MeasurementReport } from './lib/report';
import { makePlan } from './plan';
import { renderMarkdown } from './table';
import { measureLatency } from './latency';
import { measureFanout } from './fanout';
import { measureWritePath } from './writePath';
import { measureApi } from './api';

const RESULTS = path.join(__dirname, 'results.json');
const IDS = ['a', 'b', 'c', 'd'] as const;
type Id = (typeof IDS)[number];

function parseArgs(argv: string[]): { quick: boolean; only: Set<Id> } {
  let quick = false;
  let only: Set<Id> = new Set(IDS);
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg.includes('=') ? arg.slice('--only='.length) : argv[(i += 1)] ?? '';
      const ids = value.split(',').map((id) => id.trim());
      const unknown = ids.filter((id) => !(IDS as readonly string[]).includes(id));
      if (unknown.length > 0 || ids.length === 0) throw new Error(`--only takes measurement ids a, b, c, d (got "${value}").`);
      only = new Set(ids as Id[]);
    } else {
      throw new Error(`Unknown option ${arg}. Use --quick and/or --only a,b,c,d.`);
    }
  }
  return { quick, only };
}

async function main(): Promise<void> {
  const { quick, only } = parseArgs(process.argv.slice(2));
  const plan = makePlan(quick);
  say(`${quick ? 'Quick' : 'Full'} run of ${[...only].join(', ')}.`);
  const cluster = await openCluster();
  const reports: MeasurementReport[] = [];
  try {
    if (only.has('a')) reports.push(await measureLatency(cluster, plan.latency));
    if (only.has('b')) reports.push(await measureFanout(cluster, plan.fanout));
    if (only.has('c')) reports.push(await measureWritePath(cluster, plan.writePath));
    if (only.has('d')) reports.push(await measureApi(cluster, plan.api));
  } finally {
    await cluster.close();
  }
  const machine = describeMachine(cluster.serverVersion, cluster.postgres.embedded ? 'embedded' : 'DATABASE_URL');
  fs.writeFileSync(RESULTS, `${JSON.stringify({ machine, plan, reports }, null, 2)}\n`);
  say(`Wrote ${path.relative(process.cwd(), RESULTS)}.`);
  console.log(`\n${renderMarkdown(machine, reports)}\n`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`[bench] ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
