/**
 * When things go wrong, the page says what happened in plain words (issue 12): a session
 * that ended says so on the login page, and an outage shows one banner instead of raw
 * network errors, then goes away by itself once the server is back.
 */
import type { Page } from 'playwright-core';
import { BAD_TOKENS } from '@bellhop/testing';
import { DEMO, userIdOf } from './actions';
import { useStack } from './stack';
import { bell, connectionStatus, openCenter, waitForConnection } from './ui';

const stack = useStack();
const EXPIRED = 'Your session has expired. Please sign in again.';
const OUTAGE = "Can't reach the server — retrying…";
/** What a proxy, the browser or a driver says; none of it is for the person at the screen. */
const RAW_ERROR =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up|Failed to fetch|fetch failed|NetworkError|Response not successful|Error occurred while trying to proxy|Bad Gateway|Gateway Time-?out|\bconnect\b|\b50[234]\b/i;

type Storage = { localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void } };

/** Puts a token where the app keeps its session (web/src/auth/tokenStore.ts). */
async function storeToken(page: Page, token: string): Promise<void> {
  await page.evaluate((value) => (globalThis as unknown as Storage).localStorage.setItem('bellhop.token', value), token);
}

async function storedToken(page: Page): Promise<string | null> {
  return page.evaluate(() => (globalThis as unknown as Storage).localStorage.getItem('bellhop.token'));
}

async function expectSessionExpired(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
  await page.getByRole('status').filter({ hasText: EXPIRED }).waitFor();
  expect(await page.getByText(EXPIRED, { exact: true }).count()).toBe(1);
  expect(await bell(page).count()).toBe(0);
  expect(await storedToken(page)).toBeNull();
}

const badToken = (name: string) => BAD_TOKENS.find(([label]) => label.startsWith(name))![1];

describe('a session that ended', () => {
  const cases: Array<[string, (userId: string) => string]> = [
    ['it expired while the app was closed', (userId) => badToken('expired')(userId, stack.api.config.jwtSecret)],
    ['the API refuses the token (signed with another key)', (userId) => badToken('forged')(userId, stack.api.config.jwtSecret)],
    ['the stored token is garbage', () => 'not-a-jwt'],
  ];

  it.each(cases)('%s: the login page says the session expired', async (_case, makeToken) => {
    // The API's 401 answers show in the console as failed loads.
    stack.allowConsoleErrors(/Failed to load resource: the server responded with a status of 401/);
    const page = await stack.openAs(DEMO);
    await storeToken(page, makeToken(await userIdOf(stack.sql, DEMO)));
    await page.reload();
    await expectSessionExpired(page);
  });

  it('it runs out while the page is open: the login page says so, and signing in again clears it', async () => {
    const page = await stack.openAs(DEMO);
    await storeToken(page, stack.api.token(await userIdOf(stack.sql, DEMO), 4));
    await page.reload();
    await bell(page).waitFor();
    await expectSessionExpired(page);

    await stack.signIn(DEMO, page);
    expect(await page.getByText(EXPIRED).count()).toBe(0);
    // Signing out by choice is not an expiry.
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByText(EXPIRED).count()).toBe(0);
  });
});

async function expectNoRawErrors(page: Page, moment: string): Promise<void> {
  const text = await page.locator('body').innerText();
  expect({ moment, raw: RAW_ERROR.exec(text)?.[0] ?? null }).toEqual({ moment, raw: null });
}

// Last: it stops the API.
describe('an outage', () => {
  it('shows one plain banner and no raw errors, and recovers by itself when the server is back', async () => {
    const page = await stack.openAs(DEMO, '/leads');
    // While the API is away, the browser's requests fail, and say so in the console.
    stack.allowConsoleErrors(/Failed to load resource|WebSocket connection to .* failed/);
    await stack.stopApi();
    await waitForConnection(page, 'reconnecting');

    // Moving on asks the API for data, which meets the outage.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const banner = page.getByText(OUTAGE, { exact: true });
    await banner.waitFor({ timeout: 10_000 });
    expect(await connectionStatus(page).getAttribute('data-state')).not.toBe('live');
    expect(await connectionStatus(page).textContent()).not.toBe('Live');
    await expectNoRawErrors(page, 'on the dashboard');
    await openCenter(page);
    await expectNoRawErrors(page, 'with the center open');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('heading', { name: 'Leads', level: 1 }).waitFor();
    await banner.waitFor();
    await expectNoRawErrors(page, 'on the leads page');

    await stack.startApi();
    await banner.waitFor({ state: 'hidden', timeout: 30_000 });
    await waitForConnection(page, 'live', 30_000);
    expect(await connectionStatus(page).textContent()).toBe('Live');
    // And the page works again: its data loads.
    await page.getByTestId('lead-row').first().waitFor();
    await expectNoRawErrors(page, 'after recovery');
  });
});
