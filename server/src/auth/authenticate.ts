/**
 * One answer to "who is this?", for HTTP requests and socket handshakes alike:
 * no token is anonymous; any token that is not a valid, unexpired token of an
 * existing user is refused, with one message whatever was wrong with it.
 */
import { verifyToken, type Claims } from './jwt';
import type { UserDirectory } from './users';

export const INVALID_TOKEN = 'invalid or expired token';

export type Identity = { kind: 'anonymous' } | { kind: 'user'; claims: Claims } | { kind: 'refused' };

/** The token in an Authorization header value ("Bearer <jwt>"), or null if the header is something else. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

export async function identify(token: string | null | undefined, secret: string, users: UserDirectory): Promise<Identity> {
  if (token === undefined) return { kind: 'anonymous' };
  const claims = token === null ? null : verifyToken(token, secret);
  if (!claims) return { kind: 'refused' };
  return (await users.exists(claims.user_id)) ? { kind: 'user', claims } : { kind: 'refused' };
}
