/**
 * getNotifications(forMe, types) (SPEC "Notification semantics"): forMe
 * keeps only the notifications addressed to you (no broadcasts); types keeps
 * only those types; both combine with unreadOnly and with first/offset.
 * Expected lists are computed from the SQL rows.
 */
import type { NotificationPayload } from '@bellhop/contract';
import { createPeople, crm, insertLead, lead, routedSince, useStack, type ListArgs, type Person, type RoutedRow } from '@bellhop/testing';

const stack = useStack();
const api = () => crm(stack.server.url);
let me: Person, other: Person;
/** Every row that reaches me, newest first (as getNotifications orders them). */
let mine: RoutedRow[];
let readIds: Set<string>;

beforeAll(async () => {
  [me, other] = (await createPeople(stack.sql, ['Mia', 'Otto'], (id) => stack.token(id))) as [Person, Person];
  for (let i = 0; i < 12; i += 1) {
    const leadId = await insertLead(stack.sql, lead(`Lead${i}`));
    // Alternately mine and Otto's (lead_assigned), and a comment mentioning me on every third.
    await stack.sql.query('update app_public.leads set owner_id = $1 where id = $2', [i % 2 === 0 ? me.id : other.id, leadId]);
    if (i % 3 === 0) await stack.sql.query(`insert into app_public.comments (lead_id, body, author_id) values ($1, $2, $3)`, [leadId, `@${me.email} look`, other.id]);
    if (i % 4 === 1) await stack.sql.query('update app_public.leads set score = 10 where id = $1', [leadId]);
  }
  mine = (await routedSince(stack.sql, 0)).filter((row) => row.recipient_id === null || row.recipient_id === me.id).reverse();
  // Read every third of mine.
  readIds = new Set(mine.filter((_, i) => i % 3 === 0).map((row) => row.id));
  for (const id of readIds) await api().raw(me.token, 'mutation ($id: UUID!) { markAsRead(id: $id) { id } }', { id });
});

const ids = (list: NotificationPayload[]) => list.map((n) => n.id);

/** What the filters should keep of my rows, newest first. */
function expected({ forMe = false, types, unreadOnly = false }: ListArgs): string[] {
  return mine
    .filter((row) => !forMe || row.recipient_id === me.id)
    .filter((row) => !types || types.includes(row.type))
    .filter((row) => !unreadOnly || !readIds.has(row.id))
    .map((row) => row.id);
}

/** Every page of a filtered list, page size `size`. */
async function allPages(args: ListArgs, size: number): Promise<string[]> {
  const all: string[] = [];
  for (let offset = 0; ; offset += size) {
    const page = ids(await api().list(me.token, { ...args, first: size, offset }));
    all.push(...page);
    if (page.length < size) return all;
  }
}

test('the data has broadcasts, rows for me and rows for Otto, of several types (the setup is what the tests need)', () => {
  expect(mine.filter((row) => row.recipient_id === null).length).toBeGreaterThan(5);
  expect(mine.filter((row) => row.recipient_id === me.id).length).toBeGreaterThan(5);
  expect(new Set(mine.map((row) => row.type))).toEqual(new Set(['lead_created', 'lead_assigned', 'comment_added']));
});

test('without filters: broadcasts and mine, never Otto\'s', async () => {
  const list = await api().list(me.token, { first: 100 });
  expect(ids(list)).toEqual(expected({}));
  expect(list.every((n) => n.recipientId === null || n.recipientId === me.id)).toBe(true);
});

test('forMe: true lists only what is addressed to me (recipientId is me), no broadcasts; forMe: false is the default', async () => {
  const list = await api().list(me.token, { forMe: true, first: 100 });
  expect(ids(list)).toEqual(expected({ forMe: true }));
  expect(list.length).toBeGreaterThan(0);
  expect(list.every((n) => n.recipientId === me.id)).toBe(true);
  expect(ids(await api().list(me.token, { forMe: false, first: 100 }))).toEqual(expected({}));
});

test.each([[['lead_assigned']], [['comment_added', 'lead_created']], [['score_updated']], [['no_such_type']]])('types: %j keeps only those types', async (types) => {
  const list = await api().list(me.token, { types, first: 100 });
  expect(ids(list)).toEqual(expected({ types }));
  expect(list.every((n) => types.includes(n.type))).toBe(true);
});

test.each([
  { forMe: true, unreadOnly: true },
  { types: ['lead_created'], unreadOnly: true },
  { forMe: true, types: ['comment_added'] },
  { forMe: true, types: ['comment_added', 'lead_assigned'], unreadOnly: true },
] as ListArgs[])('%j combine', async (args) => {
  const list = ids(await api().list(me.token, { ...args, first: 100 }));
  expect(list).toEqual(expected(args));
  expect(list.length).toBeGreaterThan(0);
});

test.each([
  [{ forMe: true }, 2],
  [{ types: ['lead_created', 'lead_assigned'] }, 3],
  [{ forMe: true, unreadOnly: true }, 1],
  [{ unreadOnly: true, types: ['lead_created'] }, 4],
] as Array<[ListArgs, number]>)('%j pages with first: %i and offset, each row on exactly one page', async (args, size) => {
  expect(await allPages(args, size)).toEqual(expected(args));
});

test('Otto sees his own rows with forMe, none of mine', async () => {
  const list = await api().list(other.token, { forMe: true, first: 100 });
  expect(list.length).toBeGreaterThan(0);
  expect(list.every((n) => n.recipientId === other.id)).toBe(true);
});
