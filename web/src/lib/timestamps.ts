/**
 * Orders two PostgreSQL ISO timestamps exactly, microseconds included, which
 * Date.parse alone cannot; `all_read` events mark everything up to a timestamp.
 */
export function compareTimestamps(a: string, b: string): number {
  const byMs = Date.parse(a) - Date.parse(b);
  if (byMs !== 0 || Number.isNaN(byMs)) return Number.isNaN(byMs) ? 0 : Math.sign(byMs);
  return Math.sign(subMillisecond(a) - subMillisecond(b));
}

function subMillisecond(iso: string): number {
  const fraction = /\.(\d+)/.exec(iso)?.[1] ?? '';
  return Number(fraction.padEnd(9, '0').slice(3, 9));
}
