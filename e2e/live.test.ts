/**
 * The plan's headline: sign in, see the bell, and a lead created anywhere (psql, curl)
 * pops a toast and raises the badge, in every signed-in window.
 */
import type { Page } from 'playwright-core';
import { createLeadWithGraphQL, graphql, insertLeadWithSql, loginToken } from './data';
import { screenshot } from './screenshots';
import { VIEWPORT, useStack } from './stack';
import { bell, historyItems, logLatency, openCenter, timeUntilVisible, toast, unreadCount, waitForUnread } from './ui';

const stack = useStack();

async function expectLeadToast(page: Page, name: string, start: number, who: string): Promise<void> {
  const shown = toast(page, 'New Lead Created').filter({ hasText: `${name} added to pipeline` });
  logLatency(`${who}: toast after`, await timeUntilVisible(shown, start, `The toast for ${name} in ${who}'s window`));
}

describe('live notifications in the browser', () => {
  it('signs in with the labelled fields and shows the bell on the right of the header, before the user', async () => {
    const page = await (await stack().newContext()).newPage();
    await page.goto(stack().url('/dashboard'));
    // Not signed in: the app asks for it, and offers the demo account.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('complementary', { name: 'Demo account' }).getByText('demo@example.com').waitFor();

    await stack().signIn('demo@example.com', page.context());
    const dashboard = page.context().pages().at(-1)!;
    expect(new URL(dashboard.url()).pathname).toBe('/dashboard');
    await dashboard.getByRole('heading', { name: 'Welcome, Demo User' }).waitFor();

    const header = dashboard.getByRole('banner');
    const bellBox = await header.getByRole('button', { name: /^Notifications, / }).boundingBox();
    const userBox = await header.getByText('Demo User', { exact: true }).boundingBox();
    expect(bellBox && userBox).toBeTruthy();
    expect(bellBox!.x).toBeGreaterThan(VIEWPORT.width / 2);
    expect(bellBox!.x + bellBox!.width).toBeLessThanOrEqual(userBox!.x);

    // The count is the API's, and the badge shows it.
    const token = await loginToken(stack().api.url, 'demo@example.com');
    const { getUnreadCount } = await graphql<{ getUnreadCount: number }>(stack().api.url, '{ getUnreadCount }', {}, token);
    expect(getUnreadCount).toBeGreaterThan(0);
    expect(await unreadCount(dashboard)).toBe(getUnreadCount);
    expect(await dashboard.getByTestId('notification-badge').textContent()).toBe(String(getUnreadCount));
    await screenshot(dashboard, 'dashboard');
    await page.close();
  });

  it('a lead inserted with psql pops a toast and raises the badge by one', async () => {
    const page = await stack().openAs('demo@example.com');
    const before = await unreadCount(page);

    const start = Date.now();
    const leadId = await insertLeadWithSql(stack().sql, { firstName: 'Ada', lastName: 'Byron' });
    await expectLeadToast(page, 'Ada Byron', start, 'psql insert → demo');
    await screenshot(page, 'toast');
    await waitForUnread(page, before + 1);

    await openCenter(page);
    const newest = historyItems(page).first();
    expect(await newest.textContent()).toContain('Ada Byron added to pipeline');
    expect(leadId).toBeGreaterThan(0);
  });

  it('a lead created with a GraphQL POST (curl) pops a toast and raises the badge by one', async () => {
    const page = await stack().openAs('demo@example.com');
    const before = await unreadCount(page);
    const token = await loginToken(stack().api.url, 'teammate@example.com');

    const start = Date.now();
    await createLeadWithGraphQL(stack().api.url, token, { firstName: 'Charles', lastName: 'Babbage' });
    await expectLeadToast(page, 'Charles Babbage', start, 'GraphQL createLead → demo');
    await waitForUnread(page, before + 1);
  });

  it('two browsers signed in as different users receive the same notification', async () => {
    const demo = await stack().openAs('demo@example.com');
    const teammate = await stack().openAs('teammate@example.com');
    const counts = [await unreadCount(demo), await unreadCount(teammate)];

    const start = Date.now();
    await insertLeadWithSql(stack().sql, { firstName: 'Grace', lastName: 'Brewster' });
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
