/** The two kinds of chart the bench draws: latency distributions (CDFs) and grouped bars. */
import { CDF_PERCENTILES, ms } from '../lib/stats';
import { GRID, INK, MUTED, legend, line, linearTicks, logTicks, polyline, rect, svgDocument, text, tickLabel } from './svg';

const WIDTH = 760;
const HEIGHT = 440;
/** Rough width of a 12 px character, for spacing legend entries. */
const CHAR = 6.6;

interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface CdfSeries {
  label: string;
  color: string;
  /** Values at CDF_PERCENTILES, ms. */
  values: number[];
}

export interface ChartText {
  title: string;
  subtitle?: string;
}

/** The x scale of a CDF: logarithmic when the values span more than 20×, else linear from 0. */
function latencyScale(values: number[], frame: Frame): { ticks: number[]; x(value: number): number; log: boolean } {
  const max = Math.max(...values, 0.01);
  const positive = values.filter((value) => value > 0);
  const minPositive = positive.length > 0 ? Math.min(...positive) : max;
  const width = frame.right - frame.left;
  if (max / minPositive > 20) {
    const ticks = logTicks(Math.max(minPositive, 0.01), max);
    const [lo, hi] = [Math.log10(ticks[0]!), Math.log10(ticks[ticks.length - 1]!)];
    const x = (value: number) => frame.left + ((Math.log10(Math.max(value, ticks[0]!)) - lo) / (hi - lo)) * width;
    return { ticks, x, log: true };
  }
  const ticks = linearTicks(max, 6);
  const hi = ticks[ticks.length - 1]!;
  return { ticks, x: (value: number) => frame.left + (Math.max(value, 0) / hi) * width, log: false };
}

/** Share of samples at or below x, for each series: x is latency, y the percentile. */
export function cdfChart(options: ChartText & { xLabel: string; series: CdfSeries[] }): string {
  const frame: Frame = { left: 64, right: WIDTH - 24, top: options.subtitle ? 64 : 48, bottom: HEIGHT - 52 };
  const series = options.series.filter((s) => s.values.length === CDF_PERCENTILES.length);
  const scale = latencyScale(series.flatMap((s) => s.values), frame);
  const y = (percentile: number) => frame.bottom - (percentile / 100) * (frame.bottom - frame.top);
  const body: string[] = [];
  for (const tick of scale.ticks) {
    body.push(line(scale.x(tick), frame.top, scale.x(tick), frame.bottom, GRID));
    body.push(text(scale.x(tick), frame.bottom + 16, tickLabel(tick), { anchor: 'middle', fill: MUTED }));
  }
  for (const p of [0, 25, 50, 75, 100]) {
    body.push(line(frame.left, y(p), frame.right, y(p), GRID));
    body.push(text(frame.left - 6, y(p) + 4, `${p}%`, { anchor: 'end', fill: MUTED }));
  }
  body.push(line(frame.left, y(99), frame.right, y(99), MUTED, 'stroke-dasharray="4 3"'));
  body.push(text(frame.right - 4, y(99) - 3, 'p99', { anchor: 'end', size: 10, fill: MUTED }));
  body.push(line(frame.left, frame.bottom, frame.right, frame.bottom, INK), line(frame.left, frame.top, frame.left, frame.bottom, INK));
  body.push(text((frame.left + frame.right) / 2, HEIGHT - 14, `${options.xLabel}${scale.log ? ' (log scale)' : ''}`, { anchor: 'middle' }));
  body.push(text(18, (frame.top + frame.bottom) / 2, 'share of samples at or below', { anchor: 'middle', rotate: -90 }));
  for (const s of series) body.push(polyline(s.values.map((value, i) => [scale.x(value), y(CDF_PERCENTILES[i]!)]), s.color));
  // The legend goes under the chart, where it can hide no curve.
  const items = series.map((s) => ({
    label: `${s.label}: p50 ${ms(s.values[50]!)}, p99 ${ms(s.values[99]!)} ms`,
    color: s.color,
    kind: 'line' as const,
  }));
  body.push(...legend(frame.left - 8, HEIGHT - 2, items));
  if (series.length === 0) body.push(text(WIDTH / 2, HEIGHT / 2, 'no samples', { anchor: 'middle', fill: MUTED }));
  return svgDocument(WIDTH, HEIGHT + items.length * 18 + 8, options.title, options.subtitle, body);
}

export interface BarSeries {
  label: string;
  color: string;
  values: number[];
}

/** Grouped vertical bars: one group per category, one bar per series, each labelled with its value. */
export function barChart(options: ChartText & { yLabel: string; categories: string[]; series: BarSeries[]; format(value: number): string }): string {
  const legendTop = options.subtitle ? 58 : 40;
  const frame: Frame = { left: 72, right: WIDTH - 24, top: legendTop + 40, bottom: HEIGHT - 44 };
  const ticks = linearTicks(Math.max(...options.series.flatMap((s) => s.values), 1), 5);
  const hi = ticks[ticks.length - 1]!;
  const y = (value: number) => frame.bottom - (Math.max(0, value) / hi) * (frame.bottom - frame.top);
  const body: string[] = [];
  let x = frame.left;
  for (const s of options.series) {
    body.push(rect(x, legendTop + 2, 14, 12, s.color), text(x + 20, legendTop + 12, s.label));
    x += 20 + s.label.length * CHAR + 24;
  }
  for (const tick of ticks) {
    body.push(line(frame.left, y(tick), frame.right, y(tick), GRID));
    body.push(text(frame.left - 6, y(tick) + 4, tickLabel(tick), { anchor: 'end', fill: MUTED }));
  }
  const group = (frame.right - frame.left) / options.categories.length;
  const bar = Math.min(56, (group * 0.8) / options.series.length);
  options.categories.forEach((category, c) => {
    const start = frame.left + c * group + (group - bar * options.series.length) / 2;
    options.series.forEach((s, i) => {
      const value = s.values[c] ?? 0;
      body.push(rect(start + i * bar + 1, y(value), bar - 2, frame.bottom - y(value), s.color));
      body.push(text(start + i * bar + bar / 2, y(value) - 4, options.format(value), { anchor: 'middle', size: 10 }));
    });
    body.push(text(frame.left + c * group + group / 2, frame.bottom + 18, category, { anchor: 'middle' }));
  });
  body.push(line(frame.left, frame.bottom, frame.right, frame.bottom, INK), line(frame.left, frame.top, frame.left, frame.bottom, INK));
  body.push(text(18, (frame.top + frame.bottom) / 2, options.yLabel, { anchor: 'middle', rotate: -90 }));
  return svgDocument(WIDTH, HEIGHT, options.title, options.subtitle, body);
}
