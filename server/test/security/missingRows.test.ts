/**
 * One message per kind of error (issue "Safe to expose"): a lead, task or
 * user that does not exist gets "No lead with id N." (task, user) from every
 * mutation that names one, never a foreign-key or null-row message, and the
 * request changes nothing.
 */
import { crm, databaseState, messages, useStack } from '@bellhop/testing';

const stack = useStack({ users: 2 });
const token = () => stack.accounts[0]!.token;
const MISSING_USER = '00000000-0000-4000-8000-0000000000aa';
let leadId: number;
let taskId: number;

beforeAll(async () => {
  leadId = await crm(stack.server.url).createLead(token());
  const { createTask } = await stack.data<{ createTask: { id: number } }>('mutation ($l: Int!) { createTask(leadId: $l, title: "Call") { id } }', { l: leadId }, token());
  taskId = createTask.id;
});

const CASES: Array<[string, string, () => Record<string, unknown>, string]> = [
  ['createTask', 'mutation { createTask(leadId: 424242, title: "Call") { id } }', () => ({}), 'No lead with id 424242.'],
  ['addComment', 'mutation { addComment(leadId: 424242, body: "Hi") { id } }', () => ({}), 'No lead with id 424242.'],
  ['updateLeadScore', 'mutation { updateLeadScore(id: 424242, score: 5) { id } }', () => ({}), 'No lead with id 424242.'],
  ['assignLead', 'mutation ($u: UUID!) { assignLead(id: 424242, ownerId: $u) { id } }', () => ({ u: stack.accounts[1]!.id }), 'No lead with id 424242.'],
  ['followLead', 'mutation { followLead(leadId: 424242) { id } }', () => ({}), 'No lead with id 424242.'],
  ['unfollowLead', 'mutation { unfollowLead(leadId: 424242) { id } }', () => ({}), 'No lead with id 424242.'],
  ['completeTask', 'mutation { completeTask(id: 424242) { id } }', () => ({}), 'No task with id 424242.'],
  ['assignTask', 'mutation ($u: UUID) { assignTask(id: 424242, assigneeId: $u) { id } }', () => ({ u: stack.accounts[1]!.id }), 'No task with id 424242.'],
  ['assignLead to a missing user', 'mutation ($l: Int!, $u: UUID!) { assignLead(id: $l, ownerId: $u) { id } }', () => ({ l: leadId, u: MISSING_USER }), `No user with id ${MISSING_USER}.`],
  ['assignTask to a missing user', 'mutation ($t: Int!, $u: UUID) { assignTask(id: $t, assigneeId: $u) { id } }', () => ({ t: taskId, u: MISSING_USER }), `No user with id ${MISSING_USER}.`],
  ['createTask for a missing user', 'mutation ($l: Int!, $u: UUID) { createTask(leadId: $l, title: "Call", assigneeId: $u) { id } }', () => ({ l: leadId, u: MISSING_USER }), `No user with id ${MISSING_USER}.`],
];

test.each(CASES)('%s: the one message, no data, nothing written', async (_name, query, variables, message) => {
  const before = await databaseState(stack.sql);
  const response = await stack.gql(query, variables(), token());
  expect(messages(response)).toEqual([message]);
  expect(response.json?.errors?.[0]?.extensions?.code).toBe('P0002');
  expect(Object.values(response.data ?? {}).filter((value) => value !== null)).toEqual([]);
  expect(await databaseState(stack.sql)).toEqual(before);
});

test('a missing lead named in a nested read is simply null, not an error', async () => {
  const response = await stack.gql('{ leadById(id: 424242) { id tasksByLeadIdList { id } } }', {}, token());
  expect(response.json).toEqual({ data: { leadById: null } });
});
