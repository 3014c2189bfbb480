/**
 * A real stack for a test file: its own database (cloned from the migrated
 * template) and a real server on a free port, spoken to over HTTP exactly as
 * curl or the web app would.
 *
 *   const stack = await startTestStack();            // in beforeAll
 *   const token = await stack.login('demo@example.com');
 *   const { data, errors } = await stack.gql('{ getUnreadCount }', {}, token);
 *   await stack.close();                             // in afterAll
 */
import { configForDatabase } from '../../src/testing';
import { DEMO_PASSWORD, seedDemoData, withClient } from '@bellhop/db';
import { createTestDatabase, type TestDatabase } from '@bellhop/db/testing';
import { type Config } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { verifyToken } from '../../src/jwt';

export interface GqlError {
  message: string;
  extensions?: { code?: string };
}

export interface GqlResponse<T> {
  status: number;
  data?: T | null;
  errors?: GqlError[];
}

export interface TestStack {
  db: TestDatabase;
  config: Config;
  server: RunningServer;
  /** POSTs a query to /graphql; the token, if any, goes in "Authorization: Bearer". */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResponse<T>>;
  /** Like gql, but fails the test on any GraphQL error and returns data. */
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<T>;
  /** POSTs a raw request body, byte for byte (e.g. a curl -d argument). */
  post<T = Record<string, unknown>>(body: string, token?: string | null): Promise<GqlResponse<T>>;
  /** Logs in over GraphQL and returns the jwtToken (demo password by default). */
  login(email: string, password?: string): Promise<string>;
  /** Registers over GraphQL and returns the jwtToken. */
  register(email: string, name?: string, password?: string): Promise<string>;
  /** Runs SQL as the database owner, outside any test transaction. */
  sql<R extends Record<string, unknown> = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
  /** Seeds the demo users and leads, as npm start does on an empty database. */
  seed(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Extra environment for loadConfig, e.g. { RELAY: 'false' }. */
  env?: Record<string, string>;
  /** Seed the demo data before the server starts. */
  seed?: boolean;
}

/** Kept for the suites that import it from here. */
export const testConfigFor = configForDatabase;

export async function startTestStack(options: StackOptions = {}): Promise<TestStack> {
  const db = await createTestDatabase();
  let server: RunningServer | null = null;
  try {
    if (options.seed) await withClient(db.url, seedDemoData);
    const config = testConfigFor(db, options.env);
    server = await startServer(config);
    const url = `http://127.0.0.1:${server.port}/graphql`;

    const post = async <T>(body: string, token?: string | null): Promise<GqlResponse<T>> => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });
      const json = (await response.json()) as Omit<GqlResponse<T>, 'status'>;
      return { status: response.status, ...json };
    };
    const gql = <T>(query: string, variables: Record<string, unknown> = {}, token?: string | null) =>
      post<T>(JSON.stringify({ query, variables }), token);
    const data = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<T> => {
      const result = await gql<T>(query, variables, token);
      if (result.errors?.length || !result.data) {
        throw new Error(`GraphQL errors for ${query.replace(/\s+/g, ' ').trim()}: ${JSON.stringify(result.errors)}`);
      }
      return result.data;
    };
    const running = server;
    return {
      db,
      config,
      server: running,
      gql,
      data,
      post,
      login: async (email, password = DEMO_PASSWORD) => {
        const result = await data<{ login: { jwtToken: string } }>(
          'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { jwtToken } }',
          { email, password },
        );
        return result.login.jwtToken;
      },
      register: async (email, name = 'Test User', password = 'password123') => {
        const result = await data<{ register: { jwtToken: string } }>(
          'mutation ($email: String!, $password: String!, $name: String!) { register(input: { email: $email, password: $password, name: $name }) { jwtToken } }',
          { email, password, name },
        );
        return result.register.jwtToken;
      },
      sql: async <R extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
        withClient(db.url, async (client) => (await client.query<R>(text, values)).rows),
      seed: () => withClient(db.url, seedDemoData),
      close: async () => {
        await running.close();
        await db.drop();
      },
    };
  } catch (error) {
    await server?.close();
    await db.drop();
    throw error;
  }
}

/** The user id inside a token the server issued (verified with the server's secret). */
export function userIdOf(stack: TestStack, token: string): string {
  const claims = verifyToken(token, stack.config.jwtSecret);
  if (!claims) throw new Error('The token does not verify with the server secret.');
  return claims.user_id;
}

/** Every table a request could write, to prove that a failed request wrote nothing. */
export const WRITABLE_TABLES = [
  'app_public.users',
  'app_private.user_secrets',
  'app_public.leads',
  'app_public.tasks',
  'app_public.comments',
  'app_public.notifications',
  'app_hidden.notification_receipts',
  'app_hidden.notification_watermarks',
  'app_private.user_events',
] as const;

/** Row count and a checksum of the contents of each writable table. */
export async function databaseState(stack: TestStack): Promise<Record<string, string>> {
  const [row] = await stack.sql<Record<string, string>>(
    `select ${WRITABLE_TABLES.map(
      (table) => `(select count(*) || ' rows, ' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from ${table} t) as "${table}"`,
    ).join(', ')}`,
  );
  return row!;
}
