/**
 * Tokens: good ones as the server issues them, and bad ones that must be
 * refused everywhere (the API and the socket handshake alike).
 */
import jwt from 'jsonwebtoken';
import { JWT_AUDIENCE, JWT_ISSUER, signToken } from '@bellhop/server';

/** A token exactly as login would issue it. */
export const tokenFor = (userId: string, secret: string, expiresInSeconds = 3600): string => signToken(userId, secret, expiresInSeconds);

type MakeToken = (userId: string, secret: string) => string;

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);
const claims = (userId: string) => ({ role: 'bellhop_visitor', user_id: userId });
const valid = { audience: JWT_AUDIENCE, issuer: JWT_ISSUER };
const sign = (payload: object, secret: string, options: jwt.SignOptions) => jwt.sign(payload, secret, { algorithm: 'HS256', ...options });

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const changed = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  changed.user_id = '00000000-0000-4000-8000-000000000000';
  return `${header}.${base64url(changed)}.${signature}`;
}

/** Well-formed tokens that must be refused everywhere: each would be accepted if one check were missing. */
export const BAD_TOKENS: Array<[string, MakeToken]> = [
  ['forged (signed with another secret)', (id) => sign(claims(id), 'another-secret-that-is-long-enough-to-use', { ...valid, expiresIn: 3600 })],
  ['expired', (id, secret) => sign({ ...claims(id), exp: nowSeconds() - 60 }, secret, valid)],
  ['alg: none', (id) => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims(id), aud: JWT_AUDIENCE, iss: JWT_ISSUER, exp: nowSeconds() + 3600 })}.`],
  ['wrong audience', (id, secret) => sign(claims(id), secret, { audience: 'postgraphile', issuer: JWT_ISSUER, expiresIn: 3600 })],
  ['wrong issuer', (id, secret) => sign(claims(id), secret, { audience: JWT_AUDIENCE, issuer: 'someone-else', expiresIn: 3600 })],
  ['tampered payload (user id swapped, old signature)', (id, secret) => tamper(sign(claims(id), secret, { ...valid, expiresIn: 3600 }))],
];

/** More tokens a socket must refuse: not tokens at all, or signed right but with the wrong contents. */
export const ODD_TOKENS: Array<[string, MakeToken]> = [
  ['empty', () => ''],
  ['garbage', () => 'not-a-jwt'],
  ['HS512 instead of HS256', (id, secret) => sign(claims(id), secret, { ...valid, algorithm: 'HS512', expiresIn: 3600 })],
  ['wrong role', (id, secret) => sign({ ...claims(id), role: 'postgres' }, secret, { ...valid, expiresIn: 3600 })],
  ['no expiry', (id, secret) => sign(claims(id), secret, valid)],
];

/** BAD_TOKENS made for one user and secret, as [name, token]. */
export function badTokens(userId: string, secret: string): Array<[string, string]> {
  return BAD_TOKENS.map(([name, make]) => [name, make(userId, secret)]);
}
