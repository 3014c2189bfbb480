/**
 * Read-state semantics (watermark + receipts) through the SQL functions the
 * API calls. Each test works inside its own rolled-back transaction.
 */
import { actAs, createUser, useTestDatabase, withRootDb } from '@bellhop/testing/database';
import { addNotifications, call, unreadCount, visible } from '@bellhop/testing/readState';

const db = useTestDatabase();

test('a new user starts with the existing history read, and sees what comes after as unread', async () => {
  await withRootDb(db.url, async (client) => {
    await addNotifications(client, null, 3);
    const userId = await createUser(client, 'newcomer@example.com');
    const { rows } = await client.query<{ read_up_to: string; max: string }>(
      `select w.read_up_to, (select max(seq) from app_public.notifications) as max
       from app_hidden.notification_watermarks w where w.user_id = $1`,
      [userId],
    );
    expect(rows[0]!.read_up_to).toBe(rows[0]!.max);

    await actAs(client, userId);
    expect(await unreadCount(client)).toBe(0);
    const history = await visible(client);
    expect(history).toHaveLength(3);
    expect(history.every((n) => n.is_read)).toBe(true);

    const [fresh] = await addNotifications(client, userId, 1);
    expect(await unreadCount(client)).toBe(1);
    expect(await visible(client, true)).toEqual([{ id: fresh, is_read: false }]);
  });
});

test('mark_as_read marks one notification read, once', async () => {
  await withRootDb(db.url, async (client) => {
    const userId = await createUser(client, 'reader@example.com');
    const [a, b] = await addNotifications(client, userId, 2);
    expect(await unreadCount(client)).toBe(2);
    await call(client, 'mark_as_read', a);
    await call(client, 'mark_as_read', a);
    expect(await unreadCount(client)).toBe(1);
    expect(await visible(client, true)).toEqual([{ id: b, is_read: false }]);
  });
});

test('mark_as_unread after mark_all_as_read brings back exactly that one', async () => {
  await withRootDb(db.url, async (client) => {
    const userId = await createUser(client, 'unreader@example.com');
    const [a, b, c] = await addNotifications(client, userId, 3);
    await call(client, 'mark_all_as_read');
    expect(await unreadCount(client)).toBe(0);
    await call(client, 'mark_as_unread', b);
    expect(await unreadCount(client)).toBe(1);
    const state = Object.fromEntries((await visible(client)).map((n) => [n.id, n.is_read]));
    expect([state[a!], state[b!], state[c!]]).toEqual([true, false, true]);
  });
});

test('mark_all_as_read also overrides earlier mark_as_unread choices, but not later notifications', async () => {
  await withRootDb(db.url, async (client) => {
    const userId = await createUser(client, 'allread@example.com');
    const [a] = await addNotifications(client, userId, 2);
    await call(client, 'mark_as_read', a);
    await call(client, 'mark_as_unread', a);
    await call(client, 'mark_all_as_read');
    expect(await unreadCount(client)).toBe(0);
    const [later] = await addNotifications(client, userId, 1);
    expect(await visible(client, true)).toEqual([{ id: later, is_read: false }]);
  });
});

test('delete_notification hides it for that user only and drops it from their count', async () => {
  await withRootDb(db.url, async (client) => {
    const alice = await createUser(client, 'alice@example.com');
    const bob = await createUser(client, 'bob@example.com');
    const [a, b] = await addNotifications(client, alice, 2);
    await call(client, 'delete_notification', a);
    expect((await visible(client)).map((n) => n.id)).toEqual([b]);
    expect(await unreadCount(client)).toBe(1);

    // Deleted is gone for this user: marking it unread later finds nothing and brings nothing back.
    await client.query('savepoint gone');
    await expect(call(client, 'mark_as_unread', a)).rejects.toThrow(`No notification with id ${a}.`);
    await client.query('rollback to savepoint gone');
    expect((await visible(client)).map((n) => n.id)).toEqual([b]);
    expect(await unreadCount(client)).toBe(1);

    await actAs(client, bob);
    expect((await visible(client)).map((n) => n.id)).toEqual([b, a]);
    expect(await unreadCount(client)).toBe(2);
  });
});

test('newest first, paged with limit/offset (first/offset in GraphQL), and unread_only', async () => {
  await withRootDb(db.url, async (client) => {
    const userId = await createUser(client, 'pager@example.com');
    const ids = await addNotifications(client, userId, 5);
    const newestFirst = [...ids].reverse();
    expect((await visible(client)).map((n) => n.id)).toEqual(newestFirst);

    const page = await client.query<{ id: string }>('select id from app_public.get_notifications() limit 2 offset 1');
    expect(page.rows.map((r) => r.id)).toEqual(newestFirst.slice(1, 3));

    await call(client, 'mark_as_read', ids[3]);
    await call(client, 'mark_as_read', ids[0]);
    expect((await visible(client, true)).map((n) => n.id)).toEqual([ids[4], ids[2], ids[1]]);
    const unreadPage = await client.query<{ id: string }>('select id from app_public.get_notifications(true) limit 1 offset 1');
    expect(unreadPage.rows.map((r) => r.id)).toEqual([ids[2]]);
  });
});
