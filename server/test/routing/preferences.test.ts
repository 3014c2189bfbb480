/**
 * Preferences, per user and type (SPEC "Notification semantics"): inApp off
 * means that type is not listed, counted or pushed to you (others are not
 * affected); toast off means it still is. Nobody reads or changes another
 * user's preferences.
 */
import {
  createPeople,
  crm,
  describeRows,
  insertLead,
  lead,
  maxSeq,
  messages,
  routedSince,
  useStack,
  waitForAll,
  withUserDb,
  type Inbox,
  type Person,
} from '@bellhop/testing';

const stack = useStack();
const api = () => crm(stack.server.url);
let cal: Person, owen: Person, fay: Person, nia: Person;
let names: Record<string, string>;
let sockets: Record<string, Inbox>;

const TYPES = ['lead_created', 'lead_assigned', 'task_completed', 'score_updated', 'comment_added'];

beforeAll(async () => {
  const people = await createPeople(stack.sql, ['Cal', 'Owen', 'Fay', 'Nia'], (id) => stack.token(id));
  [cal, owen, fay, nia] = people as [Person, Person, Person, Person];
  names = Object.fromEntries(people.map((p) => [p.id, p.name]));
  sockets = Object.fromEntries(await Promise.all(people.map(async (p) => [p.name, await stack.socket(p.token)] as const)));
});

async function rowsOf(write: () => Promise<unknown>): Promise<string[]> {
  const before = await maxSeq(stack.sql);
  await write();
  return describeRows(await routedSince(stack.sql, before), names);
}

/** A notification that reaches only this person (lead_assigned from psql): once it arrives, anything before it has too. */
async function barrierFor(person: Person): Promise<void> {
  const leadId = await insertLead(stack.sql, lead('Barrier'));
  const before = await maxSeq(stack.sql);
  await stack.sql.query('update app_public.leads set owner_id = $1 where id = $2', [person.id, leadId]);
  const ids = (await routedSince(stack.sql, before)).map((row) => row.id);
  await waitForAll([sockets[person.name]!], ids);
}

/**
 * Stores a preference straight in the table (the row updateNotificationPreference
 * writes), so the effects below are tested apart from that mutation.
 */
async function prefer(person: Person, type: string, inApp: boolean, toast = true): Promise<void> {
  await stack.sql.query(
    `insert into app_public.notification_preferences (user_id, type, in_app, toast) values ($1, $2, $3, $4)
     on conflict (user_id, type) do update set in_app = excluded.in_app, toast = excluded.toast, updated_at = now()`,
    [person.id, type, inApp, toast],
  );
}

const listedIds = async (person: Person) => (await api().list(person.token, { first: 100 })).map((n) => n.id);

test('notificationPreferences lists every type, in settings order, both switches on by default', async () => {
  expect(await api().preferences(nia.token)).toEqual(TYPES.map((type) => ({ type, inApp: true, toast: true })));
});

test('notificationPreferences shows a stored choice, and the defaults for the other types', async () => {
  await prefer(nia, 'task_completed', false, false);
  expect(await api().preferences(nia.token)).toEqual(TYPES.map((type) => ({ type, inApp: type !== 'task_completed', toast: type !== 'task_completed' })));
  await stack.sql.query("delete from app_public.notification_preferences where user_id = $1 and type = 'task_completed'", [nia.id]);
});

test('updateNotificationPreference returns and keeps the new values, for that type only', async () => {
  expect(await api().setPreference(nia.token, 'score_updated', false, true)).toEqual({ updateNotificationPreference: { type: 'score_updated', inApp: false, toast: true } });
  expect(await api().setPreference(nia.token, 'comment_added', true, false)).toEqual({ updateNotificationPreference: { type: 'comment_added', inApp: true, toast: false } });
  const stored = await api().preferences(nia.token);
  expect(stored.filter((p) => !p.inApp || !p.toast)).toEqual([
    { type: 'score_updated', inApp: false, toast: true },
    { type: 'comment_added', inApp: true, toast: false },
  ]);
  const { rows } = await stack.sql.query('select type, in_app, toast from app_public.notification_preferences where user_id = $1 order by type', [nia.id]);
  expect(rows).toEqual([
    { type: 'comment_added', in_app: true, toast: false },
    { type: 'score_updated', in_app: false, toast: true },
  ]);
  await api().setPreference(nia.token, 'score_updated', true, true);
  await api().setPreference(nia.token, 'comment_added', true, true);
  expect(await api().preferences(nia.token)).toEqual(TYPES.map((type) => ({ type, inApp: true, toast: true })));
});

test('an unknown type gets a clear error and writes nothing', async () => {
  const { rows: before } = await stack.sql.query('select count(*)::int as n from app_public.notification_preferences');
  const response = await api().raw(nia.token, 'mutation { updateNotificationPreference(type: "lead_sneezed", inApp: false, toast: false) { type } }');
  expect(messages(response)).toEqual(['No notification type "lead_sneezed".']);
  const { rows: after } = await stack.sql.query('select count(*)::int as n from app_public.notification_preferences');
  expect(after).toEqual(before);
});

test('inApp off for a targeted type: no row is written for that user, and nothing is pushed; the owner still gets theirs', async () => {
  const leadId = await api().createLead(owen.token);
  await api().followLead(fay.token, leadId);
  await prefer(fay, 'score_updated', false);
  const countBefore = await api().unreadCount(fay.token);
  expect(await rowsOf(() => api().updateLeadScore(cal.token, leadId, 70))).toEqual(['score_updated → Owen (by Cal)']);
  const [owens] = (await api().list(owen.token, { types: ['score_updated'], first: 1 })).map((n) => n.id);
  await waitForAll([sockets.Owen!], [owens!]);
  await barrierFor(fay);
  expect(sockets.Fay!.created.filter((n) => n.type === 'score_updated')).toEqual([]);
  expect(await api().unreadCount(fay.token)).toBe(countBefore + 2); // the barrier's lead_created and lead_assigned only

  // Back on: the next change reaches her again; the one written while off stays away.
  await prefer(fay, 'score_updated', true);
  expect(await rowsOf(() => api().updateLeadScore(cal.token, leadId, 71))).toEqual(['score_updated → Fay (by Cal)', 'score_updated → Owen (by Cal)']);
  const fays = await api().list(fay.token, { types: ['score_updated'] });
  expect(fays.map((n) => n.message)).toEqual([expect.stringContaining('from 70 to 71')]);
  await waitForAll([sockets.Fay!], [fays[0]!.id]);
});

test('inApp off for lead_created: the broadcast is hidden from that user only (not listed, counted or pushed)', async () => {
  await prefer(nia, 'lead_created', false);
  const countsBefore = { nia: await api().unreadCount(nia.token), cal: await api().unreadCount(cal.token) };
  const before = await maxSeq(stack.sql);
  await insertLead(stack.sql, lead('Hidden'));
  const [row, ...more] = await routedSince(stack.sql, before);
  expect(more).toEqual([]);
  expect(row).toMatchObject({ type: 'lead_created', recipient_id: null });
  await waitForAll([sockets.Cal!, sockets.Owen!, sockets.Fay!], [row!.id]);
  await barrierFor(nia);
  expect(sockets.Nia!.count(row!.id)).toBe(0);
  expect(await listedIds(nia)).not.toContain(row!.id);
  expect(await api().unreadCount(nia.token)).toBe(countsBefore.nia + 1); // the barrier's lead_assigned (its lead_created is hidden too)
  expect(await listedIds(cal)).toContain(row!.id);
  expect(await api().unreadCount(cal.token)).toBe(countsBefore.cal + 2); // this lead and the barrier's
  const byId = await api().raw(nia.token, 'query ($id: UUID!) { notificationById(id: $id) { id } }', { id: row!.id });
  expect(byId.json).toEqual({ data: { notificationById: null } });
  await prefer(nia, 'lead_created', true);
});

test('toast off: still written, listed, counted and pushed', async () => {
  const leadId = await api().createLead(owen.token);
  await prefer(owen, 'comment_added', true, false);
  const countBefore = await api().unreadCount(owen.token);
  expect(await rowsOf(() => api().addComment(cal.token, leadId, 'Quietly'))).toEqual(['comment_added → Owen (by Cal)']);
  const [comment] = await api().list(owen.token, { types: ['comment_added'], first: 1 });
  expect(comment).toMatchObject({ type: 'comment_added', message: expect.stringContaining('Quietly'), isRead: false });
  expect(await api().unreadCount(owen.token)).toBe(countBefore + 1);
  await waitForAll([sockets.Owen!], [comment!.id]);
});

describe("another user's preferences", () => {
  test('cannot be read over GraphQL: by key they are null, and notificationPreferences is always your own', async () => {
    await prefer(fay, 'task_completed', false, false);
    const probe = await api().raw(cal.token, 'query ($u: UUID!) { notificationPreferenceByUserIdAndType(userId: $u, type: "task_completed") { inApp } }', { u: fay.id });
    expect(probe.json).toEqual({ data: { notificationPreferenceByUserIdAndType: null } });
    const own = await api().raw(cal.token, '{ notificationPreferences { userId type inApp } }');
    const list = (own.data as { notificationPreferences: Array<{ userId: string; inApp: boolean }> }).notificationPreferences;
    expect(list.every((p) => p.userId === cal.id && p.inApp)).toBe(true);
  });

  test('cannot be read or changed in SQL as the API role', async () => {
    await withUserDb(stack.db.url, cal.id, async (client) => {
      const seen = await client.query('select * from app_public.notification_preferences where user_id = $1', [fay.id]);
      expect(seen.rows).toEqual([]);
      const updated = await client.query('update app_public.notification_preferences set in_app = true where user_id = $1', [fay.id]);
      expect(updated.rowCount).toBe(0);
    });
    await withUserDb(stack.db.url, cal.id, async (client) => {
      await expect(
        client.query(`insert into app_public.notification_preferences (user_id, type, in_app) values ($1, 'lead_created', false)`, [fay.id]),
      ).rejects.toThrow(/row-level security/);
    });
    const { rows } = await stack.sql.query('select type, in_app, toast from app_public.notification_preferences where user_id = $1', [fay.id]);
    expect(rows).toContainEqual({ type: 'task_completed', in_app: false, toast: false });
    expect(rows.some((row: { type: string }) => row.type === 'lead_created')).toBe(false);
  });
});
