/**
 * From bench/results.json to docs/performance.md and the SVG charts under
 * docs/performance/. Runs at the end of `npm run bench`, and alone as
 * `npm run bench:report`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Machine } from '../lib/machine';
import type { MeasurementReport } from '../lib/report';
import type { Plan } from '../plan';
import { figuresFor } from './figures';
import { performanceMarkdown } from './markdown';

export interface Results {
  machine: Machine;
  plan: Plan;
  reports: MeasurementReport[];
}

const ROOT = path.join(__dirname, '..', '..');
export const RESULTS_FILE = path.join(ROOT, 'bench', 'results.json');
const DOCS = path.join(ROOT, 'docs');
const CHARTS = path.join(DOCS, 'performance');
const MARKDOWN = path.join(DOCS, 'performance.md');

/** Writes the page and its charts; returns the files written, relative to the repository. */
export function writeReport(results: Results): string[] {
  const figures = figuresFor(results.reports);
  fs.mkdirSync(CHARTS, { recursive: true });
  // The folder holds only what the last run drew.
  const keep = new Set(figures.map((figure) => figure.file));
  for (const file of fs.readdirSync(CHARTS)) {
    if (file.endsWith('.svg') && !keep.has(file)) fs.rmSync(path.join(CHARTS, file));
  }
  const written: string[] = [];
  for (const figure of figures) {
    fs.writeFileSync(path.join(CHARTS, figure.file), figure.svg);
    written.push(path.join(CHARTS, figure.file));
  }
  fs.writeFileSync(MARKDOWN, performanceMarkdown(results, figures, path.relative(DOCS, CHARTS)));
  written.unshift(MARKDOWN);
  return written.map((file) => path.relative(ROOT, file));
}

export function readResults(file = RESULTS_FILE): Results {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
}
