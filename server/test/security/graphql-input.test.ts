/**
 * Bad GraphQL input: every kind gets a clear error with a 4xx status, and
 * none of it changes a row.
 */
import { configForDatabase } from '@bellhop/server';
import { gql, insertLeads, messages, postGraphql as post, useStack } from '@bellhop/testing';

jest.setTimeout(30_000);

const stack = useStack({ env: { RELAY: 'false' }, users: 1 });
let token: string;
let notificationId: string;

beforeAll(async () => {
  token = stack.accounts[0]!.token;
  [notificationId] = (await insertLeads(stack.sql, 1)) as [string];
});

/** Row counts of everything a request could change. */
async function snapshot(): Promise<Record<string, number>> {
  const { rows } = await stack.sql.query<Record<string, number>>(`
    select (select count(*) from app_public.leads)::int as leads,
           (select count(*) from app_public.notifications)::int as notifications,
           (select count(*) from app_public.users)::int as users,
           (select count(*) from app_hidden.notification_receipts)::int as receipts,
           (select count(*) from app_hidden.notification_watermarks)::int as watermarks`);
  return rows[0]!;
}

/** Checks, around the calling describe block, that none of its requests changed a row. */
function expectNoRowsChanged(): void {
  let before: Record<string, number>;
  beforeAll(async () => {
    before = await snapshot();
  });
  afterAll(async () => {
    expect(await snapshot()).toEqual(before);
  });
}

describe('malformed requests get a clear error and change nothing', () => {
  expectNoRowsChanged();

  test('a syntax error', async () => {
    const response = await gql(stack.server.url, 'mutation { markAllAsRead ', {}, token);
    expect(response.status).toBe(400);
    expect(messages(response)).toEqual([expect.stringMatching(/^Syntax Error: Expected Name, found <EOF>/)]);
  });

  test('an unknown field', async () => {
    const response = await gql(stack.server.url, '{ getNotifications { id password } }', {}, token);
    expect(response.status).toBe(400);
    expect(messages(response)).toEqual(['Cannot query field "password" on type "Notification".']);
  });

  test('a wrong type written in the query', async () => {
    const response = await gql(stack.server.url, 'mutation { markAsRead(id: 123) { id } }', {}, token);
    expect(response.status).toBe(400);
    expect(messages(response)[0]).toMatch(/UUID/);
  });

  test('a wrong type in the variables', async () => {
    const response = await gql(stack.server.url, 'query ($n: Int) { getNotifications(first: $n) { id } }', { n: 'ten' }, token);
    expect(response.json?.data ?? null).toBeNull();
    expect(messages(response)).toEqual(['Variable "$n" got invalid value "ten"; Int cannot represent non-integer value: "ten"']);
  });

  test('an id that is not a UUID', async () => {
    const response = await gql(stack.server.url, 'mutation ($id: UUID!) { markAsRead(id: $id) { id } }', { id: "1' or '1'='1" }, token);
    expect(response.json?.errors?.[0]?.message).toMatch(/UUID/i);
    expect(response.json?.data ?? null).toBeNull();
  });

  test('a missing required argument', async () => {
    const response = await gql(stack.server.url, 'mutation { createLead(input: { firstName: "Ann", lastName: "Lee" }) { id } }', {}, token);
    expect(response.status).toBe(400);
    expect(messages(response)[0]).toMatch(/Field "CreateLeadInput\.email" of required type "String!" was not provided/);
  });

  test('an invalid value that passes the type check', async () => {
    const response = await gql(stack.server.url, 'mutation { createLead(input: { firstName: "Ann", lastName: "Lee", email: "not-an-email" }) { id } }', {}, token);
    expect(messages(response)).toEqual(['Email must be a valid email address, like name@example.com.']);
  });

  test('a mutation on a notification that does not exist', async () => {
    const response = await gql(stack.server.url, 'mutation { deleteNotification(id: "00000000-0000-4000-8000-000000000000") }', {}, token);
    expect(messages(response)).toEqual(['No notification with id 00000000-0000-4000-8000-000000000000.']);
  });
});

describe('malformed request bodies get a clear status and change nothing', () => {
  expectNoRowsChanged();

  test('a body that is not JSON', async () => {
    const response = await post(stack.server.url, '{"query": "{ getUnreadCount }"', { authorization: `Bearer ${token}` });
    expect(response.status).toBe(400);
    expect(messages(response)).toEqual(['Request body must be a JSON object like {"query": "..."}.']);
  });

  test('JSON that is not a request object', async () => {
    const string = await post(stack.server.url, '"mutation { markAllAsRead }"', { authorization: `Bearer ${token}` });
    expect(string.status).toBe(400);
    expect(messages(string)).toEqual(['Request body must be a JSON object like {"query": "..."}.']);
    expect(messages(await post(stack.server.url, '{}'))).toEqual(['Must provide a query string.']);
  });

  test('a batch (an array of queries) is refused', async () => {
    const response = await post(stack.server.url, JSON.stringify([{ query: '{ getUnreadCount }' }, { query: 'mutation { markAllAsRead }' }]), {
      authorization: `Bearer ${token}`,
    });
    expect(response.status).toBe(501);
    expect(messages(response)[0]).toMatch(/Batching queries as an array is currently unsupported/);
  });

  test('another content type gets 415 with the expected one named', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/graphql']) {
      const response = await post(stack.server.url, 'mutation { markAllAsRead }', { 'content-type': type, authorization: `Bearer ${token}` });
      expect(response.status).toBe(415);
      expect(messages(response)).toEqual([expect.stringContaining('Content-Type: application/json')]);
    }
  });

  test('an oversized body gets 413 with the limit named', async () => {
    const body = JSON.stringify({ query: 'mutation ($m: String!) { addComment(leadId: 1, body: $m) { id } }', variables: { m: 'x'.repeat(200_000) } });
    const response = await post(stack.server.url, body, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(413);
    expect(messages(response)).toEqual(['Request body is larger than 100kb. Send a smaller query or fewer variables.']);
  });

  test('GET is refused with the allowed method named', async () => {
    const response = await fetch(`${stack.server.url}/graphql?query=${encodeURIComponent('{ getUnreadCount }')}`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toMatch(/POST/);
  });
});

describe('query bombs are refused before any SQL runs', () => {
  test('the web app\'s deepest kind of query passes', async () => {
    const response = await gql(
      stack.server.url,
      `{ allLeadsList(first: 5) { id firstName tasksByLeadIdList { id title } commentsByLeadIdList { id body userByAuthorId { id name } } } }`,
      {},
      token,
    );
    expect(response.json?.errors).toBeUndefined();
    expect(response.status).toBe(200);
  });

  test('a query nested 12 levels deep is refused (limit 10)', async () => {
    const query = '{ allLeadsList { commentsByLeadIdList { leadByLeadId { commentsByLeadIdList { leadByLeadId { commentsByLeadIdList { leadByLeadId { commentsByLeadIdList { leadByLeadId { commentsByLeadIdList { leadByLeadId { id } } } } } } } } } } } }';
    const response = await gql(stack.server.url, query, {}, token);
    expect(response.status).toBe(400);
    expect(messages(response)).toEqual(['This query is nested 12 levels deep; the limit is 10. Ask for fewer nested fields.']);
  });

  test('depth counts through fragments', async () => {
    const query = `query Deep { allLeadsList { ...A } }
      fragment A on Lead { commentsByLeadIdList { leadByLeadId { ...B } } }
      fragment B on Lead { commentsByLeadIdList { leadByLeadId { ...C } } }
      fragment C on Lead { commentsByLeadIdList { leadByLeadId { ...D } } }
      fragment D on Lead { commentsByLeadIdList { leadByLeadId { ...E } } }
      fragment E on Lead { commentsByLeadIdList { leadByLeadId { id } } }`;
    const response = await gql(stack.server.url, query, {}, token);
    expect(response.status).toBe(400);
    expect(messages(response)).toEqual(['Operation "Deep" is nested 12 levels deep; the limit is 10. Ask for fewer nested fields.']);
  });

  test('an alias flood is refused', async () => {
    const aliases = Array.from({ length: 600 }, (_, i) => `a${i}: getUnreadCount`).join(' ');
    const response = await gql(stack.server.url, `{ ${aliases} }`, {}, token);
    expect(response.status).toBe(400);
    expect(messages(response)).toEqual(['This query asks for 600 fields (counting every use of a fragment); the limit is 500. Split it into smaller queries.']);
  });

  test('a fragment fan-out (a few hundred bytes asking for 300,000 fields) is refused before execution', async () => {
    const spreads = (name: string) => Array.from({ length: 10 }, () => `...${name}`).join(' ');
    const query = `{ getNotifications { ...F1 } }
      fragment F1 on Notification { ${spreads('F2')} }
      fragment F2 on Notification { ${spreads('F3')} }
      fragment F3 on Notification { ${spreads('F4')} }
      fragment F4 on Notification { ${spreads('F5')} }
      fragment F5 on Notification { ${spreads('F6')} }
      fragment F6 on Notification { id title message }`;
    const response = await gql(stack.server.url, query, {}, token);
    // 400 with validation errors: PostGraphile never reached execution, so no SQL ran.
    expect(response.status).toBe(400);
    expect(response.json?.data).toBeUndefined();
    expect(messages(response)).toEqual([
      'This query asks for 300001 fields (counting every use of a fragment); the limit is 500. Split it into smaller queries.',
    ]);
  });

  test('one request may carry only one login or register', async () => {
    const attempts = Array.from({ length: 5 }, (_, i) => `t${i}: login(input: { email: "demo@example.com", password: "guess-${i}" }) { jwtToken }`);
    const response = await gql(stack.server.url, `mutation { ${attempts.join(' ')} }`);
    expect(response.status).toBe(400);
    expect(messages(response)).toEqual(['Send one login or register per request.']);
  });
});

describe('introspection', () => {
  const introspection = '{ __schema { queryType { name } } }';

  test('is on by default in development (GraphiQL and codegen use it)', async () => {
    const response = await gql(stack.server.url, introspection);
    expect(response.json?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  test('is refused with GRAPHQL_INTROSPECTION=false, while ordinary queries still work', async () => {
    const closed = await stack.addServer({ env: { RELAY: 'false', GRAPHQL_INTROSPECTION: 'false' } });
    const refused = await gql(closed.url, introspection);
    expect(refused.status).toBe(400);
    expect(messages(refused)[0]).toBe('GraphQL introspection has been disabled, but the requested query contained the field "__schema".');
    expect(refused.json?.data).toBeUndefined();
    const byType = await gql(closed.url, '{ __type(name: "Notification") { fields { name } } }');
    expect(messages(byType)[0]).toBe('GraphQL introspection has been disabled, but the requested query contained the field "__type".');
    const ordinary = await gql(closed.url, '{ getNotifications(first: 1) { id __typename } }', {}, token);
    expect(ordinary.json).toEqual({ data: { getNotifications: [{ id: notificationId, __typename: 'Notification' }] } });
  });

  test('is off by default when NODE_ENV=production', () => {
    const config = configForDatabase(stack.db, { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(config.introspection).toBe(false);
    expect(config.graphiql).toBe(false);
  });
});
