import { InMemoryCache, type FieldPolicy, type Reference } from '@apollo/client';
import { filterKey } from '../notifications/listFilter';

/**
 * Offset-paged lists are kept as one growing list per filter: a first page (offset 0)
 * replaces it, which is how a refresh after reconnecting drops anything stale; later
 * pages append, skipping ids already present because live inserts shift the offsets.
 */
function offsetList(keyArgs: FieldPolicy<Reference[]>['keyArgs']): FieldPolicy<Reference[]> {
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
          // A normalized key per filter, so live events can tell which lists they belong in.
          getNotifications: offsetList((args) => filterKey(args)),
          allLeadsList: offsetList(['orderBy']),
        },
      },
      // One per type for the signed-in user (the cache is cleared on sign-out), so a saved
      // preference updates the list every component reads.
      NotificationPreference: { keyFields: ['type'] },
      NotificationType: { keyFields: ['type'] },
    },
  });
}
