/**
 * The mutations the original plan names, in the plain shape it uses
 * (`createLead(input: {...}) { id firstName }`, `markAsRead(id: ...)`), rather
 * than PostGraphile's payload objects. Each one is a thin call to the SQL
 * function of the same name, which holds all the logic and the checks.
 */
import { gql, makeExtendSchemaPlugin } from 'graphile-utils';
import type { GraphQLResolveInfo } from 'graphql';
import type { PoolClient } from 'pg';

interface Context {
  pgClient: PoolClient;
}

type Args = Record<string, unknown> & { input?: Record<string, unknown> };

interface GraphileResolveInfo extends GraphQLResolveInfo {
  graphile: {
    selectGraphQLResultFromTable(table: unknown, builder: (alias: unknown, queryBuilder: { where(fragment: unknown): void }) => void): Promise<unknown[]>;
  };
}

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

  const call = (fn: string, params: string[], from: (args: Args) => unknown[]) =>
    async (_parent: unknown, args: Args, { pgClient }: Context) => {
      const placeholders = params.map((param, i) => `${param} => $${i + 1}`).join(', ');
      const { rows } = await inSavepoint(pgClient, () =>
        pgClient.query<{ result: unknown }>(`select app_public.${fn}(${placeholders}) as result`, from(args)),
      );
      return rows[0]?.result;
    };

  /** Calls a function that returns a table row, then selects the row the way GraphQL asked for it. */
  const returningRow = (fn: string, table: string, params: string[], from: (args: Args) => unknown[]) =>
    async (_parent: unknown, args: Args, { pgClient }: Context, info: GraphileResolveInfo) => {
      const placeholders = params.map((param, i) => `${param} => $${i + 1}`).join(', ');
      const { rows } = await inSavepoint(pgClient, () =>
        pgClient.query<{ id: unknown }>(`select (app_public.${fn}(${placeholders})).id as id`, from(args)),
      );
      const id = rows[0]?.id;
      const [row] = await info.graphile.selectGraphQLResultFromTable(sql.identifier('app_public', table), (alias, query) => {
        query.where(sql.fragment`${alias}.id = ${sql.value(id)}`);
      });
      return row;
    };

  return {
    typeDefs: gql`
      "The fields of a new lead."
      input CreateLeadInput {
        "First name; required."
        firstName: String!
        "Last name; required."
        lastName: String!
        "Contact email; must look like an email address."
        email: String!
        "Company, if known."
        company: String
      }

      extend type Mutation {
        "Adds a lead to the pipeline; everyone gets a lead_created notification."
        createLead(input: CreateLeadInput!): Lead!
        "Marks one notification as read for you."
        markAsRead(id: UUID!): Notification!
        "Marks one notification as unread for you."
        markAsUnread(id: UUID!): Notification!
        "Marks all your notifications as read, in one step whatever the history size."
        markAllAsRead: Boolean!
        "Hides a notification for you only; returns true."
        deleteNotification(id: UUID!): Boolean!
        "Adds an open task to a lead."
        createTask(leadId: Int!, title: String!): Task!
        "Completes a task; everyone gets a task_completed notification."
        completeTask(id: Int!): Task!
        "Adds a comment to a lead; everyone gets a comment_added notification."
        addComment(leadId: Int!, body: String!): Comment!
        "Sets a lead's activity score (0 to 100); everyone gets a score_updated notification."
        updateLeadScore(id: Int!, score: Int!): Lead!
      }
    `,
    resolvers: {
      Mutation: {
        createLead: returningRow('create_lead', 'leads', ['first_name', 'last_name', 'email', 'company'], ({ input = {} }) => [
          input.firstName,
          input.lastName,
          input.email,
          input.company ?? null,
        ]),
        markAsRead: returningRow('mark_as_read', 'notifications', ['id'], ({ id }) => [id]),
        markAsUnread: returningRow('mark_as_unread', 'notifications', ['id'], ({ id }) => [id]),
        markAllAsRead: call('mark_all_as_read', [], () => []),
        deleteNotification: call('delete_notification', ['id'], ({ id }) => [id]),
        createTask: returningRow('create_task', 'tasks', ['lead_id', 'title'], ({ leadId, title }) => [leadId, title]),
        completeTask: returningRow('complete_task', 'tasks', ['id'], ({ id }) => [id]),
        addComment: returningRow('add_comment', 'comments', ['lead_id', 'body'], ({ leadId, body }) => [leadId, body]),
        updateLeadScore: returningRow('update_lead_score', 'leads', ['id', 'score'], ({ id, score }) => [id, score]),
      },
    },
  };
});
