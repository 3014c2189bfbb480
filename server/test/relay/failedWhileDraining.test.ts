/**
 * A read that fails while the relay is registered as draining (writers skip
 * their ring) must not leave that flag behind: the retry settles it, so the
 * next write rings and is delivered without any safety sweep.
 */
import { insertLeads, sleep, useStack, waitForAll, waitForBarrier, waitUntil } from '@bellhop/testing';

jest.setTimeout(60_000);

// Polling slowly enough to break a read mid-drain, and no sweep to paper over a lost ring.
const stack = useStack({ env: { RELAY_SWEEP_MS: '600000', RELAY_BUSY_PER_SECOND: '100', RELAY_POLL_MS: '100' }, users: 1, sockets: true });

async function draining(): Promise<boolean> {
  const { rows } = await stack.sql.query<{ draining: boolean }>('select bool_or(draining) as draining from app_private.relays');
  return rows[0]?.draining ?? false;
}

test('a read that fails while draining is retried, and the draining flag is cleared afterwards', async () => {
  // A burst above RELAY_BUSY_PER_SECOND: the relay announces it is draining and polls.
  const burst = await insertLeads(stack.sql, 200, 'Burst');
  await waitForAll(stack.inboxes, burst);
  await waitUntil(draining, () => 'the relay to register as draining');
  // The next poll fails: its read needs user_events.
  await stack.sql.query('alter table app_private.user_events rename to user_events_away');
  await sleep(400);
  await stack.sql.query('alter table app_private.user_events_away rename to user_events');

  await waitUntil(async () => !(await draining()), () => 'the draining flag to be cleared after the failed read');
  await waitForBarrier(stack.sql, stack.inboxes);
  expect(stack.inboxes[0]!.duplicates()).toEqual([]);
});
