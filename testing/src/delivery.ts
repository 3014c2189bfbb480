/** What "delivered exactly once" means for a set of sockets, checked the same way everywhere. */
import type { Client } from 'pg';
import type { Inbox } from './sockets';
import { WAIT_MS, waitForAll, waitForBarrier } from './wait';

/**
 * Waits until every inbox has every committed id, then for a barrier write;
 * then each inbox must hold each committed id exactly once, nothing twice,
 * and none of the rolled-back ones.
 */
export async function expectDeliveredOnce(
  client: Client,
  inboxes: Inbox[],
  committed: string[],
  { rolledBack = [], timeoutMs = WAIT_MS }: { rolledBack?: string[]; timeoutMs?: number } = {},
): Promise<void> {
  await waitForAll(inboxes, committed, timeoutMs);
  await waitForBarrier(client, inboxes, timeoutMs);
  for (const inbox of inboxes) {
    expect(inbox.duplicates()).toEqual([]);
    expect(rolledBack.filter((id) => inbox.count(id) > 0)).toEqual([]);
    expect(committed.filter((id) => inbox.count(id) !== 1)).toEqual([]);
  }
}
