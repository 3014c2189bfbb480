/**
 * `npm run bench [-- --quick] [-- --only a,c,burst]`: the measurements of
 * SPEC.md's Performance section, each beside its raw baseline, printed as a
 * markdown table (stdout; progress goes to stderr) and written to
 * bench/results.json, docs/performance.md and docs/performance/*.svg.
 * Targets are reported, never enforced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openCluster } from './lib/databases';
import { describeMachine } from './lib/machine';
import { endCells, expectCells, say } from './lib/progress';
import { MEASUREMENT_IDS, type MeasurementId, type MeasurementReport } from './lib/report';
import { MEASUREMENTS, parseOnly, USAGE } from './measurements';
import { makePlan } from './plan';
import { RESULTS_FILE, writeReport } from './report';
import { renderMarkdown } from './table';

function parseArgs(argv: string[]): { quick: boolean; only: MeasurementId[] } {
  let quick = false;
  let only: MeasurementId[] = [...MEASUREMENT_IDS];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--only' || arg.startsWith('--only=')) only = parseOnly(arg.includes('=') ? arg.slice('--only='.length) : (argv[(i += 1)] ?? ''));
    else throw new Error(`Unknown option ${arg}. Use --quick and/or --only; ${USAGE}.`);
  }
  return { quick, only };
}

async function main(): Promise<void> {
  const { quick, only } = parseArgs(process.argv.slice(2));
  const plan = makePlan(quick);
  const cells = only.reduce((sum, id) => sum + MEASUREMENTS[id].cells(plan), 0);
  say(`${quick ? 'Quick' : 'Full'} run of ${only.map((id) => `${id} (${MEASUREMENTS[id].name})`).join(', ')}: ${cells} cells.`);
  expectCells(cells);
  const cluster = await openCluster();
  const reports: MeasurementReport[] = [];
  try {
    for (const id of only) {
      reports.push(await MEASUREMENTS[id].run(cluster, plan));
      endCells();
    }
  } finally {
    await cluster.close();
  }
  const machine = describeMachine(cluster.serverVersion, cluster.postgres.embedded ? 'embedded' : 'DATABASE_URL');
  const results = { machine, plan, reports };
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  say(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}.`);
  for (const file of writeReport(results)) say(`Wrote ${file}.`);
  console.log(`\n${renderMarkdown(machine, reports)}\n`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`[bench] ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
