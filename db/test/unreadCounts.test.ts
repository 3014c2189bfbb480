/**
 * The chunk counts behind getUnreadCount (refresh_notification_counts and
 * count_notifications_after): whatever was counted, deleted, moved or not yet
 * reached, the answer must equal counting the rows. Rows must be committed
 * for the refresh to reach them, so these tests commit into their own
 * database instead of rolling back.
 */
import { actAs, createUser, useTestDatabase } from '@bellhop/testing/database';

const db = useTestDatabase();

beforeAll(async () => {
  // count_notifications_after answers signed-in callers only.
  await db.sql.query(`select set_config('jwt.claims.user_id', gen_random_uuid()::text, false)`);
});

async function addNotifications(count: number, txid?: string): Promise<void> {
  await db.sql.query(
    `insert into app_public.notifications (type, title, message${txid ? ', txid' : ''})
     select 'lead_created', 'T', 'M'${txid ? ', $2::xid8' : ''} from generate_series(1, $1::int)`,
    txid ? [count, txid] : [count],
  );
}

async function refresh(): Promise<void> {
  // A call stops at whole transactions and may stop just short of one: three reach everything here.
  for (let i = 0; i < 3; i += 1) await db.sql.query('select app_private.refresh_notification_counts()');
}

/** Mismatches between the chunked count and a plain count, for watermarks at chunk edges and the ends. */
async function mismatches(): Promise<string[]> {
  const { rows } = await db.sql.query<{ w: string; fast: string; slow: string }>(`
    with m as (select coalesce(max(seq), 0) as top from app_public.notifications)
    select w, app_hidden.count_notifications_after(w) as fast,
           (select count(*) from app_public.notifications where seq > w) as slow
    from m, unnest(array[0, 1, 4095, 4096, 4097, 6000, 8191, 8192, greatest(m.top - 5, 0), m.top, m.top + 10]::bigint[]) w`);
  return rows.filter((row) => row.fast !== row.slow).map((row) => `w=${row.w}: ${row.fast} instead of ${row.slow}`);
}

test('counted, not yet counted, deleted, moved and restored rows all add up', async () => {
  await addNotifications(10_000);
  expect(await mismatches()).toEqual([]);
  await refresh();
  const { rows } = await db.sql.query<{ sum: string }>('select sum(n) as sum from app_private.notification_counts');
  expect(Number(rows[0]!.sum)).toBe(10_000);
  expect(await mismatches()).toEqual([]);

  await addNotifications(3_000); // not counted yet
  expect(await mismatches()).toEqual([]);
  await db.sql.query('delete from app_public.notifications where seq % 7 = 0');
  expect(await mismatches()).toEqual([]);
  await refresh();
  expect(await mismatches()).toEqual([]);

  await addNotifications(500, '5'); // an old txid, as a restore writes it
  expect(await mismatches()).toEqual([]);
  await db.sql.query(`update app_public.notifications set txid = '7' where seq % 11 = 0 and seq > 10000`);
  await db.sql.query(`update app_public.notifications set txid = '999999999' where seq % 13 = 0`);
  await db.sql.query(`update app_public.notifications set title = 'Changed' where seq % 3 = 0`);
  expect(await mismatches()).toEqual([]);
  await refresh();
  expect(await mismatches()).toEqual([]);

  await db.sql.query('begin');
  await db.sql.query('delete from app_public.notifications where seq < 2000');
  expect(await mismatches()).toEqual([]);
  await db.sql.query('rollback');
  expect(await mismatches()).toEqual([]);

  await db.sql.query('truncate app_public.notifications cascade');
  expect(await mismatches()).toEqual([]);
  await addNotifications(5_000);
  await refresh();
  expect(await mismatches()).toEqual([]);
});

test('getUnreadCount agrees with the unread list for every read state once counts are in', async () => {
  await addNotifications(9_000);
  const users: Record<string, string> = {};
  for (const name of ['none', 'half', 'all', 'receipts']) users[name] = await createUser(db.sql, `${name}-counts@example.com`);
  await db.sql.query(
    `update app_hidden.notification_watermarks set read_up_to = 0, marked_at = '-infinity', read_in_flight = '{}' where user_id = $1`,
    [users.none],
  );
  await db.sql.query(
    `update app_hidden.notification_watermarks set read_up_to = (select max(seq) / 2 from app_public.notifications), marked_at = now() - interval '1 hour'
     where user_id = any($1)`,
    [[users.half, users.receipts]],
  );
  // Read above the watermark, unread below it, deleted, and receipts older than the watermark (ignored).
  await db.sql.query(
    `insert into app_hidden.notification_receipts (user_id, notification_id, is_read, is_deleted, read_set_at)
     select $1, n.id,
            case when n.seq % 5 = 4 then null else n.seq > w.read_up_to end,
            n.seq % 5 = 4,
            case when n.seq % 10 = 3 then now() - interval '2 hours' else now() end
     from app_hidden.notification_watermarks w, app_public.notifications n
     where w.user_id = $1 and n.seq between w.read_up_to - 300 and w.read_up_to + 300`,
    [users.receipts],
  );
  await refresh();
  await addNotifications(700); // some not yet counted
  for (const [name, id] of Object.entries(users)) {
    await db.sql.query('begin');
    await actAs(db.sql, id);
    const { rows } = await db.sql.query<{ count: number; listed: string }>(
      'select app_public.get_unread_count() as count, (select count(*) from app_public.get_notifications(true)) as listed',
    );
    await db.sql.query('rollback');
    expect({ name, count: rows[0]!.count }).toEqual({ name, count: Number(rows[0]!.listed) });
  }
});

test('refreshing while writers commit and delete never makes a reader miscount', async () => {
  const writers = await Promise.all(Array.from({ length: 4 }, () => db.pg()));
  const refresher = await db.pg();
  let writing = true;
  const failures: string[] = [];
  try {
    const write = writers.map(async (writer, i) => {
      for (let round = 0; round < 40; round += 1) {
        await writer.query('begin');
        await writer.query(`insert into app_public.notifications (type, title, message) select 'lead_created', 'T', 'M' from generate_series(1, 3)`);
        if (i === 0 && round % 5 === 0) {
          await writer.query('delete from app_public.notifications where seq in (select seq from app_public.notifications order by seq desc offset 10 limit 2)');
        }
        await writer.query('commit');
      }
    });
    const refreshing = (async () => {
      while (writing) await refresher.query('select app_private.refresh_notification_counts(50)');
    })();
    const checking = (async () => {
      while (writing) {
        await db.sql.query('begin isolation level repeatable read');
        failures.push(...(await mismatches()));
        await db.sql.query('commit');
      }
    })();
    await Promise.all(write);
    writing = false;
    await Promise.all([refreshing, checking]);
    failures.push(...(await mismatches()));
  } finally {
    writing = false;
  }
  expect(failures).toEqual([]);
});

test('after a restore into a younger cluster, rebase_restored_txids() puts restored rows behind every transaction, and counts still add up', async () => {
  await addNotifications(5_000);
  await refresh();
  // What pg_restore writes into a younger cluster: txids this one has not reached.
  const { rows: [next] } = await db.sql.query<{ xid: string }>(`select (pg_snapshot_xmax(pg_current_snapshot())::text::bigint + 1000000)::text as xid`);
  await addNotifications(4_200, next!.xid);
  // The restored counting horizon is the old cluster's, ahead of this one too; then the app writes on.
  await db.sql.query(`update app_private.notification_counts_state set horizon = $1::xid8`, [next!.xid]);
  await addNotifications(300);

  await db.sql.query('call app_private.rebase_restored_txids()');
  const { rows: ahead } = await db.sql.query(`select 1 from app_public.notifications where txid >= pg_snapshot_xmax(pg_current_snapshot())`);
  expect(ahead).toEqual([]);
  expect(await mismatches()).toEqual([]);
  for (let i = 0; i < 3; i += 1) await refresh();
  const { rows: [counted] } = await db.sql.query<{ sum: string; total: string }>(
    'select (select sum(n) from app_private.notification_counts) as sum, (select count(*) from app_public.notifications) as total',
  );
  expect(counted!.sum).toBe(counted!.total);
  expect(await mismatches()).toEqual([]);

  // On a database that was not restored that way it changes nothing.
  await db.sql.query('call app_private.rebase_restored_txids()');
  expect(await mismatches()).toEqual([]);
});
