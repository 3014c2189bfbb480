/**
 * The header tells the person whether updates are live. When the API and relay go away
 * it says so; when they are back it says so, and what was missed meanwhile is there.
 */
import { insertLeadWithSql } from './data';
import { screenshot } from './screenshots';
import { useStack } from './stack';
import { bell, connectionStatus, historyItem, openCenter, unreadCount, waitForConnection, waitForUnread } from './ui';

const stack = useStack();

describe('connection state', () => {
  it('shows when live updates stop and resume, and catches up on what was missed', async () => {
    const page = await stack().openAs('demo@example.com');
    expect(await connectionStatus(page).textContent()).toBe('Live');
    expect(await connectionStatus(page).getAttribute('role')).toBe('status');
    const count = await unreadCount(page);

    // While the API is away, the browser's retries fail, and say so in the console.
    stack().allowConsoleErrors(/Failed to load resource|WebSocket connection to .* failed/);
    const port = stack().api.port;
    await stack().stopApi();
    await waitForConnection(page, 'reconnecting');
    expect(await connectionStatus(page).textContent()).toBe('Reconnecting…');
    await screenshot(page, 'reconnecting');

    await insertLeadWithSql(stack().sql, { firstName: 'Missed', lastName: 'Meanwhile' });
    await stack().startApi(port);
    await waitForConnection(page, 'live', 20_000);
    expect(await connectionStatus(page).textContent()).toBe('Live');
    await waitForUnread(page, count + 1);
    await openCenter(page);
    await historyItem(page, 'Missed Meanwhile added to pipeline').waitFor();
  });

  it('signing out ends live updates and signs out every tab', async () => {
    const page = await stack().openAs('demo@example.com');
    const other = await stack().newTab(page);
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    for (const tab of [page, other]) {
      await tab.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await bell(tab).count()).toBe(0);
    }
    await page.goto(stack().url('/dashboard'));
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });
});
