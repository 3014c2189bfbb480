/**
 * HTTP hardening: CORS only for configured origins, helmet headers, and no
 * stack traces or internals in production error responses.
 */
import type { RunningServer } from '@bellhop/server';
import { gql, postGraphql as post, tokenFor, useStack } from '@bellhop/testing';

jest.setTimeout(30_000);

const ALLOWED = 'https://crm.example.com';
const PRODUCTION_SECRET = 'a-production-secret-that-is-long-enough-0123456789';
/** What a stack trace or a source path looks like in a response body. */
const STACK_TRACE = /\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\/work\/|\/app\//;

const stack = useStack({ env: { CORS_ORIGINS: `${ALLOWED},http://localhost:5173` }, users: 1 });
let production: RunningServer;
let productionToken: string;

beforeAll(async () => {
  production = await stack.addServer({ env: { NODE_ENV: 'production', JWT_SECRET: PRODUCTION_SECRET, CORS_ORIGINS: ALLOWED } });
  productionToken = tokenFor(stack.accounts[0]!.id, PRODUCTION_SECRET);
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });

  test('a configured origin is allowed, for preflight and the request itself', async () => {
    const response = await preflight(stack.server.url, ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    const actual = await gql(stack.server.url, '{ __typename }', {}, undefined, { origin: ALLOWED });
    expect(actual.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });

  test.each(['https://evil.example', 'https://crm.example.com.evil.example', 'null'])('%s gets no CORS headers', async (origin) => {
    const response = await preflight(stack.server.url, origin);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const actual = await gql(stack.server.url, '{ __typename }', {}, undefined, { origin });
    expect(actual.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('the socket handshake follows the same list', async () => {
    const handshake = (origin: string) => fetch(`${stack.server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });
    expect((await handshake(ALLOWED)).headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect((await handshake('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  test('production allows no cross-origin caller unless CORS_ORIGINS names it', async () => {
    const response = await preflight(production.url, 'http://localhost:3000');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(production.url, ALLOWED)).headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });
});

describe('security headers', () => {
  test.each([
    ['/graphql (POST)', () => post(production.url, JSON.stringify({ query: '{ __typename }' })).then((r) => r.headers)],
    ['/healthz', () => fetch(`${production.url}/healthz`).then((r) => r.headers)],
  ])('%s carries helmet\'s headers and no X-Powered-By', async (_name, headersOf) => {
    const headers = await headersOf();
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(headers.get('x-powered-by')).toBeNull();
  });

  test('GraphiQL is off in production', async () => {
    const response = await fetch(`${production.url}/graphiql`);
    expect(response.status).toBe(404);
  });
});

describe('production errors', () => {
  const bad: Array<[string, () => Promise<{ status: number; text: string }>]> = [
    ['syntax error', () => gql(production.url, '{ getNotifications { id ')],
    ['unknown field', () => gql(production.url, '{ nope }')],
    ['invalid JSON', () => post(production.url, '{"query": ')],
    ['oversized body', () => post(production.url, JSON.stringify({ query: `{ __typename } #${'x'.repeat(150_000)}` }))],
    ['wrong password', () => gql(production.url, 'mutation { login(input: { email: "a@example.com", password: "x" }) { jwtToken } }')],
    ['database error (negative LIMIT)', () => gql(production.url, '{ getNotifications(first: -1) { id } }', {}, productionToken)],
    ['unknown id', () => gql(production.url, 'mutation { updateLeadScore(id: 1, score: 2147483647) { id } }', {}, productionToken)],
    ['wrong content type', () => post(production.url, 'query', { 'content-type': 'text/plain' })],
    ['bad JWT', () => gql(production.url, '{ getUnreadCount }', {}, 'not.a.jwt')],
    ['unknown route', () => fetch(`${production.url}/nope`).then(async (r) => ({ status: r.status, text: await r.text() }))],
  ];

  test.each(bad)('%s: a message, no stack trace or file path', async (_name, run) => {
    const { text } = await run();
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toMatch(STACK_TRACE);
    expect(text).not.toMatch(/"stack"|"locations".*node_modules/);
  });
});
