/**
 * Every list is bounded (issue "Safe to expose", SPEC "GraphQL"): first
 * defaults to 20 and may not exceed 100; a request may not ask for more than
 * GRAPHQL_MAX_ROWS rows in all (aliases added, nested lists multiplied).
 * Refusals happen in validation: the response has no `data` at all, which
 * GraphQL allows only for errors raised before execution, so no SQL ran.
 */
import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { insertLeads, messages, useStack, waitUntil, type GqlResponse } from '@bellhop/testing';

const stack = useStack({ users: 1 });
const token = () => stack.accounts[0]!.token;
const ask = (query: string, variables: Record<string, unknown> = {}) => stack.gql(query, variables, token());

/** Refused before execution, with one error matching `message`. */
function expectRefused(response: GqlResponse, message: RegExp): void {
  expect(messages(response)).toEqual([expect.stringMatching(message)]);
  expect(response.json).not.toHaveProperty('data');
}

const aliases = (count: number, field: string, prefix = 'a') => Array.from({ length: count }, (_, i) => `${prefix}${i}: ${field}`).join(' ');

beforeAll(async () => {
  await insertLeads(stack.sql, 130, 'Bounded');
});

interface FieldType {
  kind: string;
  name: string | null;
  ofType: FieldType | null;
}

test('every list field in the schema takes first, with a default of 20 (connections and plain lists alike)', async () => {
  const { __schema } = await stack.data<{
    __schema: { types: Array<{ name: string; kind: string; fields: Array<{ name: string; args: Array<{ name: string; defaultValue: string | null }>; type: FieldType }> | null }> };
  }>(
    '{ __schema { types { name kind fields { name args { name defaultValue } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }',
    {},
    token(),
  );
  const unwrap = (type: FieldType): FieldType => (type.kind === 'NON_NULL' ? unwrap(type.ofType!) : type);
  const lists: string[] = [];
  const unbounded: string[] = [];
  for (const type of __schema.types) {
    if (type.kind !== 'OBJECT' || type.name.startsWith('__') || /(Connection|Edge)$/.test(type.name)) continue;
    for (const field of type.fields ?? []) {
      const shape = unwrap(field.type);
      if (shape.kind !== 'LIST' && !(shape.name ?? '').endsWith('Connection')) continue;
      lists.push(`${type.name}.${field.name}`);
      if (field.args.find((arg) => arg.name === 'first')?.defaultValue !== '20') unbounded.push(`${type.name}.${field.name}`);
    }
  }
  expect(lists).toEqual(expect.arrayContaining(['Query.getNotifications', 'Query.allLeadsList', 'Query.allLeads', 'Lead.tasksByLeadIdList']));
  expect(unbounded).toEqual([]);
});

describe('first: 20 by default, at most 100', () => {
  test('getNotifications without first returns 20 of the 130', async () => {
    const { getNotifications } = await stack.data<{ getNotifications: unknown[] }>('{ getNotifications { id } }', {}, token());
    expect(getNotifications).toHaveLength(20);
  });

  test('allLeadsList and the allLeads connection without first return 20', async () => {
    const data = await stack.data<{ allLeadsList: unknown[]; allLeads: { nodes: unknown[]; totalCount: number } }>(
      '{ allLeadsList { id } allLeads { nodes { id } totalCount } }',
      {},
      token(),
    );
    expect([data.allLeadsList.length, data.allLeads.nodes.length, data.allLeads.totalCount]).toEqual([20, 20, 130]);
  });

  test('first: 100 is allowed and returns 100', async () => {
    const { getNotifications } = await stack.data<{ getNotifications: unknown[] }>('{ getNotifications(first: 100) { id } }', {}, token());
    expect(getNotifications).toHaveLength(100);
  });

  test.each([
    ['getNotifications(first: 101)', /^getNotifications: first must be a whole number from 0 to 100 \(got 101\); page with first and offset\.$/],
    ['allLeadsList(first: 1000)', /^allLeadsList: first must be a whole number from 0 to 100 \(got 1000\)/],
    ['allLeads(first: 101) { nodes { id } }', /^allLeads: first must be a whole number from 0 to 100/],
    ['getNotifications(first: null)', /^getNotifications: first must be a whole number from 0 to 100 \(got null\)/],
    ['getNotifications(first: -1)', /^getNotifications: first must be a whole number from 0 to 100 \(got -1\)/],
  ])('%s is refused with a clear error', async (field, message) => {
    expectRefused(await ask(`{ ${field.includes('{') ? field : `${field} { id }`} }`), message);
  });

  test('last and before are gone (they would page from the other end without a bound)', async () => {
    const response = await ask('{ allLeads(last: 5) { nodes { id } } }');
    expect(messages(response)).toEqual([expect.stringMatching(/Unknown argument "last"/)]);
  });
});

describe('a row budget per request (GRAPHQL_MAX_ROWS, 1,000 by default)', () => {
  test('50 aliases of getNotifications(first: 100) are refused, naming the limit', async () => {
    expectRefused(
      await ask(`{ ${aliases(50, 'getNotifications(first: 100) { id }')} }`),
      /^This request could return up to 5,000 rows .*; the limit is 1,000\. Ask for fewer rows or split it into several requests\.$/,
    );
  });

  test('no SQL at all is sent for a refused request (counted on the API\'s connections; a valid request is the control)', async () => {
    const original = Client.prototype.query;
    let queries = 0;
    Client.prototype.query = function (this: Client & { connectionParameters?: { application_name?: string } }, ...args: unknown[]) {
      if (this.connectionParameters?.application_name === 'bellhop-api') queries += 1;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
    try {
      expectRefused(await ask(`{ ${aliases(50, 'getNotifications(first: 100) { id }')} }`), /the limit is 1,000/);
      expect(queries).toBe(0);
      expect(messages(await ask('{ getNotifications(first: 1) { id } }'))).toEqual([]);
      expect(queries).toBeGreaterThan(0);
    } finally {
      Client.prototype.query = original;
    }
  });

  test('10 aliases of first: 100 (exactly 1,000 rows) are allowed', async () => {
    const data = await stack.data<Record<string, unknown[]>>(`{ ${aliases(10, 'getNotifications(first: 100) { id }')} }`, {}, token());
    expect(Object.values(data).map((list) => list.length)).toEqual(Array(10).fill(100));
  });

  test('nested lists multiply: allLeadsList(first: 100) { tasksByLeadIdList(first: 100) } is 10,100 rows', async () => {
    expectRefused(
      await ask('{ allLeadsList(first: 100) { id tasksByLeadIdList(first: 100) { id } } }'),
      /could return up to 10,100 rows.*the limit is 1,000/,
    );
    expectRefused(await ask('{ allLeadsList(first: 50) { id commentsByLeadIdList { id } } }'), /could return up to 1,050 rows/);
    const ok = await ask('{ allLeadsList(first: 30) { id tasksByLeadIdList(first: 30) { id } } }');
    expect(messages(ok)).toEqual([]);
  });

  test('fragments and inline fragments count the same', async () => {
    const query = `query { ...F ... on Query { ${aliases(6, 'getNotifications(first: 100) { id }')} } } fragment F on Query { ${aliases(6, 'getNotifications(first: 100) { id }', 'm')} }`;
    expectRefused(await ask(query), /could return up to 1,200 rows/);
  });
});

describe('variables are checked too', () => {
  test('first: $n with n = 101, null or a default of 500 is refused', async () => {
    expectRefused(await ask('query ($n: Int) { getNotifications(first: $n) { id } }', { n: 101 }), /first must be a whole number from 0 to 100 \(got 101\)/);
    expectRefused(await ask('query ($n: Int) { getNotifications(first: $n) { id } }', { n: null }), /\(got null\)/);
    expectRefused(await ask('query ($n: Int = 500) { getNotifications(first: $n) { id } }'), /\(got 500\)/);
  });

  test('aliases with first: $n add up against the budget', async () => {
    const query = `query ($n: Int!) { ${aliases(11, 'getNotifications(first: $n) { id }')} }`;
    expectRefused(await ask(query, { n: 100 }), /could return up to 1,100 rows/);
    expect(messages(await ask(query, { n: 90 }))).toEqual([]);
  });
});

describe('a lower GRAPHQL_MAX_ROWS', () => {
  test('is the limit the error names', async () => {
    const server = await stack.addServer({ env: { RELAY: 'false', GRAPHQL_MAX_ROWS: '250' } });
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token()}` },
      body: JSON.stringify({ query: `{ ${aliases(3, 'getNotifications(first: 100) { id }')} }` }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string }> };
    expect(body.errors?.map((e) => e.message)).toEqual([expect.stringMatching(/could return up to 300 rows.*the limit is 250\./)]);
    expect(body).not.toHaveProperty('data');
  });
});

describe('over the graphql-ws transport (/graphql websocket)', () => {
  /** The errors (or data) the websocket answers a request with. */
  async function overWebsocket(query: string): Promise<{ errors: string[]; data: unknown[] }> {
    const client = stack.add(
      createClient({ url: `${stack.server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${token()}` }, retryAttempts: 0 }),
      (c) => c.dispose(),
    );
    const result = { errors: [] as string[], data: [] as unknown[] };
    let done = false;
    client.subscribe(
      { query },
      {
        next: (value) => {
          result.errors.push(...(value.errors ?? []).map((e) => e.message));
          if (value.data) result.data.push(value.data);
          done = true;
        },
        error: (error) => {
          const list = Array.isArray(error) ? (error as Array<{ message: string }>) : [error as { message?: string }];
          result.errors.push(...list.map((e) => e.message ?? String(e)));
          done = true;
        },
        complete: () => {
          done = true;
        },
      },
    );
    await waitUntil(() => done, () => 'an answer on the websocket');
    return result;
  }

  test('a subscription asking for an unbounded nested list is refused', async () => {
    const result = await overWebsocket('subscription { notificationCreated { leadByRelatedLeadId { tasksByLeadIdList(first: 101) { id } } } }');
    expect(result.errors).toEqual([expect.stringMatching(/first must be a whole number from 0 to 100 \(got 101\)/)]);
  });

  test('a query of 50 aliases sent over the websocket is refused like over HTTP', async () => {
    const result = await overWebsocket(`query { ${aliases(50, 'getNotifications(first: 100) { id }')} }`);
    expect(result.data).toEqual([]);
    expect(result.errors).toEqual([expect.stringMatching(/could return up to 5,000 rows.*the limit is 1,000/)]);
  });
});
