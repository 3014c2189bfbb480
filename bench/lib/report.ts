/** What each measurement hands back: a table for people, data for results.json. */
export const MEASUREMENT_IDS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type MeasurementId = (typeof MEASUREMENT_IDS)[number];

export interface Target {
  label: string;
  goal: string;
  actual: string;
  met: boolean;
}

export interface MeasurementReport {
  id: MeasurementId;
  title: string;
  /** Set when the measurement could not run here; the line says why. */
  skipped?: string;
  /** How it was measured, in a sentence or two under the table. */
  notes: string[];
  headers: string[];
  rows: string[][];
  targets: Target[];
  data: unknown;
}
