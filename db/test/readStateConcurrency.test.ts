/**
 * Read state when writers commit out of order. Sequence numbers are handed
 * out at INSERT, not at COMMIT, so a notification can become visible after
 * a newer one. "Mark all as read" must cover exactly what the user could
 * have seen, not everything with a smaller number.
 */
import { withClient } from '@bellhop/db';
import { insertLead, lead } from '@bellhop/testing/data';
import { commitAs, createUser, useTestDatabase, withUserDb } from '@bellhop/testing/database';
import type { Client } from 'pg';

const db = useTestDatabase();
let userId: string;
beforeAll(async () => {
  userId = await createUser(db.sql, 'racer@example.com');
});

async function asUser<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  return withClient(db.url, (client) => commitAs(client, userId, fn));
}

const unreadCount = (client: Client) => client.query<{ n: number }>('select app_public.get_unread_count() as n').then((r) => r.rows[0]!.n);

/** A writer that takes its seq now, in an open transaction, and commits when told: a slow writer. */
async function slowWriter(name: string): Promise<Client> {
  const slow = await db.pg();
  await slow.query('begin');
  await insertLead(slow, lead(name, 'Writer'));
  return slow;
}

test('a notification that commits after mark_all_as_read, with an older seq, is still unread', async () => {
  // The slow writer takes its seq first but commits last.
  const slow = await slowWriter('Slow');
  await insertLead(db.sql, lead('Fast', 'Writer'));

  await asUser(async (client) => {
    expect(await unreadCount(client)).toBe(1);
    await client.query('select app_public.mark_all_as_read()');
    expect(await unreadCount(client)).toBe(0);
  });

  await slow.query('commit');

  await asUser(async (client) => {
    const { rows } = await client.query<{ message: string; is_read: boolean }>(
      'select n.message, app_public.notifications_is_read(n) as is_read from app_public.get_notifications() n',
    );
    expect(rows).toEqual([
      { message: 'Fast Writer added to pipeline', is_read: true },
      { message: 'Slow Writer added to pipeline', is_read: false },
    ]);
    expect(await unreadCount(client)).toBe(1);
    expect((await client.query('select id from app_public.get_notifications(true)')).rows).toHaveLength(1);
  });
});

test('a notification in flight while someone registers is unread for them once it commits', async () => {
  const slow = await slowWriter('Inflight');
  await insertLead(db.sql, lead('Before', 'Joining'));
  const newcomer = await createUser(db.sql, 'newcomer@example.com');
  await slow.query('commit');

  await withUserDb(db.url, newcomer, async (client) => {
    const { rows } = await client.query<{ message: string }>('select message from app_public.get_notifications(true)');
    expect(rows).toEqual([{ message: 'Inflight Writer added to pipeline' }]);
    expect(await unreadCount(client)).toBe(1);
  });
});

test('marking all as read again, after the late one commits, covers it', async () => {
  await asUser(async (client) => {
    await client.query('select app_public.mark_all_as_read()');
    expect(await unreadCount(client)).toBe(0);
    expect((await client.query('select id from app_public.get_notifications(true)')).rows).toEqual([]);
  });
});
