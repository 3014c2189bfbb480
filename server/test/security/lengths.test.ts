/**
 * Every text a person types has a limit (issue "Safe to expose"): names and
 * company 200, email 320, task title 500, comment 10,000. One character over
 * gets a GraphQL error naming the field and the limit, and writes nothing;
 * exactly at the limit is accepted.
 */
import { crm, databaseState, messages, useStack } from '@bellhop/testing';

const stack = useStack({ users: 1, env: { LOGIN_RATE_LIMIT: '1000' } });
const token = () => stack.accounts[0]!.token;
let leadId: number;

beforeAll(async () => {
  leadId = await crm(stack.server.url).createLead(token());
});

const CREATE_LEAD = 'mutation ($input: CreateLeadInput!) { createLead(input: $input) { id } }';
const REGISTER = 'mutation ($email: String!, $name: String!) { register(input: { email: $email, password: "password123", name: $name }) { jwtToken } }';
const CREATE_TASK = 'mutation ($l: Int!, $t: String!) { createTask(leadId: $l, title: $t) { id } }';
const ADD_COMMENT = 'mutation ($l: Int!, $b: String!) { addComment(leadId: $l, body: $b) { id } }';

const text = (length: number) => 'x'.repeat(length);
/** An address of exactly `length` characters. */
const email = (length: number) => `${'e'.repeat(length - '@example.com'.length)}@example.com`;
const lead = (fields: Record<string, string>) => ({ input: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', ...fields } });

interface Case {
  field: string;
  query: string;
  anonymous?: boolean;
  variables: (length: number) => Record<string, unknown>;
  limit: number;
  message: string;
}

const CASES: Case[] = [
  { field: 'Lead firstName', query: CREATE_LEAD, variables: (n) => lead({ firstName: text(n) }), limit: 200, message: 'First name (firstName) is too long: at most 200 characters.' },
  { field: 'Lead lastName', query: CREATE_LEAD, variables: (n) => lead({ lastName: text(n) }), limit: 200, message: 'Last name (lastName) is too long: at most 200 characters.' },
  { field: 'Lead company', query: CREATE_LEAD, variables: (n) => lead({ company: text(n) }), limit: 200, message: 'Company (company) is too long: at most 200 characters.' },
  { field: 'Lead email', query: CREATE_LEAD, variables: (n) => lead({ email: email(n) }), limit: 320, message: 'Email (email) is too long: at most 320 characters.' },
  { field: 'Task title', query: CREATE_TASK, variables: (n) => ({ l: leadId, t: text(n) }), limit: 500, message: 'Task title (title) is too long: at most 500 characters.' },
  { field: 'Comment body', query: ADD_COMMENT, variables: (n) => ({ l: leadId, b: text(n) }), limit: 10_000, message: 'Comment (body) is too long: at most 10,000 characters.' },
  {
    field: 'User name (register)',
    query: REGISTER,
    anonymous: true,
    variables: (n) => ({ email: `name-${n}-${Date.now()}@example.com`, name: text(n) }),
    limit: 200,
    message: 'Name must be between 1 and 200 characters.',
  },
  {
    field: 'User email (register)',
    query: REGISTER,
    anonymous: true,
    variables: (n) => ({ email: email(n).replace(/^eeeee/, `${Date.now()}`.slice(-5)), name: 'Long Email' }),
    limit: 320,
    message: 'Email (email) is too long: at most 320 characters.',
  },
];

describe.each(CASES)('$field (limit $limit)', ({ query, anonymous, variables, limit, message }) => {
  test('one character over: an error naming the field and the limit, and nothing written', async () => {
    const before = await databaseState(stack.sql);
    const response = await stack.gql(query, variables(limit + 1), anonymous ? null : token());
    expect(messages(response)).toEqual([message]);
    expect(message).toContain(limit.toLocaleString('en-US'));
    expect(Object.values(response.data ?? {}).filter((value) => value !== null)).toEqual([]);
    expect(await databaseState(stack.sql)).toEqual(before);
  });

  test('exactly at the limit: accepted', async () => {
    const response = await stack.gql(query, variables(limit), anonymous ? null : token());
    expect(messages(response)).toEqual([]);
  });
});

test('a psql write over a limit is refused by the table itself, with the constraint named', async () => {
  await expect(
    stack.sql.query(`insert into app_public.leads (first_name, last_name, email) values ($1, 'Doe', 'john@example.com')`, [text(201)]),
  ).rejects.toThrow(/leads_first_name_length/);
  await expect(stack.sql.query(`insert into app_public.comments (lead_id, body) values ($1, $2)`, [leadId, text(10_001)])).rejects.toThrow(/comments_body_length/);
});
