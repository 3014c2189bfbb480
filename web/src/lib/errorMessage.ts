import { ApolloError } from '@apollo/client';

export const UNREACHABLE = "Can't reach the server. Check your connection and try again.";
export const UNAVAILABLE = 'The server is unavailable right now; try again in a moment.';
const EXPIRED = 'Your session has expired. Please sign in again.';
const GENERIC = 'Something went wrong. Please try again.';

/**
 * Words meant for developers, not for the person at the screen: socket errors, the
 * browser's fetch failures, parser complaints. They never reach the page.
 */
const TECHNICAL =
  /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|EAI_AGAIN|EPIPE)\b|socket hang up|failed to fetch|fetch failed|networkerror|network request failed|load failed|response not successful|unexpected token|is not valid json|terminating connection|connection terminated|getaddrinfo/i;

/** The message, or null when it is technical or empty. */
export function humane(message: string | undefined | null): string | null {
  const text = message?.trim();
  return text && !TECHNICAL.test(text) ? text : null;
}

function networkMessage(network: Error): string {
  const status = 'statusCode' in network && typeof network.statusCode === 'number' ? network.statusCode : undefined;
  if ('result' in network && typeof network.result === 'object' && network.result !== null) {
    const message = humane((network.result as { errors?: { message?: string }[] }).errors?.[0]?.message);
    if (message) return message;
  }
  if (status === 401) return EXPIRED;
  if (status !== undefined && status >= 500) return UNAVAILABLE;
  return UNREACHABLE;
}

/** The API's own words when it has some (its messages are written for people), else a plain explanation. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApolloError) {
    if (err.graphQLErrors.length > 0) return humane(err.graphQLErrors[0]?.message) ?? GENERIC;
    if (err.networkError) return networkMessage(err.networkError);
    return humane(err.message) ?? GENERIC;
  }
  if (err instanceof Error) return humane(err.message) ?? (err instanceof TypeError ? UNREACHABLE : GENERIC);
  return GENERIC;
}
