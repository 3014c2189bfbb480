/**
 * The doorbell race. Writers skip pg_notify while every relay is draining, so
 * a relay that stops polling must still deliver writes that skipped their
 * ring. The safety sweep is pushed out to ten minutes here: anything that
 * arrives did so by the doorbell protocol, not by the sweep.
 */
import type { Client } from 'pg';
import { expectDeliveredOnce, insertLeads, sleep, useStack, waitForAll, waitUntil } from '@bellhop/testing';

jest.setTimeout(60_000);

// Busy threshold 0: every wake puts the relays in polling mode, so single writes can race it.
// Two relays, and sockets of two users on each.
const stack = useStack({ api: false, env: { RELAY_SWEEP_MS: '600000', RELAY_BUSY_PER_SECOND: '0' }, servers: 2, users: 2, sockets: true });

async function everyRelayDraining(client: Client): Promise<boolean> {
  const { rows } = await client.query<{ all: boolean }>('select count(*) = 2 and bool_and(draining) as all from app_private.relays');
  return rows[0]!.all;
}

async function anyRelayDraining(client: Client): Promise<boolean> {
  const { rows } = await client.query<{ any: boolean }>('select coalesce(bool_or(draining), false) as any from app_private.relays');
  return rows[0]!.any;
}

test('a write that skipped its ring (every relay draining) and commits after the relays went idle still arrives', async () => {
  const late = await stack.pg();
  let skipped = false;
  let lateId = '';
  for (let attempt = 0; attempt < 50 && !skipped; attempt += 1) {
    // Wake the relays with a fast write, then write while they drain.
    await insertLeads(stack.sql, 1, 'Wake');
    await late.query('begin');
    const before = await everyRelayDraining(late);
    await late.query(`insert into app_public.leads (first_name, last_name, email) values ('Late', 'Commit', 'late@example.com')`);
    const after = await everyRelayDraining(late);
    if (before && after) {
      skipped = true;
      const found = await late.query<{ id: string }>('select id from app_public.notifications where txid = pg_current_xact_id()');
      lateId = found.rows[0]!.id;
      // Stay open until both relays have stopped polling and gone to sleep.
      await waitUntil(async () => !(await anyRelayDraining(stack.sql)), () => 'the relays to stop draining');
      await sleep(300);
      await late.query('commit');
    } else {
      await late.query('rollback');
    }
  }
  expect(skipped).toBe(true);
  await waitForAll(stack.inboxes, [lateId]);
  for (const inbox of stack.inboxes) expect(inbox.count(lateId)).toBe(1);
});

test('concurrent writers, fast and slow commits and rollbacks, while the relays sleep and wake: every commit once, no rollback', async () => {
  const writers = await Promise.all(Array.from({ length: 6 }, () => stack.pg()));
  const committed: string[] = [];
  const rolledBack: string[] = [];
  let random = 42;
  const next = () => {
    random = (random * 1103515245 + 12345) % 2 ** 31;
    return random / 2 ** 31;
  };

  await Promise.all(
    writers.map(async (writer, w) => {
      for (let round = 0; round < 12; round += 1) {
        const roll = next();
        const rows = 1 + Math.floor(next() * 3);
        const hold = roll < 0.35 ? 0 : roll < 0.6 ? 300 : roll < 0.8 ? 700 : 0;
        const rollback = roll >= 0.9;
        await writer.query('begin');
        await writer.query(
          `insert into app_public.leads (first_name, last_name, email)
           select 'Writer${w}', 'Round${round}-' || i, 'w${w}-r${round}-' || i || '@example.com' from generate_series(1, ${rows}) i`,
        );
        const { rows: mine } = await writer.query<{ id: string }>('select id from app_public.notifications where txid = pg_current_xact_id()');
        if (hold) await writer.query(`select pg_sleep(${hold / 1000})`);
        if (rollback) {
          await writer.query('rollback');
          rolledBack.push(...mine.map((r) => r.id));
        } else {
          await writer.query('commit');
          committed.push(...mine.map((r) => r.id));
        }
        // Gaps long enough, now and then, for the relays to go idle in between.
        await sleep(Math.floor(next() * 500));
      }
    }),
  );

  expect(rolledBack.length).toBeGreaterThan(0);
  await expectDeliveredOnce(stack.sql, stack.inboxes, committed, { rolledBack, timeoutMs: 15_000 });
});
