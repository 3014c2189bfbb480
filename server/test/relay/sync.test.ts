/**
 * Per-user sync: read-state changes reach every socket of the same user, on
 * every relay instance, whether they came through GraphQL or plain SQL; the
 * teammate's sockets hear nothing.
 */
import type { RunningServer } from '@bellhop/server';
import type { NotificationDeletedPayload, NotificationUpdatedPayload } from '@bellhop/contract';
import { actAs, commitAs, getNotifications, gqlData, insertLeads, useStack, waitUntil, type Inbox, type TestUser } from '@bellhop/testing';

jest.setTimeout(30_000);

// Two API + relay instances on one database, as behind a load balancer.
const stack = useStack({ servers: 2, users: 2 });
let serverA: RunningServer;
let serverB: RunningServer;
let alice: TestUser & { inboxes: Inbox[] };
let bob: TestUser & { inboxes: Inbox[] };
let ids: string[];
const bobBarriers: NotificationUpdatedPayload[] = [];

beforeAll(async () => {
  [serverA, serverB] = stack.servers as [RunningServer, RunningServer];
  const [a, b] = stack.accounts as [TestUser, TestUser];
  alice = { ...a, inboxes: await stack.sockets([a.token], [serverA.url, serverA.url, serverB.url]) };
  bob = { ...b, inboxes: await stack.sockets([b.token], [serverA.url, serverB.url]) };
  ids = await insertLeads(stack.sql, 6);
});

/** Runs SQL as the API would for this user (visitor role, user id claim), and commits. */
const asUser = (userId: string, text: string, values: unknown[] = []) => commitAs(stack.sql, userId, (client) => client.query(text, values));

async function expectUpdated(inboxes: Inbox[], expected: NotificationUpdatedPayload): Promise<void> {
  const matches = (inbox: Inbox) => inbox.updated.filter((u) => JSON.stringify(u) === JSON.stringify(expected)).length;
  await waitUntil(() => inboxes.every((inbox) => matches(inbox) > 0), () => `${JSON.stringify(expected)} on every socket`);
  for (const inbox of inboxes) expect(matches(inbox)).toBe(1);
}

async function expectDeleted(inboxes: Inbox[], expected: NotificationDeletedPayload): Promise<void> {
  const matches = (inbox: Inbox) => inbox.deleted.filter((d) => JSON.stringify(d) === JSON.stringify(expected)).length;
  await waitUntil(() => inboxes.every((inbox) => matches(inbox) > 0), () => `${JSON.stringify(expected)} on every socket`);
  for (const inbox of inboxes) expect(matches(inbox)).toBe(1);
}

/**
 * Bob makes a change of his own after Alice's; once it reaches his sockets,
 * anything wrongly routed from Alice's (earlier) change would have arrived
 * too. So his sockets must hold exactly his own changes.
 */
async function expectBobUntouched(): Promise<void> {
  const barrier: NotificationUpdatedPayload = { kind: 'unread', ids: [ids[5]!] };
  await asUser(bob.id, 'select app_public.mark_as_unread($1)', [ids[5]]);
  bobBarriers.push(barrier);
  await waitUntil(() => bob.inboxes.every((inbox) => inbox.updated.length >= bobBarriers.length), () => "Bob's own change on his sockets");
  for (const inbox of bob.inboxes) {
    expect(inbox.updated).toEqual(bobBarriers);
    expect(inbox.deleted).toEqual([]);
  }
}

describe('through GraphQL', () => {
  test('markAsRead on instance B reaches all of Alice\'s sockets on A and B', async () => {
    const data = await gqlData<{ markAsRead: { id: string; isRead: boolean } }>(
      serverB.url, 'mutation($id: UUID!) { markAsRead(id: $id) { id isRead } }', { id: ids[0] }, alice.token,
    );
    expect(data.markAsRead).toEqual({ id: ids[0], isRead: true });
    await expectUpdated(alice.inboxes, { kind: 'read', ids: [ids[0]!] });
    await expectBobUntouched();
  });

  test('markAsUnread on instance A', async () => {
    await gqlData(serverA.url, 'mutation($id: UUID!) { markAsUnread(id: $id) { id } }', { id: ids[0] }, alice.token);
    await expectUpdated(alice.inboxes, { kind: 'unread', ids: [ids[0]!] });
    await expectBobUntouched();
  });

  test('markAllAsRead carries the newest createdAt, as GraphQL formats it', async () => {
    const newest = (await getNotifications(serverA.url, alice.token))[0]!;
    await gqlData(serverB.url, 'mutation { markAllAsRead }', {}, alice.token);
    await expectUpdated(alice.inboxes, { kind: 'all_read', upToCreatedAt: newest.createdAt });
    const { getUnreadCount } = await gqlData<{ getUnreadCount: number }>(serverA.url, '{ getUnreadCount }', {}, alice.token);
    expect(getUnreadCount).toBe(0);
    await expectBobUntouched();
  });

  test('deleteNotification', async () => {
    await gqlData(serverA.url, 'mutation($id: UUID!) { deleteNotification(id: $id) }', { id: ids[1] }, alice.token);
    await expectDeleted(alice.inboxes, { ids: [ids[1]!] });
    await expectBobUntouched();
  });
});

describe('through plain SQL as the visitor role', () => {
  test('mark_as_read', async () => {
    await asUser(alice.id, 'select app_public.mark_as_read($1)', [ids[2]]);
    await expectUpdated(alice.inboxes, { kind: 'read', ids: [ids[2]!] });
    await expectBobUntouched();
  });

  test('mark_as_unread', async () => {
    await asUser(alice.id, 'select app_public.mark_as_unread($1)', [ids[2]]);
    await expectUpdated(alice.inboxes, { kind: 'unread', ids: [ids[2]!] });
    await expectBobUntouched();
  });

  test('mark_all_as_read', async () => {
    const newest = await insertLeads(stack.sql, 1);
    const { rows } = await stack.sql.query<{ created_at: string }>(
      `select to_jsonb(created_at) #>> '{}' as created_at from app_public.notifications where id = $1`,
      newest,
    );
    await asUser(alice.id, 'select app_public.mark_all_as_read()');
    await expectUpdated(alice.inboxes, { kind: 'all_read', upToCreatedAt: rows[0]!.created_at });
    await expectBobUntouched();
  });

  test('delete_notification', async () => {
    await asUser(alice.id, 'select app_public.delete_notification($1)', [ids[3]]);
    await expectDeleted(alice.inboxes, { ids: [ids[3]!] });
    await expectBobUntouched();
  });

  test('a rolled-back change is never announced', async () => {
    await stack.sql.query('begin');
    await actAs(stack.sql, alice.id);
    await stack.sql.query('select app_public.delete_notification($1)', [ids[4]]);
    await stack.sql.query('rollback');
    // Alice's own later change is the barrier for her sockets.
    await asUser(alice.id, 'select app_public.mark_as_read($1)', [ids[4]]);
    await expectUpdated(alice.inboxes, { kind: 'read', ids: [ids[4]!] });
    for (const inbox of alice.inboxes) expect(inbox.deleted.some((d) => d.ids.includes(ids[4]!))).toBe(false);
  });
});

test('each of Alice\'s sockets saw every change once, in the order they were made', () => {
  const expectedUpdates = alice.inboxes[0]!.updated;
  expect(expectedUpdates.map((u) => u.kind)).toEqual(['read', 'unread', 'all_read', 'read', 'unread', 'all_read', 'read']);
  for (const inbox of alice.inboxes) {
    expect(inbox.updated).toEqual(expectedUpdates);
    expect(inbox.deleted).toEqual([{ ids: [ids[1]] }, { ids: [ids[3]] }]);
  }
});
