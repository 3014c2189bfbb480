/** Waiting is always "until this is true, or fail after a timeout", never "sleep and hope". */
import type { Client } from 'pg';
import { insertLeads } from './data';

export const WAIT_MS = 10_000;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once check() holds; otherwise fails with what was last seen. */
export async function waitUntil(check: () => boolean | Promise<boolean>, describe: () => string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`);
    await sleep(10);
  }
}

/** Anything that counts what it received by notification id, such as a socket's Inbox. */
export interface Counts {
  count(id: string): number;
}

/** Resolves once every inbox has received every id at least once. */
export async function waitForAll(inboxes: Counts[], ids: string[], timeoutMs = WAIT_MS): Promise<void> {
  await waitUntil(
    () => inboxes.every((inbox) => ids.every((id) => inbox.count(id) > 0)),
    () => {
      const missing = inboxes.map((inbox) => ids.filter((id) => inbox.count(id) === 0).length);
      return `${ids.length} notifications on ${inboxes.length} sockets (missing per socket: ${missing.join(',')})`;
    },
    timeoutMs,
  );
}

/**
 * A last write as a barrier: events reach a socket in commit order, so once
 * this one has reached every inbox, anything stray from before would have
 * come first. Returns the barrier's notification ids.
 */
export async function waitForBarrier(client: Client, inboxes: Counts[], timeoutMs = WAIT_MS): Promise<string[]> {
  const ids = await insertLeads(client, 1, 'Barrier');
  await waitForAll(inboxes, ids, timeoutMs);
  return ids;
}
