/**
 * The API answers any bad or expired token with HTTP 401, code UNAUTHENTICATED and
 * "invalid or expired token"; older builds passed jsonwebtoken's own words through.
 * Such a token will never work again, so the app signs out.
 */
const JWT_ERRORS =
  /^(invalid or expired token|jwt expired|jwt malformed|invalid signature|invalid token|jwt must be provided|unauthorized)$/i;

export interface ErrorLike {
  message?: string;
  extensions?: { code?: unknown } | null;
}

export function isAuthFailureMessage(message: string): boolean {
  return JWT_ERRORS.test(message.trim());
}

export function isAuthFailure(error: ErrorLike): boolean {
  return error.extensions?.code === 'UNAUTHENTICATED' || isAuthFailureMessage(error.message ?? '');
}

export function isAuthFailureStatus(status: number | undefined): boolean {
  return status === 401;
}
