/** Which charts a run gets, drawn from the data each measurement left in results.json. */
import type { BurstData } from '../burst';
import type { MeasurementId, MeasurementReport } from '../lib/report';
import type { TargetedData } from '../targeted';
import type { WritePathData } from '../writePath/report';
import { barChart, cdfChart } from './charts';
import { COLORS } from './svg';

export interface Figure {
  measurement: MeasurementId;
  /** File name under docs/performance/. */
  file: string;
  /** Alt text and caption. */
  caption: string;
  svg: string;
}

interface LatencyCell {
  sockets: number;
  rate: number;
  cdf?: { bellhop: number[]; raw: number[] };
}

function latencyFigures(cells: LatencyCell[]): Figure[] {
  return cells
    .filter((cell) => cell.cdf)
    .map((cell) => {
      const caption = `a. INSERT → last of ${cell.sockets} sockets at ${cell.rate} inserts/s: latency distribution, Bellhop and raw`;
      return {
        measurement: 'a',
        file: `a-latency-${cell.sockets}-sockets-${cell.rate}-per-s.svg`,
        caption,
        svg: cdfChart({
          title: `a. INSERT → last of ${cell.sockets} sockets, ${cell.rate} inserts/s`,
          subtitle: 'Share of inserts delivered to every socket within x ms; further left is faster.',
          xLabel: 'ms from just before the INSERT until the last socket has the event',
          series: [
            { label: 'Bellhop', color: COLORS.blue, values: cell.cdf!.bellhop },
            { label: 'raw pg_notify → io.emit', color: COLORS.orange, values: cell.cdf!.raw },
          ],
        }),
      };
    });
}

const WRITE_COLUMNS = [
  { key: 'none', label: 'no trigger', color: COLORS.grey },
  { key: 'floor', label: 'floor (one bare row)', color: COLORS.green },
  { key: 'bellhop', label: 'Bellhop', color: COLORS.blue },
  { key: 'naive', label: 'naive (pg_notify per row)', color: COLORS.vermillion },
] as const;

const LAG_COLORS: string[] = [COLORS.sky, COLORS.blue, COLORS.purple, COLORS.black, COLORS.orange];

function writePathFigures(data: WritePathData): Figure[] {
  const categories = data.rows.map((row) => `${row.writers} writer${row.writers === 1 ? '' : 's'}`);
  const throughput: Figure = {
    measurement: 'c',
    file: 'c-throughput.svg',
    caption: 'c. INSERTs/s into app_public.leads per writer count: no trigger, floor, Bellhop, naive',
    svg: barChart({
      title: 'c. Write path: committed INSERTs/s into app_public.leads',
      subtitle: 'Same table, same run, interleaved; higher is better.',
      yLabel: 'INSERTs per second',
      categories,
      series: WRITE_COLUMNS.map((column) => ({ label: column.label, color: column.color, values: data.rows.map((row) => row.tps[column.key] ?? 0) })),
      format: (value) => String(Math.round(value)),
    }),
  };
  const lagSeries = data.rows
    .filter((row) => row.lagCdf)
    .map((row, i) => ({ label: categories[i]!, color: LAG_COLORS[i % LAG_COLORS.length]!, values: row.lagCdf }));
  if (data.idle.cdf) lagSeries.push({ label: 'idle (one at a time)', color: COLORS.green, values: data.idle.cdf });
  const lag: Figure = {
    measurement: 'c',
    file: 'c-lag-cdf.svg',
    caption: "c. Bellhop's delivery lag under write load, per writer count, and idle",
    svg: cdfChart({
      title: 'c. Delivery lag under write load (Bellhop)',
      subtitle: 'Commit acknowledged to the writer → the watching socket has the event.',
      xLabel: 'lag, ms',
      series: lagSeries,
    }),
  };
  return [throughput, lag];
}

function burstFigure(data: BurstData): Figure {
  return {
    measurement: 'e',
    file: 'e-burst.svg',
    caption: `e. A ${data.rows}-row INSERT with ${data.sockets} sockets: when each row reached the first and the last socket`,
    svg: cdfChart({
      title: `e. Burst: one ${data.rows.toLocaleString('en-US')}-row INSERT, ${data.sockets} sockets`,
      subtitle: 'Share of the rows that had reached the first / every socket x ms after the commit.',
      xLabel: 'ms after the commit',
      series: [
        { label: 'first socket', color: COLORS.sky, values: data.first.cdf },
        { label: 'every socket', color: COLORS.blue, values: data.last.cdf },
      ],
    }),
  };
}

function targetedFigure(data: TargetedData): Figure {
  return {
    measurement: 'f',
    file: 'f-targeted.svg',
    caption: 'f. A comment → the last of its 5 recipients: latency distribution',
    svg: cdfChart({
      title: 'f. Targeted delivery: a comment to its 5 recipients',
      subtitle: 'Share of comments that every recipient had within x ms.',
      xLabel: 'ms from just before the INSERT until the last recipient has it',
      series: [{ label: 'Bellhop', color: COLORS.blue, values: data.latency.cdf }],
    }),
  };
}

export function figuresFor(reports: MeasurementReport[]): Figure[] {
  const figures: Figure[] = [];
  for (const report of reports) {
    if (report.skipped) continue;
    if (report.id === 'a') figures.push(...latencyFigures(report.data as LatencyCell[]));
    if (report.id === 'c') figures.push(...writePathFigures(report.data as WritePathData));
    if (report.id === 'e') figures.push(burstFigure(report.data as BurstData));
    if (report.id === 'f') figures.push(targetedFigure(report.data as TargetedData));
  }
  return figures;
}
