import { ApolloClient, ApolloLink, HttpLink, type NormalizedCacheObject } from '@apollo/client';
import { onError } from '@apollo/client/link/error';
import { createCache } from './cache';
import { isAuthFailure, isAuthFailureStatus, type ErrorLike } from './authFailure';
import { isOutage, isOutageError, serverStatus } from './serverStatus';

interface Options {
  getToken: () => string | null;
  onUnauthorized: () => void;
  /** For tests: what sends the request (the browser's fetch by default). */
  fetch?: typeof fetch;
}

/** The errors a failed HTTP response carried in its body, if it was GraphQL JSON. */
function bodyErrors(networkError: unknown): ErrorLike[] {
  if (!networkError || typeof networkError !== 'object' || !('result' in networkError)) return [];
  const result = networkError.result as { errors?: unknown } | null;
  return result && typeof result === 'object' && Array.isArray(result.errors) ? (result.errors as ErrorLike[]) : [];
}

export function createApolloClient({ getToken, onUnauthorized, fetch }: Options): ApolloClient<NormalizedCacheObject> {
  // Read per request, so signing in or out never needs a new client.
  const auth = new ApolloLink((operation, forward) => {
    const token = getToken();
    if (token) {
      operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, authorization: `Bearer ${token}` },
      }));
    }
    return forward(operation);
  });

  const watchFailures = onError(({ graphQLErrors, networkError }) => {
    const status = networkError && 'statusCode' in networkError ? networkError.statusCode : undefined;
    const errors: ErrorLike[] = [...(graphQLErrors ?? []), ...bodyErrors(networkError)];
    if (getToken() && (isAuthFailureStatus(status) || errors.some(isAuthFailure))) onUnauthorized();
    if (isOutage(status, errors, Boolean(networkError))) serverStatus.set('unavailable');
  });

  // Any answer that is not an outage means the server is back.
  const watchRecovery = new ApolloLink((operation, forward) =>
    forward(operation).map((result) => {
      if (!(result.errors ?? []).some(isOutageError)) serverStatus.set('ok');
      return result;
    }),
  );

  return new ApolloClient({
    link: ApolloLink.from([watchFailures, watchRecovery, auth, new HttpLink({ uri: '/graphql', fetch })]),
    cache: createCache(),
  });
}
