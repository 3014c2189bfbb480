/**
 * Just enough SVG for the bench's charts, written by hand: a white page
 * (GitHub shows SVGs on its own background), dark text, and a few shapes.
 */

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif";
export const INK = '#24292f';
export const MUTED = '#57606a';
export const GRID = '#d0d7de';

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const COLORS = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  orange: '#E69F00',
  purple: '#CC79A7',
  sky: '#56B4E9',
  grey: '#6e7781',
  black: '#000000',
} as const;

export function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const n = (value: number) => String(Math.round(value * 10) / 10);

export interface TextStyle {
  anchor?: 'start' | 'middle' | 'end';
  size?: number;
  weight?: 'normal' | 'bold';
  fill?: string;
  /** Degrees, around (x, y). */
  rotate?: number;
}

export function text(x: number, y: number, content: string, style: TextStyle = {}): string {
  const rotate = style.rotate ? ` transform="rotate(${style.rotate} ${n(x)} ${n(y)})"` : '';
  return (
    `<text x="${n(x)}" y="${n(y)}" text-anchor="${style.anchor ?? 'start'}" font-size="${style.size ?? 12}"` +
    `${style.weight === 'bold' ? ' font-weight="bold"' : ''} fill="${style.fill ?? INK}"${rotate}>${esc(content)}</text>`
  );
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, extra = ''): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}"${extra ? ` ${extra}` : ''}/>`;
}

export function rect(x: number, y: number, width: number, height: number, fill: string, extra = ''): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
}

export function polyline(points: Array<[number, number]>, stroke: string, width = 2): string {
  const list = points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
  return `<polyline points="${list}" fill="none" stroke="${stroke}" stroke-width="${width}" stroke-linejoin="round"/>`;
}

/** A whole document: white background, a title and an optional subtitle at the top. */
export function svgDocument(width: number, height: number, title: string, subtitle: string | undefined, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(FONT)}" role="img">`,
    `<title>${esc(title)}</title>`,
    rect(0, 0, width, height, '#ffffff'),
    text(16, 26, title, { size: 16, weight: 'bold' }),
    ...(subtitle ? [text(16, 46, subtitle, { size: 12, fill: MUTED })] : []),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

export interface LegendItem {
  label: string;
  color: string;
  kind: 'line' | 'box';
}

/** A vertical legend, one entry a line, its top-left corner at (x, y). */
export function legend(x: number, y: number, items: LegendItem[]): string[] {
  const rowHeight = 18;
  const out: string[] = [];
  items.forEach((item, i) => {
    const cy = y + 14 + i * rowHeight;
    out.push(
      item.kind === 'line'
        ? line(x + 8, cy - 4, x + 30, cy - 4, item.color, 'stroke-width="3"')
        : rect(x + 10, cy - 10, 14, 12, item.color),
      text(x + 38, cy, item.label, { size: 12 }),
    );
  });
  return out;
}

/** Round tick values from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten. */
export function linearTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw)!;
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) ticks.push(Math.round(value / power) * power);
  return ticks;
}

/** 1–2–5 ticks covering [lo, hi] on a log scale, one below lo and one above hi. */
export function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(lo)) - 1; power <= Math.ceil(Math.log10(hi)) + 1; power += 1) {
    for (const m of [1, 2, 5]) ticks.push(m * 10 ** power);
  }
  const below = ticks.filter((tick) => tick <= lo).pop() ?? ticks[0]!;
  const above = ticks.find((tick) => tick >= hi) ?? ticks[ticks.length - 1]!;
  return ticks.filter((tick) => tick >= below && tick <= above).map((tick) => Number(tick.toPrecision(2)));
}

/** A tick label: 0.5, 2, 10, 1k, 20k. */
export function tickLabel(value: number): string {
  if (value >= 10_000) return `${Number((value / 1000).toPrecision(3))}k`;
  if (value >= 1) return String(Number(value.toPrecision(4)));
  return String(Number(value.toPrecision(2)));
}
