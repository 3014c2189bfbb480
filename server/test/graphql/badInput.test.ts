/**
 * Bad input over HTTP: each request gets an error a person can act on, and
 * the database is left exactly as it was (every writable table, row for row).
 */
import { databaseState, useStack } from '@bellhop/testing';

const SIGN_IN = 'You must sign in first: send "Authorization: Bearer <jwtToken>" from login or register.';
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

const stack = useStack();
let token: string;
let leadId: number;
let taskId: number;
let notificationId: string;

beforeAll(async () => {
  token = await stack.register('careful@example.com', 'Careful User', 'password123');
  leadId = (await stack.data<{ createLead: { id: number } }>(
    'mutation { createLead(input: { firstName: "John", lastName: "Doe", email: "john@example.com" }) { id } }',
    {},
    token,
  )).createLead.id;
  taskId = (await stack.data<{ createTask: { id: number } }>('mutation ($leadId: Int!) { createTask(leadId: $leadId, title: "Call") { id } }', { leadId }, token)).createTask.id;
  notificationId = (await stack.data<{ getNotifications: Array<{ id: string }> }>('{ getNotifications { id } }', {}, token)).getNotifications[0]!.id;
});

interface Case {
  name: string;
  query: string;
  variables?: () => Record<string, unknown>;
  anonymous?: boolean;
  message: string | (() => string);
}

const createLead = (fields: string) => `mutation { createLead(input: { ${fields} }) { id } }`;
const register = (fields: string) => `mutation { register(input: { ${fields} }) { jwtToken } }`;

const cases: Case[] = [
  // Leads
  { name: 'createLead with a malformed email', query: createLead('firstName: "A", lastName: "B", email: "not-an-email"'), message: 'Email must be a valid email address, like name@example.com.' },
  { name: 'createLead with a blank first name', query: createLead('firstName: "   ", lastName: "B", email: "a@example.com"'), message: 'First name must not be empty.' },
  { name: 'createLead with an empty last name', query: createLead('firstName: "A", lastName: "", email: "a@example.com"'), message: 'Last name must not be empty.' },
  { name: 'createLead without a first name', query: createLead('lastName: "B", email: "a@example.com"'), message: 'Field "CreateLeadInput.firstName" of required type "String!" was not provided.' },
  {
    name: 'createLead with a null last name in variables',
    query: 'mutation ($input: CreateLeadInput!) { createLead(input: $input) { id } }',
    variables: () => ({ input: { firstName: 'A', lastName: null, email: 'a@example.com' } }),
    message: 'Variable "$input" got invalid value null at "input.lastName"; Expected non-nullable type "String!" not to be null.',
  },
  { name: 'createLead with a number for a name', query: createLead('firstName: 42, lastName: "B", email: "a@example.com"'), message: 'String cannot represent a non string value: 42' },
  // Accounts
  { name: 'register with a malformed email', query: register('email: "bad-email", password: "password123", name: "X"'), anonymous: true, message: 'Email "bad-email" is not a valid email address.' },
  { name: 'register with a blank name', query: register('email: "x@example.com", password: "password123", name: "  "'), anonymous: true, message: 'Name must not be empty.' },
  { name: 'register with a short password', query: register('email: "x@example.com", password: "short", name: "X"'), anonymous: true, message: 'Password must be at least 8 characters long.' },
  { name: 'register with a taken email in another case', query: register('email: "CAREFUL@example.com", password: "password123", name: "X"'), anonymous: true, message: 'An account with this email already exists; sign in instead.' },
  { name: 'register with a 201-character name', query: register(`email: "x@example.com", password: "password123", name: "${'n'.repeat(201)}"`), anonymous: true, message: 'Name must be between 1 and 200 characters.' },
  { name: 'register without a name', query: register('email: "x@example.com", password: "password123"'), anonymous: true, message: 'Field "RegisterInput.name" of required type "String!" was not provided.' },
  // Notifications
  { name: 'markAsRead with an unknown id', query: `mutation { markAsRead(id: "${UNKNOWN_UUID}") { id } }`, message: `No notification with id ${UNKNOWN_UUID}.` },
  { name: 'markAsUnread with an unknown id', query: `mutation { markAsUnread(id: "${UNKNOWN_UUID}") { id } }`, message: `No notification with id ${UNKNOWN_UUID}.` },
  { name: 'deleteNotification with an unknown id', query: `mutation { deleteNotification(id: "${UNKNOWN_UUID}") }`, message: `No notification with id ${UNKNOWN_UUID}.` },
  { name: 'markAsRead with an id that is not a UUID', query: 'mutation { markAsRead(id: "42") { id } }', message: 'Expected value of type "UUID!", found "42"; Invalid UUID, expected 32 hexadecimal characters, optionally with hyphens' },
  {
    name: 'markAsRead with a number for the id',
    query: 'mutation ($id: UUID!) { markAsRead(id: $id) { id } }',
    variables: () => ({ id: 42 }),
    message: 'Variable "$id" got invalid value 42; Expected type "UUID". Invalid UUID, expected 32 hexadecimal characters, optionally with hyphens',
  },
  // Tasks, comments, scores
  { name: 'createTask on an unknown lead', query: 'mutation { createTask(leadId: 999999, title: "Call") { id } }', message: 'No lead with id 999999.' },
  { name: 'createTask with a blank title', query: 'mutation ($leadId: Int!) { createTask(leadId: $leadId, title: " ") { id } }', variables: () => ({ leadId }), message: 'Task title must not be empty.' },
  { name: 'createTask with a string for the lead id', query: 'mutation { createTask(leadId: "one", title: "Call") { id } }', message: 'Int cannot represent non-integer value: "one"' },
  { name: 'completeTask with an unknown id', query: 'mutation { completeTask(id: 999999) { id } }', message: 'No task with id 999999.' },
  { name: 'addComment on an unknown lead', query: 'mutation { addComment(leadId: 999999, body: "Hi") { id } }', message: 'No lead with id 999999.' },
  { name: 'addComment with an empty body', query: 'mutation ($leadId: Int!) { addComment(leadId: $leadId, body: "") { id } }', variables: () => ({ leadId }), message: 'Comment must not be empty.' },
  { name: 'updateLeadScore on an unknown lead', query: 'mutation { updateLeadScore(id: 999999, score: 5) { id } }', message: 'No lead with id 999999.' },
  { name: 'updateLeadScore above 100', query: 'mutation ($id: Int!) { updateLeadScore(id: $id, score: 101) { id } }', variables: () => ({ id: leadId }), message: 'Score must be between 0 and 100.' },
  { name: 'updateLeadScore below 0', query: 'mutation ($id: Int!) { updateLeadScore(id: $id, score: -1) { id } }', variables: () => ({ id: leadId }), message: 'Score must be between 0 and 100.' },
  { name: 'updateLeadScore with a word for the score', query: 'mutation ($id: Int!) { updateLeadScore(id: $id, score: "high") { id } }', variables: () => ({ id: leadId }), message: 'Int cannot represent non-integer value: "high"' },
  { name: 'updateLeadScore with a fraction', query: 'mutation ($id: Int!) { updateLeadScore(id: $id, score: 4.5) { id } }', variables: () => ({ id: leadId }), message: 'Int cannot represent non-integer value: 4.5' },
  { name: 'updateLeadScore beyond a 32-bit integer', query: 'mutation ($id: Int!) { updateLeadScore(id: $id, score: 2147483648) { id } }', variables: () => ({ id: leadId }), message: 'Int cannot represent non 32-bit signed integer value: 2147483648' },
  {
    name: 'createLead with a NUL character in a name',
    query: 'mutation ($input: CreateLeadInput!) { createLead(input: $input) { id } }',
    variables: () => ({ input: { firstName: 'A\u0000B', lastName: 'B', email: 'a@example.com' } }),
    message: 'Text contains a character that cannot be stored (such as \\u0000); remove it and try again.',
  },
  { name: 'getNotifications with a negative page size', query: '{ getNotifications(first: -1) { id } }', message: 'getNotifications: first must be a whole number from 0 to 100 (got -1); page with first and offset.' },
  { name: 'getNotifications with a negative offset', query: '{ getNotifications(offset: -1) { id } }', message: 'offset must not be negative.' },
  // Fields that are not part of the API
  { name: 'reading password hashes', query: '{ currentUser { passwordHash } }', message: 'Cannot query field "passwordHash" on type "User".' },
  { name: 'a generated update mutation for users', query: 'mutation { updateUserById(input: { id: "x", userPatch: { name: "Mallory" } }) { clientMutationId } }', message: 'Cannot query field "updateUserById" on type "Mutation".' },
  // Anonymous callers
  ...([
    ['createLead', createLead('firstName: "A", lastName: "B", email: "a@example.com"')],
    ['markAsRead', 'mutation ($id: UUID!) { markAsRead(id: $id) { id } }'],
    ['markAsUnread', 'mutation ($id: UUID!) { markAsUnread(id: $id) { id } }'],
    ['deleteNotification', 'mutation ($id: UUID!) { deleteNotification(id: $id) }'],
    ['markAllAsRead', 'mutation { markAllAsRead }'],
    ['createTask', 'mutation ($leadId: Int!) { createTask(leadId: $leadId, title: "Call") { id } }'],
    ['completeTask', 'mutation ($taskId: Int!) { completeTask(id: $taskId) { id } }'],
    ['addComment', 'mutation ($leadId: Int!) { addComment(leadId: $leadId, body: "Hi") { id } }'],
    ['updateLeadScore', 'mutation ($leadId: Int!) { updateLeadScore(id: $leadId, score: 50) { id } }'],
  ] as const).map(([name, query]): Case => ({
    name: `anonymous ${name}`,
    query,
    anonymous: true,
    variables: () => Object.fromEntries(Object.entries({ id: notificationId, leadId, taskId }).filter(([key]) => query.includes(`$${key}`))),
    message: SIGN_IN,
  })),
];

test.each(cases)('$name: a clear error and nothing written', async ({ query, variables, anonymous, message }) => {
  const before = await databaseState(stack.sql);
  const result = await stack.gql(query, variables?.() ?? {}, anonymous ? null : token);
  expect(result.errors?.map((e) => e.message)).toEqual([typeof message === 'function' ? message() : message]);
  const data = (result.data ?? {}) as Record<string, unknown>;
  expect(Object.values(data).every((value) => value === null)).toBe(true);
  expect(await databaseState(stack.sql)).toEqual(before);
});

test('a request body over the size limit is refused with a clear status and nothing written', async () => {
  const before = await databaseState(stack.sql);
  const huge = 'x'.repeat(200_000);
  const response = await fetch(`http://127.0.0.1:${stack.server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: createLead(`firstName: "${huge}", lastName: "B", email: "a@example.com"`) }),
  });
  expect(response.status).toBe(413);
  const body = (await response.json()) as { errors: Array<{ message: string }> };
  expect(body.errors.map((e) => e.message)).toEqual(['Request body is larger than 100kb. Send a smaller query or fewer variables.']);
  expect(await databaseState(stack.sql)).toEqual(before);
});
