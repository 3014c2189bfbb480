/**
 * Hostile text is data, and one user's ids give no power over another's state.
 * (That the web app renders such text as text is checked by the browser tests.)
 */
import type { NotificationPayload } from '@bellhop/contract';
import { NOTIFICATION_FIELDS, dataOf, gql, insertLeads, useStack, waitUntil, withUserDb, type GqlResponse, type TestUser } from '@bellhop/testing';

jest.setTimeout(30_000);

const stack = useStack();

async function data<T>(response: Promise<GqlResponse>): Promise<T> {
  return dataOf(await response) as T;
}

describe('names with SQL, HTML and script text', () => {
  const hostileName = `Robert'); DROP TABLE app_public.users;-- <script>alert("x")</script> & <b>bold</b>`;
  const firstName = '<img src=x onerror=alert(1)>';
  const lastName = `'; drop table app_public.leads; --`;
  const company = `{{constructor.constructor('alert(1)')()}} \${7*7} %s %n`;

  test('are stored and returned verbatim, in the API and the socket payload', async () => {
    const registered = await data<{ register: { jwtToken: string } }>(
      gql(stack.server.url, 'mutation ($name: String!) { register(input: { email: "hostile@example.com", password: "password123", name: $name }) { jwtToken } }', {
        name: hostileName,
      }),
    );
    const token = registered.register.jwtToken;
    expect(await data(gql(stack.server.url, '{ currentUser { name } }', {}, token))).toEqual({ currentUser: { name: hostileName } });

    // Watt follows the lead, so he hears of the hostile user's comment (its author does not).
    const watcher = await stack.register('watcher@example.com', 'Watt Watcher');
    const inbox = await stack.socket(watcher);
    const created = await data<{ createLead: { id: number; firstName: string; lastName: string; company: string } }>(
      gql(
        stack.server.url,
        'mutation ($f: String!, $l: String!, $c: String) { createLead(input: { firstName: $f, lastName: $l, email: "x@example.com", company: $c }) { id firstName lastName company } }',
        { f: firstName, l: lastName, c: company },
        token,
      ),
    );
    expect(created.createLead).toMatchObject({ firstName, lastName, company });
    const leadId = created.createLead.id;
    await data(gql(stack.server.url, 'mutation ($id: Int!) { followLead(leadId: $id) { id } }', { id: leadId }, watcher));
    await data(gql(stack.server.url, 'mutation ($id: Int!, $b: String!) { addComment(leadId: $id, body: $b) { id } }', { id: leadId, b: '</script><script>alert(2)</script>' }, token));

    const expected = [
      `${hostileName} commented on ${firstName} ${lastName}: </script><script>alert(2)</script>`,
      `${firstName} ${lastName} added to pipeline`,
    ];
    const listed = await data<{ getNotifications: NotificationPayload[] }>(gql(stack.server.url, `{ getNotifications(first: 2) { ${NOTIFICATION_FIELDS} } }`, {}, watcher));
    expect(listed.getNotifications.map((n) => n.message)).toEqual(expected);
    await waitUntil(() => inbox.created.length === 2, () => `2 socket notifications (have ${inbox.created.length})`);
    expect(inbox.created.map((n) => n.message).reverse()).toEqual(expected);

    const { rows } = await stack.sql.query<{ tables: number }>(
      `select count(*)::int as tables from pg_tables where schemaname = 'app_public' and tablename in ('users', 'leads')`,
    );
    expect(rows[0]).toEqual({ tables: 2 });
  });
});

describe("another user's notification ids", () => {
  let alice: string;
  let bob: string;
  let aliceToken: string;
  let bobToken: string;
  let ids: string[];

  beforeAll(async () => {
    [{ id: alice, token: aliceToken }, { id: bob, token: bobToken }] = (await stack.users(2)) as [TestUser, TestUser];
    ids = await insertLeads(stack.sql, 3, 'Shared');
  });

  const mine = async (token: string) =>
    (await data<{ getNotifications: Array<{ id: string; isRead: boolean }> }>(gql(stack.server.url, '{ getNotifications { id isRead } }', {}, token))).getNotifications;
  const unread = async (token: string) => (await data<{ getUnreadCount: number }>(gql(stack.server.url, '{ getUnreadCount }', {}, token))).getUnreadCount;

  test('deleting, reading and marking all as read by Alice changes nothing for Bob, live or stored', async () => {
    const aliceSocket = await stack.socket(aliceToken);
    const bobSocket = await stack.socket(bobToken);
    const bobBefore = await mine(bobToken);
    const bobUnreadBefore = await unread(bobToken);
    expect(bobBefore.filter((n) => ids.includes(n.id))).toHaveLength(3);

    await data(gql(stack.server.url, 'mutation ($id: UUID!) { deleteNotification(id: $id) }', { id: ids[0] }, aliceToken));
    await data(gql(stack.server.url, 'mutation ($id: UUID!) { markAsRead(id: $id) { id isRead } }', { id: ids[1] }, aliceToken));
    await data(gql(stack.server.url, 'mutation { markAllAsRead }', {}, aliceToken));

    expect((await mine(aliceToken)).map((n) => n.id)).not.toContain(ids[0]);
    expect(await mine(bobToken)).toEqual(bobBefore);
    expect(await unread(bobToken)).toBe(bobUnreadBefore);

    // Bob's own change is a marker: events reach a socket in commit order, so
    // once his arrives, Alice's (committed earlier) would have arrived too.
    await data(gql(stack.server.url, 'mutation ($id: UUID!) { markAsUnread(id: $id) { id } }', { id: ids[2] }, bobToken));
    await waitUntil(() => bobSocket.updated.length === 1, () => "Bob's own update event");
    await waitUntil(() => aliceSocket.updated.length === 2 && aliceSocket.deleted.length === 1, () => "Alice's three events");
    expect(bobSocket.deleted).toEqual([]);
    expect(bobSocket.updated).toEqual([{ kind: 'unread', ids: [ids[2]] }]);
  });

  test('in SQL, as the API role, Alice cannot write or see Bob\'s read state, profile or password hash', async () => {
    await data(gql(stack.server.url, 'mutation ($id: UUID!) { markAsRead(id: $id) { id } }', { id: ids[1] }, bobToken));
    await withUserDb(stack.db.url, alice, async (client) => {
      await expect(
        client.query(`insert into app_hidden.notification_receipts (user_id, notification_id, is_deleted) values ($1, $2, true)`, [bob, ids[1]]),
      ).rejects.toThrow(/row-level security/);
    });
    await withUserDb(stack.db.url, alice, async (client) => {
      const updated = await client.query(`update app_hidden.notification_receipts set is_deleted = true where user_id = $1`, [bob]);
      expect(updated.rowCount).toBe(0);
      const watermarks = await client.query(`update app_hidden.notification_watermarks set read_up_to = 0 where user_id = $1`, [bob]);
      expect(watermarks.rowCount).toBe(0);
      const seen = await client.query<{ user_id: string }>('select distinct user_id from app_hidden.notification_receipts');
      expect(seen.rows.every((row) => row.user_id === alice)).toBe(true);
      const renamed = await client.query(`update app_public.users set name = 'pwned' where id = $1`, [bob]);
      expect(renamed.rowCount).toBe(0);
    });
    await withUserDb(stack.db.url, alice, async (client) => {
      await expect(client.query('select * from app_private.user_secrets')).rejects.toThrow(/permission denied/);
    });
    await withUserDb(stack.db.url, alice, async (client) => {
      await expect(client.query('delete from app_public.notifications')).rejects.toThrow(/permission denied/);
    });
  });
});
