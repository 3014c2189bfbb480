/**
 * Retention: app_private.delete_old_notifications (one batch per call) and
 * app_private.purge_old_notifications (the whole job, committing per batch).
 */
import { createUsers, insertLeads, useTestDatabase, withRootDb, withUserDb } from '@bellhop/testing';

const db = useTestDatabase();

/** Inserts notifications, then dates the first `old` of them `age` back. */
async function notifications(total: number, old: number, age = '100 days'): Promise<{ oldIds: string[]; newIds: string[] }> {
  const ids = await insertLeads(db.sql, total, 'Retention');
  const oldIds = ids.slice(0, old);
  await db.sql.query(`update app_public.notifications set created_at = now() - $2::interval where id = any($1::uuid[])`, [oldIds, age]);
  return { oldIds, newIds: ids.slice(old) };
}

async function existing(ids: string[]): Promise<string[]> {
  const { rows } = await db.sql.query<{ id: string }>('select id from app_public.notifications where id = any($1::uuid[]) order by seq', [ids]);
  return rows.map((row) => row.id);
}

test('deletes old notifications one batch per call, oldest first, with their receipts, and keeps the rest', async () => {
  const { oldIds, newIds } = await notifications(25, 20);
  const [userId] = (await createUsers(db.sql, 1)) as [string];
  await db.sql.query(
    `insert into app_hidden.notification_receipts (user_id, notification_id, is_read) values ($1, $2, true), ($1, $3, true)`,
    [userId, oldIds[0], newIds[0]],
  );

  const batches: number[] = [];
  for (;;) {
    const { rows } = await db.sql.query<{ deleted: number }>(`select app_private.delete_old_notifications('90 days', 7) as deleted`);
    batches.push(rows[0]!.deleted);
    if (rows[0]!.deleted === 0) break;
  }
  expect(batches).toEqual([7, 7, 6, 0]);
  expect(await existing([...oldIds, ...newIds])).toEqual(newIds);
  const { rows: receipts } = await db.sql.query<{ notification_id: string }>(
    'select notification_id from app_hidden.notification_receipts where user_id = $1',
    [userId],
  );
  expect(receipts.map((r) => r.notification_id)).toEqual([newIds[0]]);
});

test('CALL purge_old_notifications runs the whole job, committing per batch, and reports the total', async () => {
  // Newer rows ahead of the old ones in seq order: age decides, not position.
  const ahead = await insertLeads(db.sql, 2, 'Newer');
  const { oldIds, newIds } = await notifications(12, 10, '40 days');
  const { rows } = await db.sql.query<{ deleted: string }>(`call app_private.purge_old_notifications('30 days', 3)`);
  expect(rows[0]).toEqual({ deleted: '10' });
  expect(await existing([...ahead, ...oldIds, ...newIds])).toEqual([...ahead, ...newIds]);
  // Nothing old left: a second run is a no-op.
  const again = await db.sql.query<{ deleted: string }>(`call app_private.purge_old_notifications('30 days')`);
  expect(again.rows[0]).toEqual({ deleted: '0' });
});

test('notifications younger than the cutoff are kept', async () => {
  const { oldIds, newIds } = await notifications(3, 3, '10 days');
  const { rows } = await db.sql.query<{ deleted: number }>(`select app_private.delete_old_notifications('30 days') as deleted`);
  expect(rows[0]).toEqual({ deleted: 0 });
  expect(await existing([...oldIds, ...newIds])).toEqual(oldIds);
});

test.each([
  ["'0 seconds'", /older_than must be at least 1 hour/],
  ["'-90 days'", /older_than must be at least 1 hour/],
  ['null', /older_than must be at least 1 hour/],
])('refuses older_than = %s instead of deleting everything', async (value, message) => {
  await withRootDb(db.url, async (client) => {
    await expect(client.query(`select app_private.delete_old_notifications(${value}::interval)`)).rejects.toThrow(message);
  });
});

test('the API role cannot run it', async () => {
  await withUserDb(db.url, null, async (client) => {
    await expect(client.query(`select app_private.delete_old_notifications('90 days')`)).rejects.toThrow(/permission denied/);
  });
});
