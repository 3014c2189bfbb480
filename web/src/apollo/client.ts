import { ApolloClient, ApolloLink, HttpLink, type NormalizedCacheObject } from '@apollo/client';
import { onError } from '@apollo/client/link/error';
import { createCache } from './cache';
import { isAuthFailureMessage, isAuthFailureStatus } from './authFailure';

interface Options {
  getToken: () => string | null;
  onUnauthorized: () => void;
}

export function createApolloClient({ getToken, onUnauthorized }: Options): ApolloClient<NormalizedCacheObject> {
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

  const signOutOnRejectedToken = onError(({ graphQLErrors, networkError }) => {
    const status = networkError && 'statusCode' in networkError ? networkError.statusCode : undefined;
    const networkMessages =
      networkError && 'result' in networkError && typeof networkError.result === 'object'
        ? ((networkError.result as { errors?: { message?: string }[] }).errors ?? []).map((e) => e.message ?? '')
        : [];
    const messages = [...(graphQLErrors ?? []).map((e) => e.message), ...networkMessages];
    if (getToken() && (isAuthFailureStatus(status) || messages.some(isAuthFailureMessage))) onUnauthorized();
  });

  return new ApolloClient({
    link: ApolloLink.from([signOutOnRejectedToken, auth, new HttpLink({ uri: '/graphql' })]),
    cache: createCache(),
  });
}
