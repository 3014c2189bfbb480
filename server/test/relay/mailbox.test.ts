/**
 * The Mailbox cursor straight against PostgreSQL, no server: commit order is
 * not xid order, rolled-back rows never show, a read cut short by its limit
 * goes on where it stopped, a transaction left open stalls nothing, and a
 * failed read loses nothing.
 */
import type { Client } from 'pg';
import { createUsers, insertLeads, useTestDatabase } from '@bellhop/testing';
import { Mailbox, type Query } from '../../src/relay/mailbox';

jest.setTimeout(60_000);

const db = useTestDatabase();
let reader: Client;
let writers: Client[];

beforeAll(async () => {
  reader = await db.pg();
  writers = await Promise.all(Array.from({ length: 6 }, () => db.pg()));
});

const queryOn = (client: Client): Query => async (text, values) => (await client.query(text, values)).rows;

/** A mailbox that has handed out everything from before the test. */
async function startedMailbox(): Promise<Mailbox> {
  const mailbox = new Mailbox();
  await drainAll(mailbox);
  return mailbox;
}

/** Reads until nothing more is waiting; returns every notification id handed out. */
async function drainAll(mailbox: Mailbox, query = queryOn(reader), limit?: number): Promise<string[]> {
  const ids: string[] = [];
  for (let reads = 0; reads < 100; reads += 1) {
    const result = await mailbox.drain(query, limit);
    ids.push(...result.notifications.map((n) => n.id));
    if (!result.more) return ids;
  }
  throw new Error('the mailbox kept saying "more" after 100 reads');
}

async function xid(client: Client): Promise<bigint> {
  const { rows } = await client.query<{ xid: string }>('select pg_current_xact_id()::text as xid');
  return BigInt(rows[0]!.xid);
}

test('a transaction that takes its xid first but commits last is not lost, and nothing comes twice', async () => {
  const mailbox = await startedMailbox();
  const [early, late] = writers as [Client, Client];

  await early.query('begin');
  const earlyXid = await xid(early);
  await early.query(`insert into app_public.leads (first_name, last_name, email) values ('Early', 'Xid', 'early@example.com')`);
  const lateIds = await insertLeads(late, 1, 'Late'); // a younger xid, committed first
  await late.query('select 1');

  const first = await drainAll(mailbox);
  expect(first).toEqual(lateIds);
  // The horizon must not pass the open transaction.
  expect(mailbox.horizon! <= earlyXid).toBe(true);
  expect(mailbox.pending).toBeGreaterThan(0);

  await early.query('commit');
  const { rows } = await reader.query<{ id: string }>(`select id from app_public.notifications where message like 'Early Xid%'`);
  const second = await drainAll(mailbox);
  expect(second).toEqual(rows.map((r) => r.id));

  // Everything is now below the horizon: nothing is re-sent, nothing is remembered.
  await insertLeads(late, 1, 'Flush');
  const third = await drainAll(mailbox);
  expect(third).toHaveLength(1);
  expect(await drainAll(mailbox)).toEqual([]);
});

test('rolled-back notifications are never handed out', async () => {
  const mailbox = await startedMailbox();
  const [writer] = writers as [Client];
  await writer.query('begin');
  await writer.query(`insert into app_public.leads (first_name, last_name, email) values ('Rolled', 'Back', 'rb@example.com')`);
  expect(await drainAll(mailbox)).toEqual([]);
  await writer.query('rollback');
  const kept = await insertLeads(writer, 2, 'Kept');
  expect(await drainAll(mailbox)).toEqual(kept);
});

test('interleaved writers committing out of order: every committed notification once, none rolled back', async () => {
  const mailbox = await startedMailbox();
  const committed = new Set<string>();
  const handedOut: string[] = [];
  let writing = true;

  const reading = (async () => {
    while (writing) {
      const result = await mailbox.drain(queryOn(reader));
      handedOut.push(...result.notifications.map((n) => n.id));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();

  await Promise.all(
    writers.map(async (writer, w) => {
      for (let round = 0; round < 12; round += 1) {
        await writer.query('begin');
        // Take an xid now, then hold it while younger transactions commit.
        await writer.query('select pg_current_xact_id()');
        await writer.query(`select pg_sleep(${((w * 7 + round * 3) % 5) * 0.01})`);
        const rows = Math.floor(Math.random() * 3) + 1;
        await writer.query(
          `insert into app_public.leads (first_name, last_name, email)
           select 'W${w}', 'R${round}-' || i, 'w${w}r${round}i' || i || '@example.com' from generate_series(1, ${rows}) i`,
        );
        const { rows: mine } = await writer.query<{ id: string }>('select id from app_public.notifications where txid = pg_current_xact_id()');
        await writer.query(`select pg_sleep(${((w + round) % 4) * 0.02})`);
        if ((w + round) % 5 === 0) {
          await writer.query('rollback');
        } else {
          await writer.query('commit');
          for (const row of mine) committed.add(row.id);
        }
      }
    }),
  );
  writing = false;
  await reading;
  handedOut.push(...(await drainAll(mailbox)));

  expect(handedOut).toHaveLength(committed.size);
  expect(new Set(handedOut)).toEqual(committed);
});

test('reads cut short by their limit go on where they stopped, even inside one transaction', async () => {
  const mailbox = await startedMailbox();
  const ids = [...(await insertLeads(writers[0]!, 250, 'Bulk')), ...(await insertLeads(writers[1]!, 30, 'Small'))];
  const reads: number[] = [];
  const handedOut: string[] = [];
  for (let i = 0; i < 20; i += 1) {
    const result = await mailbox.drain(queryOn(reader), 100);
    reads.push(result.notifications.length);
    handedOut.push(...result.notifications.map((n) => n.id));
    if (!result.more) break;
  }
  expect(handedOut.length).toBe(ids.length);
  expect(handedOut).toEqual(ids);
  expect(reads).toEqual([100, 100, 80]);
});

test('user events beyond the read limit in one transaction arrive whole, once', async () => {
  const mailbox = await startedMailbox();
  const [userId] = (await createUsers(writers[1]!, 1)) as [string];
  await mailbox.drain(queryOn(reader));
  await writers[1]!.query(
    `insert into app_private.user_events (user_id, kind, notification_ids) select $1, 'read', array[gen_random_uuid()] from generate_series(1, 130)`,
    [userId],
  );
  const ids: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    const result = await mailbox.drain(queryOn(reader), 50);
    ids.push(...result.userEvents.flatMap((e) => e.notification_ids));
    if (!result.more) break;
  }
  expect(ids).toHaveLength(130);
  expect(new Set(ids).size).toBe(130);
});

test('a transaction left open stalls nothing: later commits beyond the read limit all arrive, and nothing is re-read', async () => {
  const mailbox = await startedMailbox();
  const [idle, busy] = writers as [Client, Client];
  await idle.query('begin');
  await idle.query(`insert into app_public.leads (first_name, last_name, email) values ('Idle', 'Open', 'idle@example.com')`);
  let rowsFromServer = 0;
  const counting: Query = async <T extends object>(text: string, values?: unknown[]) => {
    const rows = await queryOn(reader)<T>(text, values);
    rowsFromServer += rows.length;
    return rows;
  };
  try {
    const ids: string[] = [];
    for (let batch = 0; batch < 5; batch += 1) ids.push(...(await insertLeads(busy, 60, `Busy${batch}`)));
    // A small limit, so the open transaction's horizon sits far below the limit's reach.
    expect(await drainAll(mailbox, counting, 50)).toEqual(ids);
    expect(mailbox.horizon! <= BigInt((await idle.query<{ x: string }>('select pg_current_xact_id()::text as x')).rows[0]!.x)).toBe(true);

    // Idle reads cost one row (the snapshot), not a re-read of everything above the horizon.
    rowsFromServer = 0;
    expect(await drainAll(mailbox, counting, 50)).toEqual([]);
    expect(rowsFromServer).toBe(1);
  } finally {
    await idle.query('commit');
  }
  const { rows } = await reader.query<{ id: string }>(`select id from app_public.notifications where message = 'Idle Open added to pipeline'`);
  expect(await drainAll(mailbox)).toEqual([rows[0]!.id]);
});

test('a read that fails after the database did the work loses nothing', async () => {
  const mailbox = await startedMailbox();
  const ids = await insertLeads(writers[2]!, 3, 'Lost');
  const failing: Query = async (text, values) => {
    await reader.query(text, values);
    throw new Error('Connection terminated unexpectedly');
  };
  await expect(mailbox.drain(failing)).rejects.toThrow('Connection terminated');
  expect(await drainAll(mailbox)).toEqual(ids);
});

test('a connection killed in the middle of a read loses nothing', async () => {
  const mailbox = await startedMailbox();
  const victim = await db.pg();
  const { rows } = await victim.query<{ pid: number }>('select pg_backend_pid() as pid');
  victim.on('error', () => undefined);
  const ids = await insertLeads(writers[3]!, 4, 'Killed');
  // The read waits a moment on the server first, so the kill lands mid-query.
  const slow: Query = async (text, values) =>
    (await victim.query(`with pause as materialized (select pg_sleep(2)) select d.* from (${text}) d where exists (select 1 from pause)`, values)).rows;
  const outcome = mailbox.drain(slow).then(() => 'read completed', (error: Error) => error.message);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await reader.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
  expect(await outcome).toMatch(/terminat/);
  expect(await drainAll(mailbox)).toEqual(ids);
});

test('rows restored from another cluster (txids ahead of this one) are not replayed, and new rows still come', async () => {
  const mailbox = await startedMailbox();
  const [writer] = writers as [Client];
  // What pg_restore into a younger cluster writes: txids this cluster has not reached.
  await writer.query(
    `insert into app_public.notifications (type, title, message, txid)
     select 'lead_created', 'Restored', 'From the old cluster', (pg_snapshot_xmax(pg_current_snapshot())::text::bigint + 1000000 + g)::text::xid8
     from generate_series(1, 3) g`,
  );
  const fresh = await insertLeads(writer, 2);
  expect((await drainAll(mailbox)).sort()).toEqual([...fresh].sort());
  const later = await insertLeads(writer, 1);
  expect(await drainAll(mailbox)).toEqual(later);
});
