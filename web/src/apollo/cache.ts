import { InMemoryCache, type FieldPolicy, type Reference } from '@apollo/client';

/**
 * Offset-paged lists are kept as one growing list per filter: a first page (offset 0)
 * replaces it, which is how a refresh after reconnecting drops anything stale; later
 * pages append, skipping ids already present because live inserts shift the offsets.
 */
function offsetList(keyArgs: string[]): FieldPolicy<Reference[]> {
  return {
    keyArgs,
    merge(existing, incoming, { args, readField }) {
      const offset = typeof args?.offset === 'number' ? args.offset : 0;
      if (offset === 0 || !existing) return incoming;
      const seen = new Set(existing.map((ref) => readField('id', ref)));
      return [...existing, ...incoming.filter((ref) => !seen.has(readField('id', ref)))];
    },
  };
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          getNotifications: offsetList(['unreadOnly']),
          allLeadsList: offsetList(['orderBy']),
        },
      },
    },
  });
}
