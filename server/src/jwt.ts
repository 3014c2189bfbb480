/**
 * One definition of what a valid token is, shared by PostGraphile (the API)
 * and the socket handshake, so neither can accept what the other refuses.
 */
import jwt from 'jsonwebtoken';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The claims of a valid token, or null for a missing, forged, expired or odd one. */
export function verifyToken(token: string | undefined, secret: string): Claims | null {
  if (!token) return null;
  try {
    const claims = jwt.verify(token, secret, jwtVerifyOptions);
    if (typeof claims !== 'object' || claims === null) return null;
    const { role, user_id: userId, exp } = claims as Partial<Claims>;
    if (role !== 'bellhop_visitor' || typeof userId !== 'string' || !UUID.test(userId) || typeof exp !== 'number') return null;
    return { role, user_id: userId, exp };
  } catch {
    return null;
  }
}

/** Signs a token exactly as the login function would; for tests and tools. */
export function signToken(userId: string, secret: string, expiresInSeconds = 3600): string {
  return jwt.sign({ role: 'bellhop_visitor', user_id: userId }, secret, {
    algorithm: 'HS256',
    audience: JWT_AUDIENCE,
    issuer: JWT_ISSUER,
    expiresIn: expiresInSeconds,
  });
}
