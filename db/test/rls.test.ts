/**
 * Row-level security and privileges, as the API's visitor role sees them.
 * Users and notifications are committed once; each test then works inside a
 * transaction that is rolled back.
 */
import { insertLead, lead } from '@bellhop/testing/data';
import { actAs, actAsOwner, createUser, useTestDatabase, withRootDb } from '@bellhop/testing/database';
import { readState, unreadCount } from '@bellhop/testing/readState';
import type { Client } from 'pg';

const SIGN_IN = 'You must sign in first: send "Authorization: Bearer <jwtToken>" from login or register.';

const db = useTestDatabase();
let alice: string;
let bob: string;
let notificationIds: string[];

beforeAll(async () => {
  alice = await createUser(db.sql, 'alice@example.com', 'Alice');
  bob = await createUser(db.sql, 'bob@example.com', 'Bob');
  for (const name of ['One', 'Two', 'Three']) await insertLead(db.sql, lead(name));
  const { rows } = await db.sql.query<{ id: string }>('select id from app_public.notifications order by seq');
  notificationIds = rows.map((row) => row.id);
});

/** The error a statement raises, run inside a savepoint so the transaction goes on. */
async function errorOf(client: Client, text: string, values: unknown[] = []): Promise<string> {
  await client.query('savepoint probe');
  try {
    await client.query(text, values);
  } catch (error) {
    await client.query('rollback to savepoint probe');
    return (error as Error).message;
  }
  await client.query('release savepoint probe');
  throw new Error(`Expected "${text}" to fail, but it succeeded.`);
}

describe('read state is per user', () => {
  test("Alice marking a notification read leaves Bob's isRead and unread count alone", async () => {
    await withRootDb(db.url, async (client) => {
      await actAs(client, bob);
      const bobBefore = { state: await readState(client), count: await unreadCount(client) };
      expect(bobBefore.count).toBe(3);

      await actAs(client, alice);
      await client.query('select app_public.mark_as_read($1)', [notificationIds[0]]);
      expect((await readState(client))[notificationIds[0]!]).toBe(true);
      expect(await unreadCount(client)).toBe(2);

      await actAs(client, bob);
      expect(await readState(client)).toEqual(bobBefore.state);
      expect(await unreadCount(client)).toBe(3);
    });
  });

  test("Alice's mark_all_as_read and delete_notification do not touch Bob's view", async () => {
    await withRootDb(db.url, async (client) => {
      await actAs(client, alice);
      await client.query('select app_public.mark_all_as_read()');
      await client.query('select app_public.delete_notification($1)', [notificationIds[1]]);
      expect(await unreadCount(client)).toBe(0);
      expect(Object.keys(await readState(client))).toHaveLength(2);

      await actAs(client, bob);
      expect(await unreadCount(client)).toBe(3);
      expect(Object.keys(await readState(client)).sort()).toEqual([...notificationIds].sort());
    });
  });
});

describe("nobody reads or writes another user's receipts and watermarks directly", () => {
  async function withAliceState(fn: (client: Client) => Promise<void>): Promise<void> {
    await withRootDb(db.url, async (client) => {
      await actAs(client, alice);
      await client.query('select app_public.mark_as_read($1)', [notificationIds[0]]);
      await client.query('select app_public.mark_all_as_read()');
      await actAs(client, bob);
      await fn(client);
    });
  }

  test("Bob's SELECT sees only his own rows", async () => {
    await withAliceState(async (client) => {
      const receipts = await client.query<{ user_id: string }>('select user_id from app_hidden.notification_receipts');
      const watermarks = await client.query<{ user_id: string }>('select user_id from app_hidden.notification_watermarks');
      expect(receipts.rows).toEqual([]);
      expect(watermarks.rows).toEqual([{ user_id: bob }]);
    });
  });

  test("Bob's UPDATEs of Alice's rows change nothing", async () => {
    await withAliceState(async (client) => {
      const receipts = await client.query('update app_hidden.notification_receipts set is_read = false where user_id = $1', [alice]);
      const watermarks = await client.query('update app_hidden.notification_watermarks set read_up_to = 0 where user_id = $1', [alice]);
      expect([receipts.rowCount, watermarks.rowCount]).toEqual([0, 0]);
      await actAs(client, alice);
      expect(await unreadCount(client)).toBe(0);
    });
  });

  test('Bob cannot INSERT rows in Alice\'s name, or hand his rows to her', async () => {
    await withAliceState(async (client) => {
      expect(await errorOf(client, 'insert into app_hidden.notification_receipts (user_id, notification_id, is_read) values ($1, $2, false)', [alice, notificationIds[2]]))
        .toMatch(/row-level security/);
      expect(await errorOf(client, 'insert into app_hidden.notification_watermarks (user_id, read_up_to) values ($1, 0)', [alice]))
        .toMatch(/row-level security/);
      expect(await errorOf(client, 'update app_hidden.notification_watermarks set user_id = $1', [alice]))
        .toMatch(/row-level security/);
    });
  });

  test('Bob cannot DELETE receipts or watermarks at all', async () => {
    await withAliceState(async (client) => {
      expect(await errorOf(client, 'delete from app_hidden.notification_receipts')).toMatch(/permission denied/);
      expect(await errorOf(client, 'delete from app_hidden.notification_watermarks')).toMatch(/permission denied/);
    });
  });

  test("Bob cannot rename Alice", async () => {
    await withRootDb(db.url, async (client) => {
      await actAs(client, bob);
      const result = await client.query(`update app_public.users set name = 'Mallory' where id = $1`, [alice]);
      expect(result.rowCount).toBe(0);
      await actAsOwner(client);
      const { rows } = await client.query('select name from app_public.users where id = $1', [alice]);
      expect(rows).toEqual([{ name: 'Alice' }]);
    });
  });
});

describe('anonymous callers (no claims) get nothing', () => {
  test('they see no notifications, leads, users or receipts', async () => {
    await withRootDb(db.url, async (client) => {
      await actAs(client, null);
      for (const table of ['app_public.notifications', 'app_public.leads', 'app_public.users', 'app_public.tasks', 'app_public.comments', 'app_hidden.notification_receipts', 'app_hidden.notification_watermarks']) {
        const { rows } = await client.query<{ count: number }>(`select count(*)::int as count from ${table}`);
        expect([table, rows[0]!.count]).toEqual([table, 0]);
      }
    });
  });

  test.each([
    // Every row has three cells: with fewer, Jest would pass its done callback.
    ['get_notifications', 'select * from app_public.get_notifications()', false],
    ['get_unread_count', 'select app_public.get_unread_count()', false],
    ['mark_as_read', 'select app_public.mark_as_read($1)', true],
    ['mark_as_unread', 'select app_public.mark_as_unread($1)', true],
    ['delete_notification', 'select app_public.delete_notification($1)', true],
    ['mark_all_as_read', 'select app_public.mark_all_as_read()', false],
    ['create_lead', `select app_public.create_lead('Anon', 'Ymous', 'anon@example.com')`, false],
    ['create_task', `select app_public.create_task(1, 'Call')`, false],
    ['complete_task', 'select app_public.complete_task(1)', false],
    ['add_comment', `select app_public.add_comment(1, 'Hi')`, false],
    ['update_lead_score', 'select app_public.update_lead_score(1, 50)', false],
  ] as Array<[string, string, boolean]>)('%s asks them to sign in', async (_name, text, takesNotificationId) => {
    await withRootDb(db.url, async (client) => {
      await actAs(client, null);
      const values = takesNotificationId ? [notificationIds[0]] : [];
      expect(await errorOf(client, text, values)).toBe(SIGN_IN);
    });
  });

  test('a direct INSERT of a lead is refused', async () => {
    await withRootDb(db.url, async (client) => {
      await actAs(client, null);
      expect(await errorOf(client, `insert into app_public.leads (first_name, last_name, email) values ('A', 'B', 'a@example.com')`))
        .toMatch(/row-level security/);
    });
  });
});

describe('the visitor role cannot touch app_private or forge notifications', () => {
  test.each([
    ['read password hashes', 'select * from app_private.user_secrets'],
    ['read the relay outbox', 'select * from app_private.user_events'],
    ['register as a relay', `insert into app_private.relays (id) values (gen_random_uuid())`],
    ['ring the doorbell', `select app_private.ring_doorbell('x')`],
    ['issue itself a token', 'select app_private.issue_token($1)'],
  ])('it cannot %s', async (_what: string, text: string) => {
    await withRootDb(db.url, async (client) => {
      await actAs(client, alice);
      const values = text.includes('$1') ? [bob] : [];
      expect(await errorOf(client, text, values)).toMatch(/permission denied for schema app_private/);
    });
  });

  test.each([
    ['insert', `insert into app_public.notifications (type, title, message) values ('lead_created', 'Fake', 'Fake')`],
    ['update', `update app_public.notifications set title = 'Changed'`],
    ['delete', 'delete from app_public.notifications'],
  ])('it cannot %s notifications directly', async (_what, text) => {
    await withRootDb(db.url, async (client) => {
      await actAs(client, alice);
      expect(await errorOf(client, text)).toMatch(/permission denied for table notifications/);
    });
  });
});
