/**
 * Authentication: bad tokens are refused by the API and the socket alike,
 * sign-in is rate-limited and does not reveal which accounts exist, and
 * passwords are stored as bcrypt hashes with cost 10.
 */
import { UNAUTHORIZED } from '@bellhop/contract';
import type { RunningServer } from '@bellhop/server';
import { BAD_TOKENS, connectError, gql, messages, useStack } from '@bellhop/testing';

jest.setTimeout(30_000);

const stack = useStack({ env: { LOGIN_RATE_LIMIT: '1000' }, users: 1 });
const userId = () => stack.accounts[0]!.id;

const LOGIN = 'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { jwtToken } }';
const REGISTER = 'mutation ($email: String!, $name: String!) { register(input: { email: $email, password: "password123", name: $name }) { jwtToken } }';


describe('tokens that must not work', () => {
  // Names now (test titles), tokens at run time (they need the user and the secret).
  const names = BAD_TOKENS.map(([name]) => name);
  const token = (name: string) => BAD_TOKENS.find(([n]) => n === name)![1](userId(), stack.config.jwtSecret);

  test('a valid token works on both (the control)', async () => {
    const valid = stack.token(userId());
    const response = await gql(stack.server.url, '{ currentUser { id } }', {}, valid);
    expect(response.json).toEqual({ data: { currentUser: { id: userId() } } });
    const inbox = await stack.socket(valid);
    expect(inbox.socket.connected).toBe(true);
  });

  test.each(names)('%s: refused by the API with an error and no data', async (name) => {
    const response = await gql(stack.server.url, '{ currentUser { id } getUnreadCount }', {}, token(name));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.json?.data ?? null).toBeNull();
    expect(messages(response)).toHaveLength(1);
    // A mutation with the same token changes nothing either.
    const mutation = await gql(stack.server.url, 'mutation { markAllAsRead }', {}, token(name));
    expect(mutation.json?.data ?? null).toBeNull();
  });

  test.each(names)('%s: refused by the socket with "unauthorized"', async (name) => {
    expect((await connectError(stack.server.url, token(name))).message).toBe(UNAUTHORIZED);
    expect((await connectError(stack.server.url, null, { extraHeaders: { Authorization: `Bearer ${token(name)}` } })).message).toBe(UNAUTHORIZED);
  });

  test('nothing was written by the refused mutations', async () => {
    const { rows } = await stack.sql.query('select count(*)::int as n from app_private.user_events');
    expect(rows[0]).toEqual({ n: 0 });
  });
});

describe('sign-in', () => {
  const email = `known-${Date.now()}@example.com`;
  beforeAll(async () => {
    await stack.sql.query('select app_public.register($1, $2, $3)', [email, 'correct-password', 'Known User']);
  });

  test('a wrong password and an unknown email get the same answer', async () => {
    const wrongPassword = await gql(stack.server.url, LOGIN, { email, password: 'wrong-password' });
    const unknownEmail = await gql(stack.server.url, LOGIN, { email: `nobody-${Date.now()}@example.com`, password: 'wrong-password' });
    expect(wrongPassword.status).toBe(unknownEmail.status);
    expect(wrongPassword.json).toEqual(unknownEmail.json);
    expect(messages(wrongPassword)).toEqual(['Incorrect email or password.']);
    expect(wrongPassword.json?.errors?.[0]?.extensions?.code).toBe('28P01');
  });

  test('the right password signs in', async () => {
    const response = await gql(stack.server.url, LOGIN, { email: email.toUpperCase(), password: 'correct-password' });
    expect(response.json?.data?.login).toEqual({ jwtToken: expect.stringMatching(/^eyJ/) });
  });

  test('passwords are stored as bcrypt hashes with cost 10 (pgcrypto crypt + gen_salt(\'bf\', 10))', async () => {
    const { rows } = await stack.sql.query<{ password_hash: string }>(
      'select s.password_hash from app_private.user_secrets s join app_public.users u on u.id = s.user_id where u.email = $1',
      [email],
    );
    expect(rows[0]!.password_hash).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(rows[0]!.password_hash).not.toContain('correct-password');
  });

  test('the API role cannot read password hashes', async () => {
    const response = await gql(stack.server.url, '{ __type(name: "User") { fields { name } } }');
    const fields = (response.json?.data as { __type: { fields: Array<{ name: string }> } }).__type.fields.map((f) => f.name);
    expect(fields.some((name) => /password|hash|secret/i.test(name))).toBe(false);
  });
});

describe('rate limit on login and register', () => {
  let limited: RunningServer;
  beforeAll(async () => {
    limited = await stack.addServer({ env: { RELAY: 'false', LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '600' } });
  });

  test('the 4th attempt from one address within the window gets 429 and a clear message', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      statuses.push((await gql(limited.url, LOGIN, { email: 'demo@example.com', password: `guess-${attempt}` })).status);
    }
    const blocked = await gql(limited.url, LOGIN, { email: 'demo@example.com', password: 'guess-3' });
    expect(statuses).toEqual([200, 200, 200]);
    expect(blocked.status).toBe(429);
    expect(messages(blocked)).toEqual([expect.stringMatching(/^Too many sign-in attempts from your address\. Try again in \d+ seconds\.$/)]);
    expect(blocked.json?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('register counts against the same limit, and creates no account when refused', async () => {
    const email = `limited-${Date.now()}@example.com`;
    const blocked = await gql(limited.url, REGISTER, { email, name: 'Spammer' });
    expect(blocked.status).toBe(429);
    const { rows } = await stack.sql.query('select 1 from app_public.users where email = $1', [email]);
    expect(rows).toEqual([]);
  });

  test('other operations from that address are not limited', async () => {
    const token = stack.token(userId());
    const response = await gql(limited.url, '{ getUnreadCount }', {}, token);
    expect(response.status).toBe(200);
    expect(response.json?.data).toEqual({ getUnreadCount: expect.any(Number) });
  });

  test('behind a proxy named in TRUST_PROXY, another client address has its own budget', async () => {
    const proxied = await stack.addServer({ env: { RELAY: 'false', LOGIN_RATE_LIMIT: '1', TRUST_PROXY: 'loopback' } });
    const attempt = (address: string) => gql(proxied.url, LOGIN, { email: 'demo@example.com', password: 'guess' }, undefined, { 'x-forwarded-for': address });
    expect((await attempt('203.0.113.7')).status).toBe(200);
    expect((await attempt('203.0.113.7')).status).toBe(429);
    const other = await attempt('203.0.113.70');
    expect(other.status).toBe(200);
    expect(messages(other)).toEqual(['Incorrect email or password.']);
  });

  test('by default (TRUST_PROXY unset) a client cannot pick a fresh address with X-Forwarded-For', async () => {
    const strict = await stack.addServer({ env: { RELAY: 'false', LOGIN_RATE_LIMIT: '1' } });
    const first = await gql(strict.url, LOGIN, { email: 'demo@example.com', password: 'guess' }, undefined, { 'x-forwarded-for': '203.0.113.8' });
    const second = await gql(strict.url, LOGIN, { email: 'demo@example.com', password: 'guess' }, undefined, { 'x-forwarded-for': '203.0.113.9' });
    expect([first.status, second.status]).toEqual([200, 429]);
  });

  test('hiding login behind an alias or a fragment does not dodge the limit', async () => {
    const aliased = await gql(limited.url, 'mutation { signIn: login(input: { email: "demo@example.com", password: "x" }) { jwtToken } }');
    expect(aliased.status).toBe(429);
    const fragment = await gql(
      limited.url,
      'mutation M { ...F } fragment F on Mutation { login(input: { email: "demo@example.com", password: "x" }) { jwtToken } }',
    );
    expect(fragment.status).toBe(429);
  });
});
