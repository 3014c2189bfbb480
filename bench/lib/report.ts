/** What each measurement hands back: a table for people, data for results.json. */
export interface Target {
  label: string;
  goal: string;
  actual: string;
  met: boolean;
}

export interface MeasurementReport {
  id: 'a' | 'b' | 'c' | 'd';
  title: string;
  /** How it was measured, in a sentence or two under the table. */
  notes: string[];
  headers: string[];
  rows: string[][];
  targets: Target[];
  data: unknown;
}
