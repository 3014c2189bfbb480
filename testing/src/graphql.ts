/**
 * The one GraphQL-over-HTTP helper: a POST to <server>/graphql, as curl or
 * the web app sends it, and the response as a client sees it (status,
 * headers, the raw text and the parsed body). gqlData is the variant for
 * requests that must succeed: it throws on any GraphQL error.
 */
import type { NotificationPayload } from '@bellhop/contract';

export interface GqlError {
  message: string;
  extensions?: { code?: string };
}

export interface GqlBody<T> {
  data?: T | null;
  errors?: GqlError[];
}

export interface GqlResponse<T = Record<string, unknown>> extends GqlBody<T> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; null when it is not JSON. */
  json: GqlBody<T> | null;
}

export type Variables = Record<string, unknown>;

/** The Authorization header for a token, none without one. */
export const bearer = (token?: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** POSTs a raw body, byte for byte (e.g. a curl -d argument); headers may replace the JSON content type. */
export async function postGraphql<T = Record<string, unknown>>(baseUrl: string, body: string, headers: Record<string, string> = {}): Promise<GqlResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let json: GqlBody<T> | null;
  try {
    // Parsed here, not by fetch, so objects belong to this realm (Jest's toStrictEqual compares prototypes).
    json = JSON.parse(text) as GqlBody<T>;
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json, data: json?.data, errors: json?.errors };
}

/** POSTs a query and its variables; the token, if any, goes in "Authorization: Bearer". */
export function gql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Variables = {},
  token?: string | null,
  headers: Record<string, string> = {},
): Promise<GqlResponse<T>> {
  return postGraphql<T>(baseUrl, JSON.stringify({ query, variables }), { ...bearer(token), ...headers });
}

/** The data of a response that must have succeeded; throws with the errors otherwise. */
export function dataOf<T>(response: GqlResponse<T>, query = ''): T {
  if (response.status >= 400 || response.errors?.length || response.data == null) {
    const what = query ? ` for ${query.replace(/\s+/g, ' ').trim()}` : '';
    throw new Error(`GraphQL ${response.status}${what}: ${JSON.stringify(response.errors ?? response.text)}`);
  }
  return response.data;
}

/** Like gql, but fails on any GraphQL error and returns the data. */
export async function gqlData<T = Record<string, unknown>>(baseUrl: string, query: string, variables: Variables = {}, token?: string | null): Promise<T> {
  return dataOf(await gql<T>(baseUrl, query, variables, token), query);
}

/** The error messages of a response, in order. */
export function messages(response: GqlBody<unknown> | null | undefined): string[] {
  return (response?.errors ?? []).map((error) => error.message);
}

/** Every field of the socket payload (NotificationPayload), which the GraphQL Notification has too. */
export const NOTIFICATION_FIELDS = 'id type title message isRead relatedLeadId recipientId actorId createdAt updatedAt';

/**
 * The user's notifications, newest first: page after page of the most a
 * request may ask for (all of them, unless `pages` says how many).
 */
export async function getNotifications(baseUrl: string, token: string, { pages = Infinity } = {}): Promise<NotificationPayload[]> {
  const all: NotificationPayload[] = [];
  for (let page = 0; page < pages; page += 1) {
    const data = await gqlData<{ getNotifications: NotificationPayload[] }>(
      baseUrl,
      `query ($offset: Int!) { getNotifications(first: 100, offset: $offset) { ${NOTIFICATION_FIELDS} } }`,
      { offset: all.length },
      token,
    );
    all.push(...data.getNotifications);
    if (data.getNotifications.length < 100) break;
  }
  return all;
}
