/**
 * The busy threshold: at light traffic every write rings, above
 * RELAY_BUSY_PER_SECOND the relays poll and writers skip their ring. Writers
 * that switch between bursts and trickles, with transactions held open
 * across the switches, must still reach every socket exactly once. The
 * safety sweep is pushed out of reach, so only the doorbell protocol counts.
 */
import { expectDeliveredOnce, insertLeads, sleep, useStack } from '@bellhop/testing';

jest.setTimeout(90_000);

// Two relays, one user with a socket on each.
const stack = useStack({ api: false, env: { RELAY_SWEEP_MS: '600000', RELAY_BUSY_PER_SECOND: '100' }, servers: 2, users: 1, sockets: true });

test('bursts and trickles, with transactions open across the switch: every commit once, no rollback', async () => {
  const writers = await Promise.all(Array.from({ length: 5 }, () => stack.pg()));
  const committed: string[] = [];
  const rolledBack: string[] = [];
  const states = new Set<boolean>();
  let watching = true;
  const watch = (async () => {
    const watcher = await stack.pg();
    while (watching) {
      const { rows } = await watcher.query<{ draining: boolean }>('select coalesce(bool_or(draining), false) as draining from app_private.relays');
      states.add(rows[0]!.draining);
      await sleep(5);
    }
  })();

  await Promise.all(
    writers.map(async (writer, w) => {
      for (let round = 0; round < 6; round += 1) {
        if ((round + w) % 2 === 0) {
          // A burst: well above the threshold, so the relays start polling.
          for (let i = 0; i < 60; i += 1) committed.push(...(await insertLeads(writer, 1, `Burst${w}-${round}`)));
        } else {
          // Held open while the relays may switch between ringing and polling.
          await writer.query('begin');
          await writer.query(
            `insert into app_public.leads (first_name, last_name, email) values ('Slow${w}', 'Round${round}', 'slow-${w}-${round}@example.com')`,
          );
          const { rows } = await writer.query<{ id: string }>('select id from app_public.notifications where txid = pg_current_xact_id()');
          await writer.query(`select pg_sleep(${(100 + 150 * w) / 1000})`);
          if (round === 3 && w === 0) {
            await writer.query('rollback');
            rolledBack.push(...rows.map((r) => r.id));
          } else {
            await writer.query('commit');
            committed.push(...rows.map((r) => r.id));
          }
          // A trickle: single writes far apart, below the threshold.
          for (let i = 0; i < 3; i += 1) {
            await sleep(120);
            committed.push(...(await insertLeads(writer, 1, `Trickle${w}-${round}`)));
          }
        }
      }
    }),
  );
  watching = false;
  await watch;

  expect([...states].sort()).toEqual([false, true]);
  await expectDeliveredOnce(stack.sql, stack.inboxes, committed, { rolledBack, timeoutMs: 20_000 });
});
