/**
 * register, login and the Bearer token, over HTTP.
 */
import jwt from 'jsonwebtoken';
import { databaseState, tokenFor, useStack } from '@bellhop/testing';

const SIGN_IN = 'You must sign in first: send "Authorization: Bearer <jwtToken>" from login or register.';

const stack = useStack();

test('register returns a jwtToken for the new account (HS256, audience and issuer bellhop, visitor role)', async () => {
  const token = await stack.register('new.user@example.com', 'New User', 'password123');
  const decoded = jwt.decode(token, { complete: true });
  expect(decoded?.header.alg).toBe('HS256');
  expect(decoded?.payload).toMatchObject({ role: 'bellhop_visitor', aud: 'bellhop', iss: 'bellhop', user_id: expect.any(String) });
  const { rows: [user] } = await stack.sql.query('select email::text, name from app_public.users where id = $1', [stack.userId(token)]);
  expect(user).toEqual({ email: 'new.user@example.com', name: 'New User' });
});

test('login returns a jwtToken for the same user, whatever the email case', async () => {
  const registered = await stack.register('case@example.com', 'Case', 'password123');
  const token = await stack.login('CASE@Example.com', 'password123');
  expect(stack.userId(token)).toBe(stack.userId(registered));
  const data = await stack.data<{ currentUser: { email: string; name: string } }>('{ currentUser { email name } }', {}, token);
  expect(data.currentUser).toEqual({ email: 'case@example.com', name: 'Case' });
});

test('login with a wrong password or an unknown email gets the same message and no token', async () => {
  await stack.register('known@example.com', 'Known', 'password123');
  const query = 'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { jwtToken } }';
  const wrongPassword = await stack.gql(query, { email: 'known@example.com', password: 'wrong-password' });
  const unknownEmail = await stack.gql(query, { email: 'nobody@example.com', password: 'password123' });
  for (const result of [wrongPassword, unknownEmail]) {
    expect(result.errors?.map((e) => e.message)).toEqual(['Incorrect email or password.']);
    expect(result.data?.login ?? null).toBeNull();
  }
});

test('anonymous callers get currentUser null and a sign-in message from the notification queries', async () => {
  expect(await stack.data('{ currentUser { id } }')).toEqual({ currentUser: null });
  for (const query of ['{ getNotifications { id } }', '{ getUnreadCount }']) {
    const result = await stack.gql(query);
    expect(result.errors?.map((e) => e.message)).toEqual([SIGN_IN]);
  }
});

test('a token signed with another secret, or expired, is refused and writes nothing', async () => {
  const real = await stack.register('victim@example.com', 'Victim', 'password123');
  const userId = stack.userId(real);
  const forged = tokenFor(userId, 'not-the-server-secret-not-the-server-secret');
  const expired = jwt.sign({ role: 'bellhop_visitor', user_id: userId, exp: Math.floor(Date.now() / 1000) - 60 }, stack.config.jwtSecret, {
    algorithm: 'HS256',
    audience: 'bellhop',
    issuer: 'bellhop',
  });
  const before = await databaseState(stack.sql);
  // Whatever is wrong with a token, the answer is the same: 401 and one message.
  for (const token of [forged, expired]) {
    const result = await stack.gql(
      'mutation { createLead(input: { firstName: "Forged", lastName: "Lead", email: "forged@example.com" }) { id } }',
      {},
      token,
    );
    expect(result.status).toBe(401);
    expect(result.errors?.map((e) => e.message)).toEqual(['invalid or expired token']);
    expect(result.data ?? null).toBeNull();
  }
  expect(await databaseState(stack.sql)).toEqual(before);
});

test('a token for another role is refused, so a client cannot pick its database role', async () => {
  const real = await stack.register('role@example.com', 'Role', 'password123');
  const token = jwt.sign({ role: 'postgres', user_id: stack.userId(real) }, stack.config.jwtSecret, {
    algorithm: 'HS256',
    audience: 'bellhop',
    issuer: 'bellhop',
    expiresIn: 60,
  });
  // Refused before any SQL runs: no 500, no database error, no stack trace.
  const result = await stack.gql('{ getUnreadCount }', {}, token);
  expect(result.status).toBe(401);
  expect(result.errors?.map((e) => e.message)).toEqual(['invalid or expired token']);
  expect(result.data?.getUnreadCount ?? null).toBeNull();
});
