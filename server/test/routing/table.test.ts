/**
 * The routing table (SPEC "Notification semantics"), step by step, from
 * GraphQL and from psql. Each step checks the rows written (recipient,
 * actor), then what every user's getNotifications lists and getUnreadCount
 * says. Cast: Cal calls the API, Owen owns the lead, Fay follows it, Asa is
 * assigned its task, Mo gets @mentioned, Nia has nothing to do with it.
 */
import {
  audienceOf,
  createPeople,
  crm,
  describeRows,
  getNotifications,
  hiddenFrom,
  insertLead,
  lead,
  maxSeq,
  routedSince,
  useStack,
  type Person,
} from '@bellhop/testing';

const stack = useStack();
const api = () => crm(stack.server.url);
let cal: Person, owen: Person, fay: Person, asa: Person, mo: Person, nia: Person;
let everyone: Person[];
let names: Record<string, string>;

beforeAll(async () => {
  everyone = await createPeople(stack.sql, ['Cal', 'Owen', 'Fay', 'Asa', 'Mo', 'Nia'], (id) => stack.token(id));
  [cal, owen, fay, asa, mo, nia] = everyone as [Person, Person, Person, Person, Person, Person];
  names = Object.fromEntries(everyone.map((p) => [p.id, p.name]));
});

const unreadCounts = () => Promise.all(everyone.map((p) => api().unreadCount(p.token)));

/**
 * Runs write, then checks that each user lists exactly the new rows meant for
 * them and that each unread count grew by that many. Returns the new rows, described.
 */
async function routed(write: () => Promise<unknown>): Promise<string[]> {
  const before = await maxSeq(stack.sql);
  const countsBefore = await unreadCounts();
  await write();
  const rows = await routedSince(stack.sql, before);
  const expected = audienceOf(rows, await hiddenFrom(stack.sql), everyone.map((p) => p.id));
  const newIds = new Set(rows.map((row) => row.id));
  const listed = await Promise.all(everyone.map(async (p) => (await getNotifications(stack.server.url, p.token)).filter((n) => newIds.has(n.id))));
  expect(Object.fromEntries(everyone.map((p, i) => [p.name, listed[i]!.map((n) => n.id).reverse()]))).toEqual(
    Object.fromEntries(everyone.map((p) => [p.name, expected.get(p.id)])),
  );
  const countsAfter = await unreadCounts();
  expect(Object.fromEntries(everyone.map((p, i) => [p.name, countsAfter[i]! - countsBefore[i]!]))).toEqual(
    Object.fromEntries(everyone.map((p) => [p.name, expected.get(p.id)!.length])),
  );
  return describeRows(rows, names);
}

/** Owen's lead: Fay follows it, and Owen assigned Asa a task on it. */
async function owensLead(): Promise<{ leadId: number; taskId: number }> {
  const leadId = await api().createLead(owen.token, 'John', 'Doe');
  await api().followLead(fay.token, leadId);
  const taskId = await api().createTask(owen.token, leadId, 'Send the proposal', asa.id);
  return { leadId, taskId };
}

describe('lead_created: everyone', () => {
  test('createLead over GraphQL is one broadcast, the caller included (as the seed flow shows)', async () => {
    expect(await routed(() => api().createLead(cal.token))).toEqual(['lead_created → everyone (by Cal)']);
  });

  test('an INSERT from psql is one broadcast with no actor', async () => {
    expect(await routed(() => insertLead(stack.sql, lead('Psql')))).toEqual(['lead_created → everyone (by nobody)']);
  });
});

describe('lead_assigned: the new owner', () => {
  test('assignLead tells the new owner, and nobody else; assigning a lead to yourself tells nobody', async () => {
    const leadId = await api().createLead(cal.token);
    expect(await routed(() => api().assignLead(cal.token, leadId, owen.id))).toEqual(['lead_assigned → Owen (by Cal)']);
    expect(await routed(() => api().assignLead(fay.token, leadId, fay.id))).toEqual([]);
  });

  test('an UPDATE of owner_id from psql tells the new owner, with no actor; the same owner again tells nobody', async () => {
    const leadId = await api().createLead(cal.token);
    expect(await routed(() => stack.sql.query('update app_public.leads set owner_id = $1 where id = $2', [fay.id, leadId]))).toEqual([
      'lead_assigned → Fay (by nobody)',
    ]);
    expect(await routed(() => stack.sql.query('update app_public.leads set owner_id = $1 where id = $2', [fay.id, leadId]))).toEqual([]);
  });

  test('an INSERT with owner_id from psql is a broadcast plus lead_assigned to the owner', async () => {
    expect(await routed(() => insertLead(stack.sql, { ...lead('Owned'), owner_id: owen.id }))).toEqual([
      'lead_assigned → Owen (by nobody)',
      'lead_created → everyone (by nobody)',
    ]);
  });
});

describe('task_completed: the owner, the followers and the assignee', () => {
  test('completed by Cal: Owen, Fay and Asa each get one', async () => {
    const { taskId } = await owensLead();
    expect(await routed(() => api().completeTask(cal.token, taskId))).toEqual([
      'task_completed → Asa (by Cal)',
      'task_completed → Fay (by Cal)',
      'task_completed → Owen (by Cal)',
    ]);
  });

  test('completed by the owner: Owen is not told of his own action', async () => {
    const { taskId } = await owensLead();
    expect(await routed(() => api().completeTask(owen.token, taskId))).toEqual(['task_completed → Asa (by Owen)', 'task_completed → Fay (by Owen)']);
  });

  test('completed by the assignee: Asa is not told', async () => {
    const { taskId } = await owensLead();
    expect(await routed(() => api().completeTask(asa.token, taskId))).toEqual(['task_completed → Fay (by Asa)', 'task_completed → Owen (by Asa)']);
  });

  test('from psql (UPDATE completed_at, or an INSERT already completed with assignee_id): no actor, nobody excluded', async () => {
    const { leadId, taskId } = await owensLead();
    expect(await routed(() => stack.sql.query('update app_public.tasks set completed_at = now() where id = $1', [taskId]))).toEqual([
      'task_completed → Asa (by nobody)',
      'task_completed → Fay (by nobody)',
      'task_completed → Owen (by nobody)',
    ]);
    const insert = `insert into app_public.tasks (lead_id, title, assignee_id, completed_at) values ($1, 'Done', $2, now())`;
    expect(await routed(() => stack.sql.query(insert, [leadId, mo.id]))).toEqual([
      'task_completed → Asa (by nobody)',
      'task_completed → Fay (by nobody)',
      'task_completed → Mo (by nobody)',
      'task_completed → Owen (by nobody)',
    ]);
  });
});

describe('score_updated: the owner and the followers', () => {
  test('changed by Cal: Owen, Fay and Asa (who follows through her task); the same score again: nobody', async () => {
    const { leadId } = await owensLead();
    expect(await routed(() => api().updateLeadScore(cal.token, leadId, 40))).toEqual([
      'score_updated → Asa (by Cal)',
      'score_updated → Fay (by Cal)',
      'score_updated → Owen (by Cal)',
    ]);
    expect(await routed(() => api().updateLeadScore(cal.token, leadId, 40))).toEqual([]);
  });

  test('changed by the owner: not the owner; from psql: everyone concerned, no actor', async () => {
    const { leadId } = await owensLead();
    expect(await routed(() => api().updateLeadScore(owen.token, leadId, 10))).toEqual(['score_updated → Asa (by Owen)', 'score_updated → Fay (by Owen)']);
    expect(await routed(() => stack.sql.query('update app_public.leads set score = 90 where id = $1', [leadId]))).toEqual([
      'score_updated → Asa (by nobody)',
      'score_updated → Fay (by nobody)',
      'score_updated → Owen (by nobody)',
    ]);
  });
});

describe('comment_added: the owner, the followers and everyone @mentioned', () => {
  test('Cal mentions Mo (in capitals), Fay (a follower too), himself and a stranger: each person once, never Cal', async () => {
    const { leadId } = await owensLead();
    const [local, domain] = mo.email.split('@') as [string, string];
    const shouted = `${local.toUpperCase()}@${domain.replace('example', 'Example')}`;
    const body = `Hi @${shouted}, see @${fay.email}. cc @${cal.email} and @stranger@example.com.`;
    expect(await routed(() => api().addComment(cal.token, leadId, body))).toEqual([
      'comment_added → Asa (by Cal)',
      'comment_added → Fay (by Cal)',
      'comment_added → Mo (by Cal)',
      'comment_added → Owen (by Cal)',
    ]);
    expect(await api().isFollowedByMe(cal.token, leadId)).toBe(true);
    expect(await api().isFollowedByMe(mo.token, leadId)).toBe(false);
  });

  test('a comment from psql with author_id: the author is the actor, is not told, and follows the lead', async () => {
    const { leadId } = await owensLead();
    const insert = `insert into app_public.comments (lead_id, body, author_id) values ($1, $2, $3)`;
    expect(await routed(() => stack.sql.query(insert, [leadId, `Noted, @${mo.email}`, nia.id]))).toEqual([
      'comment_added → Asa (by Nia)',
      'comment_added → Fay (by Nia)',
      'comment_added → Mo (by Nia)',
      'comment_added → Owen (by Nia)',
    ]);
    expect(await api().isFollowedByMe(nia.token, leadId)).toBe(true);
  });

  test('a comment from psql without an author excludes nobody', async () => {
    const { leadId } = await owensLead();
    const insert = `insert into app_public.comments (lead_id, body) values ($1, $2)`;
    expect(await routed(() => stack.sql.query(insert, [leadId, `Ping @${owen.email}`]))).toEqual([
      'comment_added → Asa (by nobody)',
      'comment_added → Fay (by nobody)',
      'comment_added → Owen (by nobody)',
    ]);
  });
});

describe('in the end', () => {
  test('each user lists exactly the rows addressed to them and the broadcasts, and counts them all unread', async () => {
    const rows = await routedSince(stack.sql, 0);
    const expected = audienceOf(rows, await hiddenFrom(stack.sql), everyone.map((p) => p.id));
    for (const person of everyone) {
      const listed = (await getNotifications(stack.server.url, person.token)).map((n) => n.id).reverse();
      expect([person.name, listed]).toEqual([person.name, expected.get(person.id)]);
      expect([person.name, await api().unreadCount(person.token)]).toEqual([person.name, listed.length]);
    }
    expect(expected.get(nia.id)!.length).toBe(rows.filter((row) => row.recipient_id === null).length);
  });
});
