/**
 * The plan's headline: sign in, see the bell, and a lead created anywhere (psql, curl)
 * pops a toast and raises the badge, in every signed-in window. And the header says
 * whether that is happening: when the API and relay go away, and when they are back
 * with what was missed meanwhile.
 */
import type { Locator, Page } from 'playwright-core';
import { insertLead, lead } from '@bellhop/testing';
import { screenshot } from './screenshots';
import { VIEWPORT, useStack } from './stack';
import {
  bell,
  connectionStatus,
  historyItem,
  historyItems,
  logLatency,
  openCenter,
  timeUntilVisible,
  toast,
  unreadCount,
  waitForConnection,
  waitForUnread,
} from './ui';

const stack = useStack();

async function expectLeadToast(page: Page, name: string, start: number, who: string): Promise<Locator> {
  const shown = toast(page, 'New Lead Created').filter({ hasText: `${name} added to pipeline` });
  logLatency(`${who}: toast after`, await timeUntilVisible(shown, start, `The toast for ${name} in ${who}'s window`));
  return shown;
}

describe('live notifications in the browser', () => {
  it('signs in with the labelled fields and shows the bell on the right of the header, before the user', async () => {
    const page = await (await stack.newContext()).newPage();
    await page.goto(stack.url('/dashboard'));
    // Not signed in: the app asks for it, and offers the demo account.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('complementary', { name: 'Demo account' }).getByText('demo@example.com').waitFor();

    const dashboard = await stack.signIn('demo@example.com', page);
    expect(new URL(dashboard.url()).pathname).toBe('/dashboard');
    await dashboard.getByRole('heading', { name: 'Welcome, Demo User' }).waitFor();

    const header = dashboard.getByRole('banner');
    const bellBox = await header.getByRole('button', { name: /^Notifications, / }).boundingBox();
    const userBox = await header.getByText('Demo User', { exact: true }).boundingBox();
    expect(bellBox && userBox).toBeTruthy();
    expect(bellBox!.x).toBeGreaterThan(VIEWPORT.width / 2);
    expect(bellBox!.x + bellBox!.width).toBeLessThanOrEqual(userBox!.x);

    // The count is the API's, and the badge shows it.
    const token = await stack.api.login('demo@example.com');
    const { getUnreadCount } = await stack.api.data<{ getUnreadCount: number }>('{ getUnreadCount }', {}, token);
    expect(getUnreadCount).toBeGreaterThan(0);
    expect(await unreadCount(dashboard)).toBe(getUnreadCount);
    expect(await dashboard.getByTestId('notification-badge').textContent()).toBe(String(getUnreadCount));
    await screenshot(dashboard, 'dashboard');
  });

});

describe('live notifications from outside the browser', () => {
  it('a lead inserted with psql pops a toast and raises the badge by one', async () => {
    const page = await stack.openAs('demo@example.com');
    const before = await unreadCount(page);

    const start = Date.now();
    const leadId = await insertLead(stack.sql, lead('Ada', 'Byron'));
    const shown = await expectLeadToast(page, 'Ada Byron', start, 'psql insert → demo');
    await screenshot(page, 'toast');
    await waitForUnread(page, before + 1);
    // It goes away by itself (after 5 s), and the bell keeps the count.
    await shown.waitFor({ state: 'hidden', timeout: 10_000 });
    await waitForUnread(page, before + 1);

    await openCenter(page);
    const newest = historyItems(page).first();
    expect(await newest.textContent()).toContain('Ada Byron added to pipeline');
    expect(leadId).toBeGreaterThan(0);
  });

  it('a lead created with a GraphQL POST (curl) pops a toast and raises the badge by one', async () => {
    const page = await stack.openAs('demo@example.com');
    const before = await unreadCount(page);
    const token = await stack.api.login('teammate@example.com');

    const start = Date.now();
    await stack.api.data(
      'mutation CreateLead($firstName: String!, $lastName: String!, $email: String!) { createLead(input: { firstName: $firstName, lastName: $lastName, email: $email }) { id } }',
      { firstName: 'Charles', lastName: 'Babbage', email: 'charles.babbage@example.com' },
      token,
    );
    await expectLeadToast(page, 'Charles Babbage', start, 'GraphQL createLead → demo');
    await waitForUnread(page, before + 1);
  });

  it('two browsers signed in as different users receive the same notification', async () => {
    const demo = await stack.openAs('demo@example.com');
    const teammate = await stack.openAs('teammate@example.com');
    const counts = [await unreadCount(demo), await unreadCount(teammate)];

    const start = Date.now();
    await insertLead(stack.sql, lead('Grace', 'Brewster'));
    await Promise.all([
      expectLeadToast(demo, 'Grace Brewster', start, 'psql insert → demo (two users)'),
      expectLeadToast(teammate, 'Grace Brewster', start, 'psql insert → teammate (two users)'),
    ]);
    await waitForUnread(demo, counts[0]! + 1);
    await waitForUnread(teammate, counts[1]! + 1);

    // The very same notification, not two look-alikes.
    const ids = await Promise.all(
      [demo, teammate].map(async (page) => {
        await openCenter(page);
        const newest = historyItems(page).first();
        expect(await newest.textContent()).toContain('Grace Brewster added to pipeline');
        return newest.getAttribute('data-notification-id');
      }),
    );
    expect(ids[0]).toBeTruthy();
    expect(ids[1]).toBe(ids[0]);
    expect(await bell(demo).getAttribute('aria-expanded')).toBe('true');
  });
});

// Last: these stop the API and sign out.
describe('connection state', () => {
  it('shows when live updates stop and resume, and catches up on what was missed', async () => {
    const page = await stack.openAs('demo@example.com');
    expect(await connectionStatus(page).textContent()).toBe('Live');
    expect(await connectionStatus(page).getAttribute('role')).toBe('status');
    const count = await unreadCount(page);

    // While the API is away, the browser's retries fail, and say so in the console.
    stack.allowConsoleErrors(/Failed to load resource|WebSocket connection to .* failed/);
    await stack.stopApi();
    await waitForConnection(page, 'reconnecting');
    expect(await connectionStatus(page).textContent()).toBe('Reconnecting…');
    await screenshot(page, 'reconnecting');

    await insertLead(stack.sql, lead('Missed', 'Meanwhile'));
    await stack.startApi();
    await waitForConnection(page, 'live', 20_000);
    expect(await connectionStatus(page).textContent()).toBe('Live');
    await waitForUnread(page, count + 1);
    await openCenter(page);
    await historyItem(page, 'Missed Meanwhile added to pipeline').waitFor();
  });

  it('signing out ends live updates and signs out every tab', async () => {
    const page = await stack.openAs('demo@example.com');
    const other = await stack.newTab(page);
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    for (const tab of [page, other]) {
      await tab.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await bell(tab).count()).toBe(0);
    }
    await page.goto(stack.url('/dashboard'));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });
});
