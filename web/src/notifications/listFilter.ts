/**
 * Which notifications one getNotifications list holds. Each filter (tab, type, unread
 * only) is its own list in the Apollo cache; live events go into the lists they match.
 */
export interface NotificationFilter {
  /** Only those addressed to the user, not broadcasts. */
  forMe: boolean;
  /** null: every type. */
  types: string[] | null;
  unreadOnly: boolean;
}

export const ALL_NOTIFICATIONS: NotificationFilter = { forMe: false, types: null, unreadOnly: false };

export function normalizeFilter(args: Record<string, unknown> | null | undefined): NotificationFilter {
  const types = Array.isArray(args?.types) ? args.types.filter((t): t is string => typeof t === 'string') : [];
  return {
    forMe: args?.forMe === true,
    // Sorted, so the same choice in another order is the same list.
    types: types.length > 0 ? [...new Set(types)].sort() : null,
    unreadOnly: args?.unreadOnly === true,
  };
}

/** The cache key of a list: the same for every page of it, different for every filter. */
export function filterKey(args: Record<string, unknown> | null | undefined): string {
  return JSON.stringify(normalizeFilter(args));
}

/** The filter back from an Apollo store field name, `getNotifications:{…}` (see apollo/cache.ts). */
export function filterFromStoreFieldName(storeFieldName: string): NotificationFilter {
  const json = storeFieldName.slice(storeFieldName.indexOf(':') + 1);
  try {
    return normalizeFilter(JSON.parse(json) as Record<string, unknown>);
  } catch {
    return ALL_NOTIFICATIONS;
  }
}

export function keyFromStoreFieldName(storeFieldName: string): string {
  return JSON.stringify(filterFromStoreFieldName(storeFieldName));
}

export function matchesFilter(
  filter: NotificationFilter,
  n: { type: string; isRead?: boolean | null; recipientId?: string | null },
): boolean {
  if (filter.unreadOnly && n.isRead) return false;
  // A socket only receives what is for its user, so any recipient means "for me".
  if (filter.forMe && (n.recipientId ?? null) === null) return false;
  return filter.types === null || filter.types.includes(n.type);
}
