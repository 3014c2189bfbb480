/**
 * A notification addressed to someone else, and one you deleted, do not
 * exist for you: no read lists or finds them, and every mutation on their
 * id says "No notification with id …" and changes nothing. Checked over
 * GraphQL and, for someone else's, as the API's role in SQL.
 */
import { createPeople, crm, databaseState, getNotifications, insertLead, lead, messages, routedSince, maxSeq, useStack, withUserDb, type Person } from '@bellhop/testing';

const stack = useStack();
const api = () => crm(stack.server.url);
let mia: Person, otto: Person;
/** lead_assigned to Otto: his alone. */
let ottos: string;
/** A broadcast both see. */
let shared: string;

beforeAll(async () => {
  [mia, otto] = (await createPeople(stack.sql, ['Mia', 'Otto'], (id) => stack.token(id))) as [Person, Person];
  const before = await maxSeq(stack.sql);
  await insertLead(stack.sql, { ...lead('Private'), owner_id: otto.id });
  const rows = await routedSince(stack.sql, before);
  ottos = rows.find((row) => row.recipient_id === otto.id)!.id;
  shared = rows.find((row) => row.recipient_id === null)!.id;
});

const MUTATIONS: Array<[string, string]> = [
  ['markAsRead', 'mutation ($id: UUID!) { markAsRead(id: $id) { id } }'],
  ['markAsUnread', 'mutation ($id: UUID!) { markAsUnread(id: $id) { id } }'],
  ['deleteNotification', 'mutation ($id: UUID!) { deleteNotification(id: $id) }'],
];

/** Every read and mutation a client has, for one id as one user: none may find it. */
async function expectGone(person: Person, id: string): Promise<void> {
  expect((await getNotifications(stack.server.url, person.token)).map((n) => n.id)).not.toContain(id);
  for (const args of [{ forMe: true }, { unreadOnly: true }, { types: ['lead_assigned', 'lead_created'] }]) {
    expect((await api().list(person.token, { ...args, first: 100 })).map((n) => n.id)).not.toContain(id);
  }
  const byId = await api().raw(person.token, 'query ($id: UUID!) { notificationById(id: $id) { id } }', { id });
  expect(byId.json).toEqual({ data: { notificationById: null } });
  const before = await databaseState(stack.sql);
  for (const [name, mutation] of MUTATIONS) {
    const response = await api().raw(person.token, mutation, { id });
    expect([name, messages(response)]).toEqual([name, [`No notification with id ${id}.`]]);
    expect(response.data ?? null).toBeNull();
  }
  expect(await databaseState(stack.sql)).toEqual(before);
}

describe("someone else's notification", () => {
  test('Otto lists, finds and counts his own (the control)', async () => {
    expect((await api().list(otto.token, { forMe: true })).map((n) => n.id)).toEqual([ottos]);
    const byId = await api().raw(otto.token, 'query ($id: UUID!) { notificationById(id: $id) { id recipientId } }', { id: ottos });
    expect(byId.json).toEqual({ data: { notificationById: { id: ottos, recipientId: otto.id } } });
    expect(await api().unreadCount(otto.token)).toBe(2);
  });

  test('Mia cannot list, find, mark or delete it, and her count leaves it out', async () => {
    await expectGone(mia, ottos);
    expect(await api().unreadCount(mia.token)).toBe(1);
  });

  test("Mia's failed attempts changed nothing for Otto", async () => {
    const [n] = await api().list(otto.token, { forMe: true });
    expect(n).toMatchObject({ id: ottos, isRead: false });
  });

  test('in SQL as the API role with Mia\'s claims, the row cannot be selected, by id or at all', async () => {
    await withUserDb(stack.db.url, mia.id, async (client) => {
      const byId = await client.query('select id from app_public.notifications where id = $1', [ottos]);
      expect(byId.rows).toEqual([]);
      const all = await client.query<{ id: string; recipient_id: string | null }>('select id, recipient_id from app_public.notifications');
      expect(all.rows.map((row) => row.id)).toEqual([shared]);
      const listed = await client.query<{ id: string }>('select id from app_public.get_notifications()');
      expect(listed.rows.map((row) => row.id)).toEqual([shared]);
    });
    await withUserDb(stack.db.url, otto.id, async (client) => {
      const byId = await client.query('select id from app_public.notifications where id = $1', [ottos]);
      expect(byId.rows).toEqual([{ id: ottos }]);
    });
  });
});

describe('a notification you deleted', () => {
  test('a deleted broadcast is gone for Mia on every read and mutation, and Otto still has it', async () => {
    await api().raw(mia.token, 'mutation ($id: UUID!) { deleteNotification(id: $id) }', { id: shared });
    await expectGone(mia, shared);
    expect(await api().unreadCount(mia.token)).toBe(0);
    expect((await getNotifications(stack.server.url, otto.token)).map((n) => n.id)).toContain(shared);
    const byId = await api().raw(otto.token, 'query ($id: UUID!) { notificationById(id: $id) { id } }', { id: shared });
    expect(byId.json).toEqual({ data: { notificationById: { id: shared } } });
  });

  test('a deleted notification addressed to you is gone the same way', async () => {
    const response = await api().raw(otto.token, 'mutation ($id: UUID!) { deleteNotification(id: $id) }', { id: ottos });
    expect(response.json).toEqual({ data: { deleteNotification: true } });
    await expectGone(otto, ottos);
    expect(await api().unreadCount(otto.token)).toBe(1);
  });

  test('a deleted one read first, then deleted, stays gone (no isRead leak through notificationById)', async () => {
    const before = await maxSeq(stack.sql);
    await insertLead(stack.sql, lead('ReadThenDeleted'));
    const [row] = await routedSince(stack.sql, before);
    await api().raw(otto.token, 'mutation ($id: UUID!) { markAsRead(id: $id) { id } }', { id: row!.id });
    await api().raw(otto.token, 'mutation ($id: UUID!) { deleteNotification(id: $id) }', { id: row!.id });
    await expectGone(otto, row!.id);
  });
});
