/**
 * Read state when writers commit out of order. Sequence numbers are handed
 * out at INSERT, not at COMMIT, so a notification can become visible after
 * a newer one. "Mark all as read" must cover exactly what the user could
 * have seen, not everything with a smaller number.
 */
import { withClient } from '@bellhop/db';
import { createTestDatabase, createUser, type TestDatabase } from '@bellhop/db/testing';
import { Client } from 'pg';
import { actAs, insertLead, lead } from './helpers';

let db: TestDatabase;
let userId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  userId = await withClient(db.url, (client) => createUser(client, 'racer@example.com'));
});
afterAll(async () => {
  await db.drop();
});

async function asUser<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  return withClient(db.url, async (client) => {
    await client.query('begin');
    try {
      await actAs(client, userId);
      const result = await fn(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  });
}

const unreadCount = (client: Client) => client.query<{ n: number }>('select app_public.get_unread_count() as n').then((r) => r.rows[0]!.n);

test('a notification that commits after mark_all_as_read, with an older seq, is still unread', async () => {
  const slow = new Client({ connectionString: db.url });
  await slow.connect();
  try {
    // The slow writer takes its seq first but commits last.
    await slow.query('begin');
    await insertLead(slow, lead('Slow', 'Writer'));
    await withClient(db.url, (fast) => insertLead(fast, lead('Fast', 'Writer')));

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
  } finally {
    await slow.end();
  }
});

test('a notification in flight while someone registers is unread for them once it commits', async () => {
  const slow = new Client({ connectionString: db.url });
  await slow.connect();
  try {
    await slow.query('begin');
    await insertLead(slow, lead('Inflight', 'Writer'));
    await withClient(db.url, (fast) => insertLead(fast, lead('Before', 'Joining')));
    const newcomer = await withClient(db.url, (client) => createUser(client, 'newcomer@example.com'));
    await slow.query('commit');

    await withClient(db.url, async (client) => {
      await client.query('begin');
      await actAs(client, newcomer);
      const { rows } = await client.query<{ message: string }>('select message from app_public.get_notifications(true)');
      expect(rows).toEqual([{ message: 'Inflight Writer added to pipeline' }]);
      expect(await unreadCount(client)).toBe(1);
      await client.query('rollback');
    });
  } finally {
    await slow.end();
  }
});

test('marking all as read again, after the late one commits, covers it', async () => {
  await asUser(async (client) => {
    await client.query('select app_public.mark_all_as_read()');
    expect(await unreadCount(client)).toBe(0);
    expect((await client.query('select id from app_public.get_notifications(true)')).rows).toEqual([]);
  });
});
