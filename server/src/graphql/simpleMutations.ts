/**
 * The mutations the original plan names, in the plain shape it uses
 * (`createLead(input: {...}) { id firstName }`, `markAsRead(id: ...)`), rather
 * than PostGraphile's payload objects. Each one is a thin call to the SQL
 * function of the same name, which holds all the logic and the checks.
 */
import { makeExtendSchemaPlugin } from 'graphile-utils';
import type { GraphQLResolveInfo } from 'graphql';
import type { PoolClient } from 'pg';
import { SIMPLE_MUTATION_TYPE_DEFS } from './simpleMutationTypeDefs';

interface Context {
  pgClient: PoolClient;
}

type Args = Record<string, unknown> & { input?: Record<string, unknown> };

interface GraphileResolveInfo extends GraphQLResolveInfo {
  graphile: {
    selectGraphQLResultFromTable(table: unknown, builder: (alias: unknown, queryBuilder: { where(fragment: unknown): void }) => void): Promise<unknown[]>;
  };
}

interface SimpleMutation {
  /** The function in app_public. */
  fn: string;
  /** Its named parameters, each taken from the GraphQL arguments. */
  params: Record<string, (args: Args) => unknown>;
  /** The table whose row it returns (selected as GraphQL asked) and that table's key; none for a scalar result. */
  returns?: string;
  key?: string[];
}

const arg = (name: string) => (args: Args) => args[name];
const input = (name: string, fallback: unknown = undefined) => (args: Args) => args.input?.[name] ?? fallback;

export const SIMPLE_MUTATIONS: Record<string, SimpleMutation> = {
  createLead: {
    fn: 'create_lead',
    returns: 'leads',
    params: { first_name: input('firstName'), last_name: input('lastName'), email: input('email'), company: input('company', null) },
  },
  markAsRead: { fn: 'mark_as_read', returns: 'notifications', params: { id: arg('id') } },
  markAsUnread: { fn: 'mark_as_unread', returns: 'notifications', params: { id: arg('id') } },
  markAllAsRead: { fn: 'mark_all_as_read', params: {} },
  deleteNotification: { fn: 'delete_notification', params: { id: arg('id') } },
  createTask: { fn: 'create_task', returns: 'tasks', params: { lead_id: arg('leadId'), title: arg('title'), assignee_id: arg('assigneeId') } },
  assignTask: { fn: 'assign_task', returns: 'tasks', params: { id: arg('id'), assignee_id: arg('assigneeId') } },
  completeTask: { fn: 'complete_task', returns: 'tasks', params: { id: arg('id') } },
  addComment: { fn: 'add_comment', returns: 'comments', params: { lead_id: arg('leadId'), body: arg('body') } },
  updateLeadScore: { fn: 'update_lead_score', returns: 'leads', params: { id: arg('id'), score: arg('score') } },
  assignLead: { fn: 'assign_lead', returns: 'leads', params: { id: arg('id'), owner_id: arg('ownerId') } },
  followLead: { fn: 'follow_lead', returns: 'leads', params: { lead_id: arg('leadId') } },
  unfollowLead: { fn: 'unfollow_lead', returns: 'leads', params: { lead_id: arg('leadId') } },
  updateNotificationPreference: {
    fn: 'update_notification_preference',
    returns: 'notification_preferences',
    key: ['user_id', 'type'],
    params: { type: arg('type'), in_app: arg('inApp'), toast: arg('toast') },
  },
};

/** Runs one statement inside a savepoint so a failed mutation leaves nothing behind. */
async function inSavepoint<T>(pgClient: PoolClient, fn: () => Promise<T>): Promise<T> {
  await pgClient.query('savepoint bellhop_mutation');
  try {
    const result = await fn();
    await pgClient.query('release savepoint bellhop_mutation');
    return result;
  } catch (error) {
    await pgClient.query('rollback to savepoint bellhop_mutation');
    throw error;
  }
}

export const SimpleMutationsPlugin = makeExtendSchemaPlugin((build) => {
  const sql = build.pgSql as {
    fragment(strings: TemplateStringsArray, ...values: unknown[]): unknown;
    identifier(...names: string[]): unknown;
    value(value: unknown): unknown;
  };

  const resolver = ({ fn, params, returns, key = ['id'] }: SimpleMutation) =>
    async (_parent: unknown, args: Args, { pgClient }: Context, info: GraphileResolveInfo) => {
      const names = Object.keys(params);
      const call = `app_public.${fn}(${names.map((name, i) => `${name} => $${i + 1}`).join(', ')})`;
      const values = names.map((name) => params[name]!(args));
      const { rows } = await inSavepoint(pgClient, () =>
        pgClient.query<Record<string, unknown>>(returns ? `select ${key.map((k) => `r.${k}`).join(', ')} from ${call} r` : `select ${call} as result`, values),
      );
      if (!returns) return rows[0]?.result;
      // The function decides and checks; GraphQL then selects the row as the client asked for it.
      const [row] = await info.graphile.selectGraphQLResultFromTable(sql.identifier('app_public', returns), (alias, query) => {
        for (const column of key) query.where(sql.fragment`${alias}.${sql.identifier(column)} = ${sql.value(rows[0]?.[column])}`);
      });
      return row;
    };

  return {
    typeDefs: SIMPLE_MUTATION_TYPE_DEFS,
    resolvers: { Mutation: Object.fromEntries(Object.entries(SIMPLE_MUTATIONS).map(([field, mutation]) => [field, resolver(mutation)])) },
  };
});
