/**
 * PostGraphile rejects a bad or expired JWT before running the query; the message
 * comes from jsonwebtoken. Such a token will never work again, so the app signs out.
 */
const JWT_ERRORS = /^(jwt expired|jwt malformed|invalid signature|invalid token|jwt must be provided|unauthorized)$/i;

export function isAuthFailureMessage(message: string): boolean {
  return JWT_ERRORS.test(message.trim());
}

export function isAuthFailureStatus(status: number | undefined): boolean {
  return status === 401;
}
