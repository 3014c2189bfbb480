/**
 * The notification queries and mutations over HTTP, with two users to show
 * that read and deleted state are per user.
 */
import { useStack } from '@bellhop/testing';

interface Item {
  id: string;
  message: string;
  isRead: boolean;
}

const stack = useStack();
let alice: string;
let bob: string;
/** Notification ids, oldest first. */
let ids: string[];

beforeAll(async () => {
  [alice, bob] = await Promise.all([stack.register('alice@example.com', 'Alice'), stack.register('bob@example.com', 'Bob')]);
  for (const name of ['One', 'Two', 'Three', 'Four', 'Five']) {
    await stack.data(`mutation ($name: String!) { createLead(input: { firstName: $name, lastName: "Lead", email: "lead@example.com" }) { id } }`, { name }, alice);
  }
  ids = (await list(alice)).map((n) => n.id).reverse();
});

const FIELDS = 'id message isRead';

async function list(token: string, args = ''): Promise<Item[]> {
  const data = await stack.data<{ getNotifications: Item[] }>(`{ getNotifications${args} { ${FIELDS} } }`, {}, token);
  return data.getNotifications;
}

async function unread(token: string): Promise<number> {
  return (await stack.data<{ getUnreadCount: number }>('{ getUnreadCount }', {}, token)).getUnreadCount;
}

test('getNotifications lists everything newest first, and getUnreadCount counts it', async () => {
  expect((await list(alice)).map((n) => n.message)).toEqual([
    'Five Lead added to pipeline',
    'Four Lead added to pipeline',
    'Three Lead added to pipeline',
    'Two Lead added to pipeline',
    'One Lead added to pipeline',
  ]);
  expect(await unread(alice)).toBe(5);
});

test('getNotifications pages with first and offset', async () => {
  const newestFirst = [...ids].reverse();
  expect((await list(alice, '(first: 2)')).map((n) => n.id)).toEqual(newestFirst.slice(0, 2));
  expect((await list(alice, '(first: 2, offset: 2)')).map((n) => n.id)).toEqual(newestFirst.slice(2, 4));
  expect((await list(alice, '(first: 2, offset: 4)')).map((n) => n.id)).toEqual(newestFirst.slice(4));
});

test('markAsRead and markAsUnread flip one notification for the caller only', async () => {
  const read = await stack.data<{ markAsRead: Item }>(`mutation ($id: UUID!) { markAsRead(id: $id) { ${FIELDS} } }`, { id: ids[0] }, alice);
  expect(read.markAsRead).toEqual({ id: ids[0], message: 'One Lead added to pipeline', isRead: true });
  expect(await unread(alice)).toBe(4);
  expect(await unread(bob)).toBe(5);

  const unreadAgain = await stack.data<{ markAsUnread: Item }>(`mutation ($id: UUID!) { markAsUnread(id: $id) { ${FIELDS} } }`, { id: ids[0] }, alice);
  expect(unreadAgain.markAsUnread.isRead).toBe(false);
  expect(await unread(alice)).toBe(5);
});

test('getNotifications(unreadOnly: true) skips read ones, and pages too', async () => {
  await stack.data('mutation ($id: UUID!) { markAsRead(id: $id) { id } }', { id: ids[4] }, alice);
  expect((await list(alice, '(unreadOnly: true)')).map((n) => n.id)).toEqual([ids[3], ids[2], ids[1], ids[0]]);
  expect((await list(alice, '(unreadOnly: true, first: 1, offset: 1)')).map((n) => n.id)).toEqual([ids[2]]);
  expect((await list(bob, '(unreadOnly: true)')).map((n) => n.id)).toHaveLength(5);
  await stack.data('mutation ($id: UUID!) { markAsUnread(id: $id) { id } }', { id: ids[4] }, alice);
});

test('markAllAsRead reads everything for the caller; markAsUnread then brings back just one', async () => {
  expect(await stack.data('mutation { markAllAsRead }', {}, alice)).toEqual({ markAllAsRead: true });
  expect(await unread(alice)).toBe(0);
  expect((await list(alice)).every((n) => n.isRead)).toBe(true);
  expect(await unread(bob)).toBe(5);

  await stack.data('mutation ($id: UUID!) { markAsUnread(id: $id) { id } }', { id: ids[2] }, alice);
  expect(await unread(alice)).toBe(1);
  expect((await list(alice, '(unreadOnly: true)')).map((n) => n.id)).toEqual([ids[2]]);
});

test('a notification arriving after markAllAsRead is unread', async () => {
  await stack.data('mutation { markAllAsRead }', {}, alice);
  await stack.data('mutation { createLead(input: { firstName: "Late", lastName: "Lead", email: "late@example.com" }) { id } }', {}, bob);
  const [newest] = await list(alice);
  expect(newest).toMatchObject({ message: 'Late Lead added to pipeline', isRead: false });
  expect(await unread(alice)).toBe(1);
  ids.push(newest!.id);
});

test('deleteNotification hides it for the caller only', async () => {
  const target = ids[ids.length - 1]!;
  const bobCount = await unread(bob);
  expect(await stack.data('mutation ($id: UUID!) { deleteNotification(id: $id) }', { id: target }, alice)).toEqual({ deleteNotification: true });
  expect((await list(alice)).map((n) => n.id)).not.toContain(target);
  expect(await unread(alice)).toBe(0);

  expect((await list(bob)).map((n) => n.id)).toContain(target);
  expect(await unread(bob)).toBe(bobCount);
  const { rows: [row] } = await stack.sql.query<{ count: number }>('select count(*)::int as count from app_public.notifications where id = $1', [target]);
  expect(row!.count).toBe(1);
});
