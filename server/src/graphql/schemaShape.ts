import { makeAddInflectorsPlugin, makeChangeNullabilityPlugin } from 'graphile-utils';

/**
 * PostGraphile 4 names a `@simpleCollections only` function `getNotificationsList`.
 * The API contract (and the seed's curl examples) call it `getNotifications`.
 */
export const PlainListNamesPlugin = makeAddInflectorsPlugin(
  {
    functionQueryNameList(this: { functionQueryName(proc: unknown): string; camelCase(s: string): string }, proc: { tags: Record<string, unknown> }) {
      return proc.tags.simpleCollections === 'only'
        ? this.functionQueryName(proc)
        : this.camelCase(`${this.functionQueryName(proc)}-list`);
    },
  },
  true,
);

/** The contract says these always answer (or error): `[Notification!]!` and `Int!`. */
export const NonNullResultsPlugin = makeChangeNullabilityPlugin({
  // false = "must not be null" in graphile-utils' terms.
  Query: { getNotifications: false, getUnreadCount: false, notificationPreferences: false },
});
