/**
 * One definition of what a valid token is, shared by PostGraphile (the API)
 * and the socket handshake, so neither can accept what the other refuses.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { VISITOR_ROLE } from '@bellhop/db';

export const JWT_AUDIENCE = 'bellhop';
export const JWT_ISSUER = 'bellhop';

export const jwtVerifyOptions: jwt.VerifyOptions & { algorithms: jwt.Algorithm[] } = {
  algorithms: ['HS256'],
  audience: JWT_AUDIENCE,
  issuer: JWT_ISSUER,
};

export interface Claims {
  role: string;
  user_id: string;
  exp: number;
}

const keys = new Map<string, KeyObject>();

/**
 * The secret as a KeyObject, made once. Given a string, jsonwebtoken 9 first
 * tries to parse it as a PEM public key and fails, which costs about a
 * millisecond of CPU on every verify: the biggest cost of a small request.
 */
export function secretKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The claims of a valid token, or null for a missing, forged, expired or odd one. */
export function verifyToken(token: string | undefined, secret: string): Claims | null {
  if (!token) return null;
  try {
    const claims = jwt.verify(token, secretKey(secret), jwtVerifyOptions);
    if (typeof claims !== 'object' || claims === null) return null;
    const { role, user_id: userId, exp } = claims as Partial<Claims>;
    if (role !== VISITOR_ROLE || typeof userId !== 'string' || !UUID.test(userId) || typeof exp !== 'number') return null;
    return { role, user_id: userId, exp };
  } catch {
    return null;
  }
}

/** Signs a token exactly as the login function would; for tests and tools. */
export function signToken(userId: string, secret: string, expiresInSeconds = 3600): string {
  return jwt.sign({ role: VISITOR_ROLE, user_id: userId }, secret, {
    algorithm: 'HS256',
    audience: JWT_AUDIENCE,
    issuer: JWT_ISSUER,
    expiresIn: expiresInSeconds,
  });
}
