/**
 * Raw HTTP for the security suite: status, headers and body exactly as a
 * client sees them (the relay helpers' graphql() throws on errors instead).
 */
import jwt from 'jsonwebtoken';
import { JWT_AUDIENCE, JWT_ISSUER } from '../../src/jwt';

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> } | null;
}

export async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  let json: RawResponse['json'] = null;
  try {
    json = JSON.parse(text) as RawResponse['json'];
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return post(url, JSON.stringify({ query, variables }), { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
}

export function messages(response: RawResponse): string[] {
  return (response.json?.errors ?? []).map((error) => error.message);
}

/** What a stack trace or a source path looks like in a response body. */
export const STACK_TRACE = /\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\/work\/|\/app\//;

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Tokens that must be refused everywhere: each would be accepted if one check were missing. */
export function badTokens(userId: string, secret: string): Array<[string, string]> {
  const claims = { role: 'bellhop_visitor', user_id: userId };
  const sign = (payload: object, options: jwt.SignOptions, key = secret) => jwt.sign(payload, key, { algorithm: 'HS256', ...options });
  const valid = { audience: JWT_AUDIENCE, issuer: JWT_ISSUER };
  return [
    ['forged (signed with another secret)', sign(claims, { ...valid, expiresIn: 3600 }, 'another-secret-that-is-long-enough-to-use')],
    ['expired', sign({ ...claims, exp: nowSeconds() - 60 }, valid)],
    ['alg: none', `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, aud: JWT_AUDIENCE, iss: JWT_ISSUER, exp: nowSeconds() + 3600 })}.`],
    ['wrong audience', sign(claims, { audience: 'postgraphile', issuer: JWT_ISSUER, expiresIn: 3600 })],
    ['wrong issuer', sign(claims, { audience: JWT_AUDIENCE, issuer: 'someone-else', expiresIn: 3600 })],
    ['tampered payload (user id swapped, old signature)', tamper(sign(claims, { ...valid, expiresIn: 3600 }))],
  ];
}

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  claims.user_id = '00000000-0000-4000-8000-000000000000';
  return `${header}.${base64url(claims)}.${signature}`;
}
