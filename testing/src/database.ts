/**
 * Test databases. scripts/test.ts prepares one migrated template database
 * and passes it in the environment; every test file clones its own copy, so
 * files run in parallel and never see each other's rows.
 */
import crypto from 'node:crypto';
import { Client } from 'pg';
import { DEV_AUTHENTICATOR_PASSWORD, dropDatabase, quoteIdent, withClient, withDatabase } from '@bellhop/db';
import { useFixture } from './fixture';
import { Resources } from './resources';

export interface TestDatabase {
  name: string;
  /** Owner (superuser) connection to this database. */
  url: string;
  /** bellhop_authenticator connection, as the API uses. */
  authUrl: string;
  drop(): Promise<void>;
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with "npm test", which prepares the database.`);
  return value;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = requireEnv('TEST_ADMIN_URL');
  const template = requireEnv('TEST_TEMPLATE_DB');
  // Named after the run (the template's suffix), so a run sweeps only its own leftovers.
  const run = template.replace(/^bellhop_test_template_/, '');
  const name = `bellhop_test_${run}_${crypto.randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`));
  const url = withDatabase(adminUrl, name);
  const auth = new URL(url);
  auth.username = 'bellhop_authenticator';
  auth.password = DEV_AUTHENTICATOR_PASSWORD;
  // A slow drop (it waits for a checkpoint) must not fail the suite; npm test
  // sweeps leftover test databases at the end.
  const drop = () =>
    Promise.race([dropDatabase(adminUrl, name), new Promise<void>((resolve) => setTimeout(resolve, 15_000).unref())]).catch(() => undefined);
  return { name, url, authUrl: auth.toString(), drop };
}

/** A test database with an open owner connection, and whatever else a test opens on it. */
export interface DatabaseFixture extends TestDatabase {
  /** An owner (superuser) connection, autocommit, as a psql session would be. */
  sql: Client;
  /** Closed, last opened first, before the database is dropped. */
  resources: Resources;
  /** Another owner connection of its own. */
  pg(): Promise<Client>;
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<DatabaseFixture> {
  const db = await createTestDatabase();
  const resources = new Resources();
  const close = async () => {
    await resources.closeAll();
    await db.drop();
  };
  try {
    const sql = await resources.pg(db.url);
    return { ...db, sql, resources, pg: () => resources.pg(db.url), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** One test database for the calling file (or describe block), dropped after its last test. */
export function useTestDatabase(): DatabaseFixture {
  return useFixture('The test database', openTestDatabase, (db) => db.close());
}

/** Runs fn in a transaction as the owner, then rolls it back. */
export async function withRootDb<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    return await fn(client);
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}

/** Switches the open transaction to the API's visitor role for one user (null: anonymous). */
export async function actAs(client: Client, userId: string | null): Promise<void> {
  await client.query(`select set_config('role', 'bellhop_visitor', true), set_config('jwt.claims.user_id', $1, true)`, [userId ?? '']);
}

/** Back to the owner (superuser) inside the open transaction. */
export async function actAsOwner(client: Client): Promise<void> {
  await client.query(`reset role`);
  await client.query(`select set_config('jwt.claims.user_id', '', true)`);
}

/** Runs fn in a transaction as the API's visitor role for one user (or anonymous), then rolls it back. */
export async function withUserDb<T>(url: string, userId: string | null, fn: (client: Client) => Promise<T>): Promise<T> {
  return withRootDb(url, async (client) => {
    await actAs(client, userId);
    return fn(client);
  });
}

/** Runs fn in a transaction as the API's visitor role for one user, and commits it (rolls back if fn throws). */
export async function commitAs<T>(client: Client, userId: string, fn: (client: Client) => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    await actAs(client, userId);
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/** Creates a user (as register would) and returns its id. Commits unless run inside a transaction. */
export async function createUser(client: Client, email: string, name = 'Test User', password = 'password123'): Promise<string> {
  await client.query('select app_public.register($1, $2, $3)', [email, password, name]);
  const { rows } = await client.query<{ id: string }>('select id from app_public.users where email = $1', [email]);
  return rows[0]!.id;
}

/** Creates count users with unique emails; returns their ids. */
export async function createUsers(client: Client, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    ids.push(await createUser(client, `user-${i}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`, `User ${i}`));
  }
  return ids;
}
