/**
 * The CRM over GraphQL, one call per mutation, as the web app sends them,
 * and named people to act: for the routing tests (who hears of what).
 *
 *   const api = crm(stack.server.url);
 *   const leadId = await api.createLead(carla.token);
 *   await api.addComment(carla.token, leadId, `@${owen.email} call her`);
 */
import type { Client } from 'pg';
import type { NotificationPayload } from '@bellhop/contract';
import { createUser } from './database';
import { NOTIFICATION_FIELDS, gql, gqlData, type GqlResponse } from './graphql';

/** A user with a known email and name, and a token the server accepts. */
export interface Person {
  id: string;
  email: string;
  name: string;
  token: string;
}

/** Creates one user per name (emails made unique), each with a token from sign. */
export async function createPeople(client: Client, names: string[], sign: (userId: string) => string): Promise<Person[]> {
  const people: Person[] = [];
  for (const name of names) {
    const email = `${name.toLowerCase().replace(/[^a-z0-9]/g, '')}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const id = await createUser(client, email, name);
    people.push({ id, email, name, token: sign(id) });
  }
  return people;
}

/** getNotifications arguments. */
export interface ListArgs {
  first?: number;
  offset?: number;
  unreadOnly?: boolean;
  forMe?: boolean;
  types?: string[];
}

export interface Preference {
  type: string;
  inApp: boolean;
  toast: boolean;
}

const LIST = `query ($first: Int, $offset: Int, $unreadOnly: Boolean, $forMe: Boolean, $types: [String!]) {
  getNotifications(first: $first, offset: $offset, unreadOnly: $unreadOnly, forMe: $forMe, types: $types) { ${NOTIFICATION_FIELDS} }
}`;

/** Every CRM call a routing test makes, each failing the test on any GraphQL error. */
export function crm(baseUrl: string) {
  const run = <T>(token: string, query: string, variables: Record<string, unknown> = {}) => gqlData<T>(baseUrl, query, variables, token);
  return {
    /** The raw response, for calls that are expected to fail. */
    raw: (token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse> => gql(baseUrl, query, variables, token),
    createLead: async (token: string, firstName = 'Ada', lastName = 'Lovelace'): Promise<number> => {
      const email = `lead-${Math.random().toString(36).slice(2)}@example.com`;
      const data = await run<{ createLead: { id: number } }>(
        token,
        'mutation ($f: String!, $l: String!, $e: String!) { createLead(input: { firstName: $f, lastName: $l, email: $e }) { id } }',
        { f: firstName, l: lastName, e: email },
      );
      return data.createLead.id;
    },
    assignLead: (token: string, leadId: number, ownerId: string) =>
      run(token, 'mutation ($id: Int!, $o: UUID!) { assignLead(id: $id, ownerId: $o) { id ownerId } }', { id: leadId, o: ownerId }),
    createTask: async (token: string, leadId: number, title = 'Call back', assigneeId: string | null = null): Promise<number> => {
      const data = await run<{ createTask: { id: number } }>(
        token,
        'mutation ($l: Int!, $t: String!, $a: UUID) { createTask(leadId: $l, title: $t, assigneeId: $a) { id } }',
        { l: leadId, t: title, a: assigneeId },
      );
      return data.createTask.id;
    },
    completeTask: (token: string, taskId: number) => run(token, 'mutation ($id: Int!) { completeTask(id: $id) { id } }', { id: taskId }),
    addComment: (token: string, leadId: number, body: string) =>
      run(token, 'mutation ($l: Int!, $b: String!) { addComment(leadId: $l, body: $b) { id } }', { l: leadId, b: body }),
    updateLeadScore: (token: string, leadId: number, score: number) =>
      run(token, 'mutation ($id: Int!, $s: Int!) { updateLeadScore(id: $id, score: $s) { id } }', { id: leadId, s: score }),
    followLead: (token: string, leadId: number) => run(token, 'mutation ($l: Int!) { followLead(leadId: $l) { id isFollowedByMe } }', { l: leadId }),
    unfollowLead: (token: string, leadId: number) => run(token, 'mutation ($l: Int!) { unfollowLead(leadId: $l) { id isFollowedByMe } }', { l: leadId }),
    isFollowedByMe: async (token: string, leadId: number): Promise<boolean | null> =>
      (await run<{ leadById: { isFollowedByMe: boolean | null } }>(token, 'query ($id: Int!) { leadById(id: $id) { isFollowedByMe } }', { id: leadId })).leadById
        .isFollowedByMe,
    setPreference: (token: string, type: string, inApp: boolean, toast: boolean) =>
      run<{ updateNotificationPreference: Preference }>(
        token,
        'mutation ($t: String!, $i: Boolean!, $o: Boolean!) { updateNotificationPreference(type: $t, inApp: $i, toast: $o) { type inApp toast } }',
        { t: type, i: inApp, o: toast },
      ),
    preferences: async (token: string): Promise<Preference[]> =>
      (await run<{ notificationPreferences: Preference[] }>(token, '{ notificationPreferences { type inApp toast } }')).notificationPreferences,
    /** One page of getNotifications. */
    list: async (token: string, args: ListArgs = {}): Promise<NotificationPayload[]> =>
      (await run<{ getNotifications: NotificationPayload[] }>(token, LIST, { ...args })).getNotifications,
    unreadCount: async (token: string): Promise<number> => (await run<{ getUnreadCount: number }>(token, '{ getUnreadCount }')).getUnreadCount,
  };
}

export type CrmApi = ReturnType<typeof crm>;
