/** Writes from outside the browser, the two ways the plan names: psql and curl. */
import type { Client } from 'pg';
import { DEMO_PASSWORD } from '@bellhop/db';

export interface NewLead {
  firstName: string;
  lastName: string;
  email?: string;
}

const emailFor = (lead: NewLead) =>
  lead.email ?? `${lead.firstName}.${lead.lastName}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, '');

/** As `psql -c "insert into app_public.leads …"` would: one committed statement, no API involved. */
export async function insertLeadWithSql(sql: Client, lead: NewLead): Promise<number> {
  const { rows } = await sql.query<{ id: number }>(
    'insert into app_public.leads (first_name, last_name, email) values ($1, $2, $3) returning id',
    [lead.firstName, lead.lastName, emailFor(lead)],
  );
  return rows[0]!.id;
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string }[];
}

/** As curl would: a plain HTTP POST to the API's /graphql. */
export async function graphql<T>(apiUrl: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(`GraphQL ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

export async function loginToken(apiUrl: string, email: string): Promise<string> {
  const data = await graphql<{ login: { jwtToken: string | null } }>(
    apiUrl,
    'mutation Login($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { jwtToken } }',
    { email, password: DEMO_PASSWORD },
  );
  if (!data.login.jwtToken) throw new Error(`Could not sign in as ${email}.`);
  return data.login.jwtToken;
}

export async function createLeadWithGraphQL(apiUrl: string, token: string, lead: NewLead): Promise<number> {
  const data = await graphql<{ createLead: { id: number } }>(
    apiUrl,
    `mutation CreateLead($firstName: String!, $lastName: String!, $email: String!) {
       createLead(input: { firstName: $firstName, lastName: $lastName, email: $email }) { id firstName lastName }
     }`,
    { firstName: lead.firstName, lastName: lead.lastName, email: emailFor(lead) },
    token,
  );
  return data.createLead.id;
}
