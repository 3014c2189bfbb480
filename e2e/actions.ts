/**
 * What the newer browser tests do again and again: look people up, write as a user, and
 * the marker lead that tells a test everything sent before it has arrived.
 */
import type { Page } from 'playwright-core';
import type { Client } from 'pg';
import { insertLead, lead } from '@bellhop/testing';
import type { Stack } from './stack';
import { LIVE_TIMEOUT_MS, toast, unreadCount } from './ui';

export const DEMO = 'demo@example.com';
export const TEAMMATE = 'teammate@example.com';

export async function userIdOf(sql: Client, email: string): Promise<string> {
  const { rows } = await sql.query<{ id: string }>('select id from app_public.users where email = $1', [email]);
  if (!rows[0]) throw new Error(`No user ${email}.`);
  return rows[0].id;
}

/** A lead owned by the user with that email, written as psql would; returns its id. */
export async function leadOwnedBy(stack: Stack, email: string, firstName: string, lastName: string): Promise<number> {
  return insertLead(stack.sql, { ...lead(firstName, lastName), owner_id: await userIdOf(stack.sql, email) });
}

/** `count` leads in one INSERT, as a bulk load from psql writes them. */
export async function insertLeads(sql: Client, firstName: string, count: number): Promise<void> {
  await sql.query(
    `insert into app_public.leads (first_name, last_name, email)
     select $1::text, 'Lead ' || i, lower($1::text) || '-' || i || '@example.com' from generate_series(1, $2::int) as i`,
    [firstName, count],
  );
}

/** Comments through the lead page's form and waits until the page lists it. */
export async function addComment(page: Page, body: string): Promise<void> {
  await page.getByLabel('New comment').fill(body);
  await page.getByRole('button', { name: 'Add comment' }).click();
  await page.getByRole('region', { name: 'Comments' }).getByText(body, { exact: true }).waitFor();
}

/** A comment written as email over GraphQL, as another client of the API would. */
export async function commentAs(stack: Stack, email: string, leadId: number, body: string): Promise<void> {
  await stack.api.data(
    'mutation ($leadId: Int!, $body: String!) { addComment(leadId: $leadId, body: $body) { id } }',
    { leadId, body },
    stack.api.token(await userIdOf(stack.sql, email)),
  );
}

/** The session token the web app keeps for the page's user (web/src/auth/tokenStore.ts). */
export async function pageToken(page: Page): Promise<string> {
  const { origins } = await page.context().storageState();
  const token = origins.flatMap((origin) => origin.localStorage).find((item) => item.name === 'bellhop.token')?.value;
  if (!token) throw new Error('The page has no session token: not signed in?');
  return token;
}

/** The page's user's unread count as the API counts it. */
export async function apiUnreadCount(stack: Stack, page: Page): Promise<number> {
  const { getUnreadCount } = await stack.api.data<{ getUnreadCount: number }>('{ getUnreadCount }', {}, await pageToken(page));
  return getUnreadCount;
}

/**
 * A lead inserted with psql, broadcast to everyone, once its toast is on every page.
 * Events reach a browser in commit order, so anything sent before it has arrived by then:
 * what has not popped up is not coming.
 */
export async function marker(stack: Stack, pages: Page[], name: string): Promise<void> {
  await insertLead(stack.sql, lead('Marker', name));
  await Promise.all(pages.map((page) => toast(page, `Marker ${name} added to pipeline`).waitFor({ timeout: LIVE_TIMEOUT_MS })));
}

export async function unreadCounts(pages: Page[]): Promise<number[]> {
  return Promise.all(pages.map((page) => unreadCount(page)));
}
