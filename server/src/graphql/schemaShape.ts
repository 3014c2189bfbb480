import { makeAddInflectorsPlugin, makeChangeNullabilityPlugin } from 'graphile-utils';
import type { SchemaBuilder } from 'graphile-build';

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

/**
 * PostGraphile 4 types a `text[]` argument `[String]`; the contract says
 * `types: [String!]`, so a null in the list is refused before SQL sees it.
 */
export const NonNullTypeNamesPlugin = (builder: SchemaBuilder): void => {
  builder.hook('GraphQLObjectType:fields:field:args', (args, build, context) => {
    if (context.Self.name !== build.inflection.builtin('Query') || context.scope.fieldName !== 'getNotifications' || !args.types) return args;
    const { GraphQLList, GraphQLNonNull, GraphQLString } = build.graphql;
    return { ...args, types: { ...args.types, type: new GraphQLList(new GraphQLNonNull(GraphQLString)) } };
  });
};
