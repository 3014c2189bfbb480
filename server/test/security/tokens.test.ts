/**
 * One answer for every token that is not a valid, unexpired token of an
 * existing user (issue "Safe to expose"): HTTP 401 with exactly "invalid or
 * expired token" from the API, and connect_error "unauthorized" from the
 * socket handshake, whatever was wrong with it.
 */
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { UNAUTHORIZED } from '@bellhop/contract';
import { JWT_AUDIENCE, JWT_ISSUER } from '@bellhop/server';
import { connectError, createUser, gql, insertLeads, useStack, waitForAll, waitForBarrier, waitUntil, type Inbox } from '@bellhop/testing';

jest.setTimeout(120_000);

const stack = useStack({ users: 1 });
const userId = () => stack.accounts[0]!.id;
const REFUSED = { errors: [{ message: 'invalid or expired token', extensions: { code: 'UNAUTHENTICATED' } }] };

const sign = (payload: object, options: jwt.SignOptions = {}) =>
  jwt.sign(payload, stack.config.jwtSecret, { algorithm: 'HS256', audience: JWT_AUDIENCE, issuer: JWT_ISSUER, ...options });

/** Tokens signed with the right secret, audience and issuer, each wrong in one way. */
const TOKENS: Array<[string, () => string]> = [
  ['without exp', () => sign({ role: 'bellhop_visitor', user_id: userId() })],
  ['for a user that does not exist', () => stack.token(randomUUID())],
  ['with role bellhop_authenticator', () => sign({ role: 'bellhop_authenticator', user_id: userId() }, { expiresIn: 3600 })],
  ['with role postgres', () => sign({ role: 'postgres', user_id: userId() }, { expiresIn: 3600 })],
  ['with no role', () => sign({ user_id: userId() }, { expiresIn: 3600 })],
  ['with a user_id that is not a uuid', () => sign({ role: 'bellhop_visitor', user_id: "1' or '1'='1" }, { expiresIn: 3600 })],
];

/** Authorization header values that are not "Bearer <one token>". */
const HEADERS: Array<[string, () => string]> = [
  ['"Bearer" alone', () => 'Bearer'],
  ['"Bearer " and nothing', () => 'Bearer '],
  ['Basic credentials', () => 'Basic dXNlcjpwYXNzd29yZA=='],
  ['garbage', () => 'garbage'],
  ['an empty header', () => ''],
  ['two tokens', () => `Bearer ${stack.token(userId())} ${stack.token(userId())}`],
  ['a valid token without "Bearer"', () => stack.token(userId())],
];

async function apiAnswer(headers: Record<string, string>) {
  const response = await fetch(`${stack.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ currentUser { id } getUnreadCount }' }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

test('the control: a valid token works on the API and the socket', async () => {
  expect(await apiAnswer({ authorization: `Bearer ${stack.token(userId())}` })).toEqual({ status: 200, body: { data: { currentUser: { id: userId() }, getUnreadCount: 0 } } });
  expect((await stack.socket(stack.token(userId()))).socket.connected).toBe(true);
});

describe.each(TOKENS)('a token %s', (_name, token) => {
  test('gets 401 "invalid or expired token" from the API', async () => {
    expect(await apiAnswer({ authorization: `Bearer ${token()}` })).toEqual({ status: 401, body: REFUSED });
  });

  test('gets connect_error "unauthorized" from the socket, in auth and in the header', async () => {
    expect((await connectError(stack.server.url, token())).message).toBe(UNAUTHORIZED);
    expect((await connectError(stack.server.url, null, { extraHeaders: { Authorization: `Bearer ${token()}` } })).message).toBe(UNAUTHORIZED);
  });
});

describe.each(HEADERS)('an Authorization header with %s', (_name, header) => {
  test('gets 401 "invalid or expired token" from the API', async () => {
    expect(await apiAnswer({ authorization: header() })).toEqual({ status: 401, body: REFUSED });
  });

  test('gets connect_error "unauthorized" from the socket handshake', async () => {
    expect((await connectError(stack.server.url, null, { extraHeaders: { Authorization: header() } })).message).toBe(UNAUTHORIZED);
  });
});

describe('a deleted user', () => {
  test('whose token was never used: refused at once by the API and the socket', async () => {
    const id = await createUser(stack.sql, `gone-${Date.now()}@example.com`, 'Gone');
    const token = stack.token(id);
    await stack.sql.query('delete from app_public.users where id = $1', [id]);
    expect(await apiAnswer({ authorization: `Bearer ${token}` })).toEqual({ status: 401, body: REFUSED });
    expect((await connectError(stack.server.url, token)).message).toBe(UNAUTHORIZED);
  });
});

describe('a user deleted while signed in (their token was checked, so the check may be cached for the documented minute)', () => {
  let token: string;
  let open: Inbox;
  let watcher: Inbox;
  let refusedAfterMs: number;

  beforeAll(async () => {
    const id = await createUser(stack.sql, `leaver-${Date.now()}@example.com`, 'Leaver');
    token = stack.token(id);
    expect((await gql(stack.server.url, '{ getUnreadCount }', {}, token)).status).toBe(200);
    open = await stack.socket(token);
    watcher = await stack.socket(stack.token(userId()));
    await stack.sql.query('delete from app_public.users where id = $1', [id]);
    const deletedAt = Date.now();
    await waitUntil(async () => (await apiAnswer({ authorization: `Bearer ${token}` })).status === 401, () => 'the API to refuse the deleted user', 70_000);
    refusedAfterMs = Date.now() - deletedAt;
  }, 80_000);

  test('the API refuses their token within a minute', () => {
    expect(refusedAfterMs).toBeLessThan(62_000);
  });

  test('a new socket (a reconnect) is refused with "unauthorized"', async () => {
    expect((await connectError(stack.server.url, token)).message).toBe(UNAUTHORIZED);
  });

  test('the socket they still had open gets nothing more (or was disconnected)', async () => {
    const ids = await insertLeads(stack.sql, 1, 'AfterDeletion');
    await waitForAll([watcher], ids);
    // A second round trip on the watcher: anything emitted with the first has reached the other socket by now.
    await waitForBarrier(stack.sql, [watcher]);
    expect({ received: open.created.filter((n) => ids.includes(n.id)) }).toEqual({ received: [] });
  });
});
