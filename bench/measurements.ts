/** Every measurement the bench knows, by id: what it is called, how many cells it has, how to run it. */
import { apiCells, measureApi } from './api';
import { burstCells, measureBurst } from './burst';
import { fanoutCells, measureFanout } from './fanout';
import { latencyCells, measureLatency } from './latency';
import type { Cluster } from './lib/databases';
import { MEASUREMENT_IDS, type MeasurementId, type MeasurementReport } from './lib/report';
import type { Plan } from './plan';
import { measureTargeted, targetedCells } from './targeted';
import { measureWritePath, writePathCells } from './writePath';

export interface Measurement {
  /** Another name --only accepts. */
  name: string;
  cells(plan: Plan): number;
  run(cluster: Cluster, plan: Plan): Promise<MeasurementReport>;
}

export const MEASUREMENTS: Record<MeasurementId, Measurement> = {
  a: { name: 'latency', cells: (plan) => latencyCells(plan.latency), run: (cluster, plan) => measureLatency(cluster, plan.latency) },
  b: { name: 'fanout', cells: (plan) => fanoutCells(plan.fanout), run: (cluster, plan) => measureFanout(cluster, plan.fanout) },
  c: { name: 'write', cells: (plan) => writePathCells(plan.writePath), run: (cluster, plan) => measureWritePath(cluster, plan.writePath) },
  d: { name: 'api', cells: () => apiCells(), run: (cluster, plan) => measureApi(cluster, plan.api) },
  e: { name: 'burst', cells: () => burstCells(), run: (cluster, plan) => measureBurst(cluster, plan.burst) },
  f: { name: 'targeted', cells: () => targetedCells(), run: (cluster, plan) => measureTargeted(cluster, plan.targeted) },
};

export const USAGE = `--only takes measurement ids or names, comma-separated: ${MEASUREMENT_IDS.map((id) => `${id} (${MEASUREMENTS[id].name})`).join(', ')}`;

/** "c,burst" → c and e, in the bench's order; throws on anything unknown. */
export function parseOnly(value: string): MeasurementId[] {
  const wanted = value.split(',').map((part) => part.trim().toLowerCase()).filter((part) => part.length > 0);
  const ids = wanted.map((part) => MEASUREMENT_IDS.find((id) => id === part || MEASUREMENTS[id].name === part));
  const unknown = wanted.filter((_, i) => ids[i] === undefined);
  if (wanted.length === 0 || unknown.length > 0) throw new Error(`${USAGE} (got "${value}").`);
  return MEASUREMENT_IDS.filter((id) => ids.includes(id));
}
