/**
 * Sign-up can be closed (SPEC "Accounts and sign-up"): with REGISTRATION=closed,
 * and by default under NODE_ENV=production, `register` answers with a clear
 * error and creates nothing. Operators still add users with
 * `npm run user:add`, and DBAs with app_private.create_user().
 */
import type { RunningServer } from '@bellhop/server';
import { databaseState, gql, messages, runScript, useStack, withUserDb, NODE_BIN_DIR } from '@bellhop/testing';

jest.setTimeout(120_000);

const CLOSED = 'Sign-up is closed on this server: ask an administrator to add your account.';
const REGISTER = 'mutation ($email: String!) { register(input: { email: $email, password: "password123", name: "Newcomer" }) { jwtToken } }';
const LOGIN = 'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { jwtToken } }';

const stack = useStack({ env: { REGISTRATION: 'closed', LOGIN_RATE_LIMIT: '1000' } });
let production: RunningServer;

beforeAll(async () => {
  production = await stack.addServer({ env: { NODE_ENV: 'production', RELAY: 'false', LOGIN_RATE_LIMIT: '1000' } });
});

const userAdd = (args: string[], input?: string) =>
  runScript('user-add.ts', args, { env: { PATH: `${NODE_BIN_DIR}:/usr/bin:/bin`, HOME: process.env.HOME, DATABASE_URL: stack.db.url }, input });

async function login(url: string, email: string, password: string) {
  return gql<{ login: { jwtToken: string | null } }>(url, LOGIN, { email, password });
}

describe('register is refused', () => {
  test.each([
    ['REGISTRATION=closed', () => stack.server.url],
    ['NODE_ENV=production (closed by default)', () => production.url],
  ])('%s: a clear error, and nothing is created', async (_name, url) => {
    const before = await databaseState(stack.sql);
    const response = await gql(url(), REGISTER, { email: `newcomer-${Date.now()}@example.com` });
    expect(messages(response)).toEqual([CLOSED]);
    expect(response.data?.register ?? null).toBeNull();
    expect(await databaseState(stack.sql)).toEqual(before);
  });

  test('the control: the same request on a server with REGISTRATION=open creates the account', async () => {
    const open = await stack.addServer({ env: { RELAY: 'false', REGISTRATION: 'open' } });
    const response = await gql<{ register: { jwtToken: string } }>(open.url, REGISTER, { email: `welcome-${Date.now()}@example.com` });
    expect(response.data?.register.jwtToken).toMatch(/^eyJ/);
  });
});

describe('npm run user:add', () => {
  test('with --email, --name and --password adds a user who can then sign in, while sign-up is closed', async () => {
    const email = `ana-${Date.now()}@example.com`;
    const result = await userAdd(['--email', email, '--name', 'Ana Admin', '--password', 'a-long-password']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(new RegExp(`\\[user:add\\] Added ${email.replace(/\./g, '\\.')} \\([0-9a-f-]{36}\\)\\. They can sign in now\\.`));
    const signedIn = await login(stack.server.url, email, 'a-long-password');
    expect(signedIn.data?.login.jwtToken).toMatch(/^eyJ/);
    const { rows } = await stack.sql.query('select name from app_public.users where email = $1', [email]);
    expect(rows).toEqual([{ name: 'Ana Admin' }]);
  });

  test('without --password reads it from stdin', async () => {
    const email = `piped-${Date.now()}@example.com`;
    const result = await userAdd(['--email', email, '--name', 'Piped'], 'piped-password\n');
    expect(result.code).toBe(0);
    expect((await login(stack.server.url, email, 'piped-password')).data?.login.jwtToken).toMatch(/^eyJ/);
  });

  test.each([
    ['an email that is taken', (email: string) => ['--email', email, '--name', 'Twin', '--password', 'a-long-password'], /An account with this email already exists/],
    ['a short password', () => ['--email', `short-${Date.now()}@example.com`, '--name', 'Short', '--password', 'short'], /at least 8 characters/],
    ['a malformed email', () => ['--email', 'not-an-email', '--name', 'Odd', '--password', 'a-long-password'], /not a valid email address/],
    ['no --name', () => ['--email', `noname-${Date.now()}@example.com`, '--password', 'a-long-password'], /Usage: npm run user:add -- --email/],
    ['an unknown option', () => ['--mail', 'x@example.com'], /Unknown argument "--mail"/],
  ])('%s: fails with a message and a non-zero exit code, adding nobody', async (_name, args, message) => {
    const taken = `taken-${Date.now()}@example.com`;
    await stack.sql.query(`select app_private.create_user($1, 'Taken', 'a-long-password')`, [taken]);
    const before = await databaseState(stack.sql);
    const result = await userAdd(args(taken));
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(message);
    expect(await databaseState(stack.sql)).toEqual(before);
  });
});

describe('app_private.create_user for DBAs', () => {
  test('adds a user who can sign in, whatever REGISTRATION says', async () => {
    const email = `dba-${Date.now()}@example.com`;
    const { rows } = await stack.sql.query<{ id: string }>(`select app_private.create_user($1, 'Dee Bea', 'a-long-password') as id`, [email]);
    expect(rows[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await login(production.url, email, 'a-long-password')).data?.login.jwtToken).toMatch(/^eyJ/);
  });

  test('is not callable by the API role', async () => {
    await withUserDb(stack.db.url, null, async (client) => {
      await expect(client.query(`select app_private.create_user('sneaky@example.com', 'Sneaky', 'a-long-password')`)).rejects.toThrow(
        /permission denied for schema app_private/,
      );
    });
  });
});
