import { ApolloError } from '@apollo/client';

const UNREACHABLE = 'Cannot reach the server. Check your connection and try again.';

/** The API's own words when it has some: its messages are written for people. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApolloError) {
    const graphQLMessage = err.graphQLErrors[0]?.message;
    if (graphQLMessage) return graphQLMessage;
    const network = err.networkError;
    if (network && 'result' in network && typeof network.result === 'object' && network.result !== null) {
      const message = (network.result as { errors?: { message?: string }[] }).errors?.[0]?.message;
      if (message) return message;
    }
    if (network) return UNREACHABLE;
    return err.message;
  }
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong. Please try again.';
}
