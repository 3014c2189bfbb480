/**
 * `subscription { notificationCreated { ... } }` for API clients that prefer
 * GraphQL over Socket.io. It is fed by this process's relay (the same
 * notifications the sockets get), so it adds no LISTEN connection and no
 * polling; each one is then selected as the subscriber, under their row-level
 * security, so `isRead` is theirs.
 */
import { gql, makeExtendSchemaPlugin } from 'graphile-utils';
import type { GraphQLResolveInfo } from 'graphql';
import type { NotificationPayload } from '@bellhop/contract';

/** The relay, as the subscription sees it: each notification, and whether it reaches a given user. */
export interface NotificationFeed {
  notifications(): AsyncGenerator<{ payload: NotificationPayload; reaches(userId: string): boolean }>;
}

/** Only what the subscriber's own sockets would get. */
async function* reaching(relay: NotificationFeed, userId: string): AsyncGenerator<NotificationPayload> {
  for await (const item of relay.notifications()) if (item.reaches(userId)) yield item.payload;
}

interface Context {
  jwtClaims?: { user_id?: unknown } | null;
}

interface GraphileResolveInfo extends GraphQLResolveInfo {
  graphile: {
    selectGraphQLResultFromTable(table: unknown, builder: (alias: unknown, queryBuilder: { where(fragment: unknown): void }) => void): Promise<unknown[]>;
  };
}

/** The schema always has the field; without a relay in this process, subscribing says so. */
export function makeNotificationCreatedPlugin(relay: NotificationFeed | null) {
  return makeExtendSchemaPlugin((build) => {
    const sql = build.pgSql as {
      fragment(strings: TemplateStringsArray, ...values: unknown[]): unknown;
      value(value: unknown): unknown;
    };
    return {
      typeDefs: gql`
        extend type Subscription {
          """
          A new notification, as Socket.io's notification:created delivers it. Sign in first (connectionParams { Authorization: "Bearer <jwt>" }).
          """
          notificationCreated: Notification!
        }
      `,
      resolvers: {
        Subscription: {
          notificationCreated: {
            subscribe: (_parent: unknown, _args: unknown, context: Context) => {
              const userId = context.jwtClaims?.user_id;
              if (typeof userId !== 'string') throw new Error('You must sign in first to subscribe to notifications.');
              if (!relay) throw new Error('Realtime is off in this process (RELAY=false): subscribe on a process that runs the relay.');
              return reaching(relay, userId);
            },
            resolve: async (notification: NotificationPayload, _args: unknown, _context: Context, info: GraphileResolveInfo) => {
              const [row] = await info.graphile.selectGraphQLResultFromTable(sql.fragment`app_public.notifications`, (alias, queryBuilder) => {
                queryBuilder.where(sql.fragment`${alias}.id = ${sql.value(notification.id)}`);
              });
              return row;
            },
          },
        },
      },
    };
  });
}
