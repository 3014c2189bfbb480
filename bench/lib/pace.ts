import { nowMs, sleep } from './clock';

/**
 * Starts fn(i) on a fixed schedule, `rate` times a second, whether or not the
 * previous call finished (an open-loop load, so a slow response cannot hide
 * behind a late next request). Resolves when every call has.
 */
export async function paced(rate: number, count: number, fn: (i: number) => Promise<void>): Promise<void> {
  const interval = 1000 / rate;
  const start = nowMs();
  const calls: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    const wait = start + i * interval - nowMs();
    if (wait > 0) await sleep(wait);
    calls.push(fn(i));
  }
  await Promise.all(calls);
}
