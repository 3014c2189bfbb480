/**
 * The CRM mutations and queries over HTTP, and the notification each one
 * makes, seen through getNotifications as the bell would see it: by Otto, who
 * follows the lead. Carla does everything, so she hears of none of it.
 */
import { useStack, type Variables } from '@bellhop/testing';

interface Item {
  type: string;
  title: string;
  message: string;
  relatedLeadId: number | null;
}

const stack = useStack();
let token: string;
let otto: string;
let leadId: number;

/** A request by Carla, who must succeed. */
const asCarla = <T>(query: string, variables: Variables = {}) => stack.data<T>(query, variables, token);

beforeAll(async () => {
  token = await stack.register('crm@example.com', 'Carla Closer');
  const data = await asCarla<{ createLead: { id: number } }>(
    'mutation { createLead(input: { firstName: " Ada ", lastName: "Lovelace", email: "ada@example.com", company: "Analytical Engines" }) { id } }',
  );
  leadId = data.createLead.id;
  otto = await stack.register('otto@example.com', 'Otto Observer');
  await stack.data('mutation ($leadId: Int!) { followLead(leadId: $leadId) { id } }', { leadId }, otto);
});

/** Otto's notifications newer than the ones already seen, oldest first. */
async function newNotifications(since: number): Promise<Item[]> {
  const { getNotifications } = await stack.data<{ getNotifications: Item[] }>('{ getNotifications(first: 100) { type title message relatedLeadId } }', {}, otto);
  return getNotifications.slice(0, getNotifications.length - since).reverse();
}

async function notificationCount(who = otto): Promise<number> {
  const { getNotifications } = await stack.data<{ getNotifications: unknown[] }>('{ getNotifications(first: 100) { id } }', {}, who);
  return getNotifications.length;
}

test('createLead trims names, stores every field and makes the caller the owner', async () => {
  const data = await asCarla<{ leadById: Record<string, unknown> }>('query ($id: Int!) { leadById(id: $id) { firstName lastName email company status score ownerId } }', { id: leadId });
  expect(data.leadById).toEqual({
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    company: 'Analytical Engines',
    status: 'new',
    score: 0,
    ownerId: stack.userId(token),
  });
});

test('allLeadsList lists the pipeline', async () => {
  const data = await asCarla<{ allLeadsList: Array<{ id: number; firstName: string }> }>('{ allLeadsList { id firstName } }');
  expect(data.allLeadsList).toContainEqual({ id: leadId, firstName: 'Ada' });
});

test('createTask adds an open task and notifies nobody', async () => {
  const before = await notificationCount();
  const data = await asCarla<{ createTask: Record<string, unknown> }>('mutation ($leadId: Int!) { createTask(leadId: $leadId, title: "Send the proposal") { id leadId title completedAt } }', { leadId });
  expect(data.createTask).toEqual({ id: expect.any(Number), leadId, title: 'Send the proposal', completedAt: null });
  expect(await notificationCount()).toBe(before);
});

test('completeTask completes it and notifies once; completing again changes nothing', async () => {
  const { createTask } = await asCarla<{ createTask: { id: number } }>('mutation ($leadId: Int!) { createTask(leadId: $leadId, title: "Book a demo") { id } }', { leadId });
  const before = await notificationCount();
  const carlaBefore = await notificationCount(token);
  const first = await asCarla<{ completeTask: { id: number; completedAt: string | null } }>('mutation ($id: Int!) { completeTask(id: $id) { id completedAt } }', { id: createTask.id });
  expect(first.completeTask.completedAt).toEqual(expect.any(String));
  expect(await newNotifications(before)).toEqual([
    { type: 'task_completed', title: 'Task Completed', message: 'Carla Closer completed "Book a demo" for Ada Lovelace', relatedLeadId: leadId },
  ]);
  expect(await notificationCount(token)).toBe(carlaBefore);

  const again = await asCarla<{ completeTask: { completedAt: string } }>('mutation ($id: Int!) { completeTask(id: $id) { completedAt } }', { id: createTask.id });
  expect(again.completeTask.completedAt).toBe(first.completeTask.completedAt);
  expect(await notificationCount()).toBe(before + 1);
});

test('addComment adds a comment by the caller and notifies', async () => {
  const before = await notificationCount();
  const data = await asCarla<{ addComment: Record<string, unknown> }>('mutation ($leadId: Int!) { addComment(leadId: $leadId, body: "Very interested.") { leadId body authorId userByAuthorId { name } } }', { leadId });
  expect(data.addComment).toEqual({ leadId, body: 'Very interested.', authorId: stack.userId(token), userByAuthorId: { name: 'Carla Closer' } });
  expect(await newNotifications(before)).toEqual([
    { type: 'comment_added', title: 'New Comment', message: 'Carla Closer commented on Ada Lovelace: Very interested.', relatedLeadId: leadId },
  ]);
});

test('updateLeadScore changes the score and notifies; the same score again notifies nobody', async () => {
  const before = await notificationCount();
  const data = await asCarla<{ updateLeadScore: { id: number; score: number } }>('mutation ($id: Int!) { updateLeadScore(id: $id, score: 65) { id score } }', { id: leadId });
  expect(data.updateLeadScore).toEqual({ id: leadId, score: 65 });
  expect(await newNotifications(before)).toEqual([
    { type: 'score_updated', title: 'Lead Score Updated', message: "Carla Closer changed Ada Lovelace's score from 0 to 65", relatedLeadId: leadId },
  ]);

  await asCarla('mutation ($id: Int!) { updateLeadScore(id: $id, score: 65) { score } }', { id: leadId });
  expect(await notificationCount()).toBe(before + 1);
});

test('a lead shows its tasks and comments', async () => {
  const data = await asCarla<{ leadById: { tasksByLeadIdList: Array<{ title: string }>; commentsByLeadIdList: Array<{ body: string }> } }>('query ($id: Int!) { leadById(id: $id) { tasksByLeadIdList(orderBy: ID_ASC) { title } commentsByLeadIdList { body } } }', { id: leadId });
  expect(data.leadById.tasksByLeadIdList.map((t) => t.title)).toEqual(['Send the proposal', 'Book a demo']);
  expect(data.leadById.commentsByLeadIdList.map((c) => c.body)).toEqual(['Very interested.']);
});

test('createLead with a 200-character first name succeeds, and the notification message is clipped', async () => {
  const before = await notificationCount();
  const firstName = 'y'.repeat(200);
  const data = await asCarla<{ createLead: { firstName: string } }>('mutation ($firstName: String!) { createLead(input: { firstName: $firstName, lastName: "Long", email: "long@example.com" }) { firstName } }', { firstName });
  expect(data.createLead.firstName).toHaveLength(200);
  const [notification] = await newNotifications(before);
  expect(notification!.message).toBe(`${'y'.repeat(199)}… added to pipeline`);
});

test('createLead with a 50,000-character first name is refused, naming the field and its limit', async () => {
  const result = await stack.gql('mutation ($firstName: String!) { createLead(input: { firstName: $firstName, lastName: "Long", email: "long@example.com" }) { id } }', { firstName: 'y'.repeat(50_000) }, token);
  expect(result.errors?.map((e) => e.message)).toEqual(['First name (firstName) is too long: at most 200 characters.']);
  expect(result.data?.createLead ?? null).toBeNull();
});
