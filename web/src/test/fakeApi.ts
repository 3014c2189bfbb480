import { ApolloClient, ApolloLink, Observable, type NormalizedCacheObject } from '@apollo/client';
import { GraphQLError } from 'graphql';
import { createCache } from '../apollo/cache';

export type Resolver = (variables: Record<string, unknown>) => unknown;

/**
 * An Apollo client whose "server" is a map from operation name to a function, so tests
 * can keep state between requests (unlike fixed MockedProvider responses).
 * A resolver that throws becomes a GraphQL error with that message.
 */
export function fakeApiClient(resolvers: Record<string, Resolver>): {
  client: ApolloClient<NormalizedCacheObject>;
  calls: { operationName: string; variables: Record<string, unknown> }[];
} {
  const calls: { operationName: string; variables: Record<string, unknown> }[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const resolver = resolvers[operation.operationName];
        calls.push({ operationName: operation.operationName, variables: operation.variables });
        setTimeout(() => {
          try {
            if (!resolver) throw new Error(`No fake resolver for ${operation.operationName}`);
            observer.next({ data: resolver(operation.variables) as Record<string, unknown> });
          } catch (err) {
            observer.next({ errors: [new GraphQLError(err instanceof Error ? err.message : String(err))] });
          }
          observer.complete();
        }, 0);
      }),
  );
  return { client: new ApolloClient({ link, cache: createCache() }), calls };
}
