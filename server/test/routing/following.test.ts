/**
 * Following (SPEC "Notification semantics"): you follow a lead when you
 * create it, own it, comment on it or are assigned a task on it;
 * followLead/unfollowLead change that; Lead.isFollowedByMe shows it. Only
 * followers (and the owner, and a task's assignee) hear of its tasks,
 * scores and comments.
 */
import { createPeople, crm, describeRows, insertLead, lead, maxSeq, messages, routedSince, useStack, type Person } from '@bellhop/testing';

const stack = useStack();
const api = () => crm(stack.server.url);
let cal: Person, owen: Person, fay: Person, asa: Person;
let names: Record<string, string>;

beforeAll(async () => {
  const people = await createPeople(stack.sql, ['Cal', 'Owen', 'Fay', 'Asa'], (id) => stack.token(id));
  [cal, owen, fay, asa] = people as [Person, Person, Person, Person];
  names = Object.fromEntries(people.map((p) => [p.id, p.name]));
});

/** Who follows the lead, by name, sorted (as stored in app_public.lead_followers). */
async function followers(leadId: number): Promise<string[]> {
  const { rows } = await stack.sql.query<{ user_id: string }>('select user_id from app_public.lead_followers where lead_id = $1', [leadId]);
  return rows.map((row) => names[row.user_id] ?? row.user_id).sort();
}

/** The rows write() adds, described as "type → recipient (by actor)". */
async function rowsOf(write: () => Promise<unknown>): Promise<string[]> {
  const before = await maxSeq(stack.sql);
  await write();
  return describeRows(await routedSince(stack.sql, before), names);
}

describe('who follows automatically', () => {
  test('the creator (who owns the lead) follows it; nobody else does', async () => {
    const leadId = await api().createLead(cal.token);
    expect(await followers(leadId)).toEqual(['Cal']);
    expect(await api().isFollowedByMe(cal.token, leadId)).toBe(true);
    expect(await api().isFollowedByMe(fay.token, leadId)).toBe(false);
  });

  test('a new owner follows: assignLead, an UPDATE of owner_id from psql, an INSERT with owner_id from psql', async () => {
    const leadId = await api().createLead(cal.token);
    await api().assignLead(cal.token, leadId, owen.id);
    expect(await followers(leadId)).toEqual(['Cal', 'Owen']);
    await stack.sql.query('update app_public.leads set owner_id = $1 where id = $2', [fay.id, leadId]);
    expect(await followers(leadId)).toEqual(['Cal', 'Fay', 'Owen']);
    const inserted = await insertLead(stack.sql, { ...lead('Owned'), owner_id: asa.id });
    expect(await followers(inserted)).toEqual(['Asa']);
    expect(await api().isFollowedByMe(asa.token, inserted)).toBe(true);
  });

  test('a lead inserted from psql without an owner has no followers', async () => {
    expect(await followers(await insertLead(stack.sql, lead('Nobody')))).toEqual([]);
  });

  test('commenting follows: over GraphQL, and from psql with author_id', async () => {
    const leadId = await api().createLead(cal.token);
    await api().addComment(fay.token, leadId, 'Interesting');
    await stack.sql.query(`insert into app_public.comments (lead_id, body, author_id) values ($1, 'Me too', $2)`, [leadId, asa.id]);
    expect(await followers(leadId)).toEqual(['Asa', 'Cal', 'Fay']);
    expect(await api().isFollowedByMe(fay.token, leadId)).toBe(true);
  });

  test('being assigned a task follows: createTask(assigneeId), assignTask, and assignee_id from psql', async () => {
    const leadId = await api().createLead(cal.token);
    await api().createTask(cal.token, leadId, 'One', fay.id);
    const taskId = await api().createTask(cal.token, leadId, 'Two');
    expect(await followers(leadId)).toEqual(['Cal', 'Fay']);
    const assigned = await api().raw(cal.token, 'mutation ($id: Int!, $a: UUID) { assignTask(id: $id, assigneeId: $a) { id } }', { id: taskId, a: asa.id });
    expect(messages(assigned)).toEqual([]);
    expect(await followers(leadId)).toEqual(['Asa', 'Cal', 'Fay']);
    await stack.sql.query(`insert into app_public.tasks (lead_id, title, assignee_id) values ($1, 'Three', $2)`, [leadId, owen.id]);
    expect(await followers(leadId)).toEqual(['Asa', 'Cal', 'Fay', 'Owen']);
  });

  test('a mention alone does not follow', async () => {
    const leadId = await api().createLead(cal.token);
    await api().addComment(cal.token, leadId, `@${owen.email} have a look`);
    expect(await followers(leadId)).toEqual(['Cal']);
  });
});

describe('followLead and unfollowLead', () => {
  test('toggle isFollowedByMe and return the lead; doing either twice is harmless', async () => {
    const leadId = await api().createLead(cal.token);
    expect(await api().followLead(fay.token, leadId)).toEqual({ followLead: { id: leadId, isFollowedByMe: true } });
    expect(await api().followLead(fay.token, leadId)).toEqual({ followLead: { id: leadId, isFollowedByMe: true } });
    expect(await followers(leadId)).toEqual(['Cal', 'Fay']);
    expect(await api().unfollowLead(fay.token, leadId)).toEqual({ unfollowLead: { id: leadId, isFollowedByMe: false } });
    expect(await api().unfollowLead(fay.token, leadId)).toEqual({ unfollowLead: { id: leadId, isFollowedByMe: false } });
    expect(await followers(leadId)).toEqual(['Cal']);
  });

  test('after unfollowing, a follower hears nothing of the lead\'s tasks, scores and comments; following again brings them back', async () => {
    const leadId = await api().createLead(owen.token);
    await api().followLead(fay.token, leadId);
    const taskId = await api().createTask(owen.token, leadId, 'Call');
    await api().unfollowLead(fay.token, leadId);
    expect(await rowsOf(() => api().updateLeadScore(cal.token, leadId, 30))).toEqual(['score_updated → Owen (by Cal)']);
    expect(await rowsOf(() => api().addComment(cal.token, leadId, 'Hello'))).toEqual(['comment_added → Owen (by Cal)']);
    expect(await rowsOf(() => api().completeTask(cal.token, taskId))).toEqual(['task_completed → Owen (by Cal)']);
    await api().followLead(fay.token, leadId);
    expect(await rowsOf(() => api().updateLeadScore(cal.token, leadId, 31))).toEqual(['score_updated → Fay (by Cal)', 'score_updated → Owen (by Cal)']);
  });

  test('an owner who unfollows still hears as the owner', async () => {
    const leadId = await api().createLead(owen.token);
    await api().unfollowLead(owen.token, leadId);
    expect(await api().isFollowedByMe(owen.token, leadId)).toBe(false);
    expect(await rowsOf(() => api().updateLeadScore(cal.token, leadId, 50))).toEqual(['score_updated → Owen (by Cal)']);
    expect(await rowsOf(() => api().addComment(fay.token, leadId, 'Hi'))).toEqual(['comment_added → Owen (by Fay)']);
  });

  test('an assignee who unfollows still hears when their own task is completed, but not of other tasks', async () => {
    const leadId = await api().createLead(owen.token);
    const mine = await api().createTask(owen.token, leadId, 'Mine', asa.id);
    const other = await api().createTask(owen.token, leadId, 'Other');
    await api().unfollowLead(asa.token, leadId);
    expect(await rowsOf(() => api().completeTask(cal.token, mine))).toEqual(['task_completed → Asa (by Cal)', 'task_completed → Owen (by Cal)']);
    expect(await rowsOf(() => api().completeTask(cal.token, other))).toEqual(['task_completed → Owen (by Cal)']);
  });
});

describe('an unknown lead', () => {
  test.each(['followLead', 'unfollowLead'])('%s gets "No lead with id N." and changes nothing', async (field) => {
    const { rows: before } = await stack.sql.query('select count(*)::int as n from app_public.lead_followers');
    const response = await api().raw(fay.token, `mutation { ${field}(leadId: 987654) { id } }`);
    expect(messages(response)).toEqual(['No lead with id 987654.']);
    expect(response.data ?? null).toBeNull();
    const { rows: after } = await stack.sql.query('select count(*)::int as n from app_public.lead_followers');
    expect(after).toEqual(before);
  });

  test('leadById of an unknown lead is null (no isFollowedByMe to show)', async () => {
    const response = await api().raw(fay.token, '{ leadById(id: 987654) { id isFollowedByMe } }');
    expect(response.json).toEqual({ data: { leadById: null } });
  });
});
