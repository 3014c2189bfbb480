/**
 * The notification center: history newest first, opening a lead, read / unread / delete,
 * how it closes, and that all of it survives a reload and agrees across a user's tabs.
 */
import type { Locator, Page } from 'playwright-core';
import { insertLead, lead } from '@bellhop/testing';
import { insertLeads } from './actions';
import { screenshot } from './screenshots';
import { useStack } from './stack';
import {
  LIVE_TIMEOUT_MS,
  bell,
  center,
  historyItem,
  historyItems,
  openCenter,
  toast,
  unreadCount,
  waitForUnread,
} from './ui';

const stack = useStack();
const DEMO = 'demo@example.com';

/**
 * Clicks the page just left of the popup, level with its middle: a point that is truly
 * outside it (the center is tall enough to cover the page heading on its right).
 */
async function clickOutside(page: Page, popup: Locator): Promise<void> {
  const box = await popup.boundingBox();
  if (!box) throw new Error('The popup has no box: is it open?');
  const point = { x: box.x - 24, y: box.y + box.height / 2 };
  expect(point.x).toBeGreaterThan(0);
  const inside = await popup.evaluate((el, p) => el.contains(el.ownerDocument.elementFromPoint(p.x, p.y)), point);
  expect(inside).toBe(false);
  await page.mouse.click(point.x, point.y);
}

describe('notification center: history and actions', () => {
  it('lists the history newest first; a click opens the lead and marks it read', async () => {
    const ids: number[] = [];
    for (const lastName of ['First', 'Second', 'Third']) {
      ids.push(await insertLead(stack.sql, lead('Order', lastName)));
    }
    const page = await stack.openAs(DEMO);
    const before = await unreadCount(page);
    await openCenter(page);

    const texts = await historyItems(page).allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(6); // the seeded history is there too
    expect(texts.slice(0, 3).map((text) => /Order (\w+) added to pipeline/.exec(text)?.[1])).toEqual(['Third', 'Second', 'First']);
    const times = await historyItems(page).locator('time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime') ?? ''));
    expect(times.map((t) => Date.parse(t))).toEqual([...times].map((t) => Date.parse(t)).sort((a, b) => b - a));
    await screenshot(page, 'notification-center');

    const second = historyItem(page, 'Order Second added to pipeline');
    expect(await second.getByRole('button', { name: 'Mark as read: New Lead Created' }).count()).toBe(1);
    await second.getByRole('button', { name: /Order Second added to pipeline/ }).click();

    await page.waitForURL(`**/leads/${ids[1]}`);
    await page.getByRole('heading', { name: 'Order Second', level: 1 }).waitFor();
    await center(page).waitFor({ state: 'hidden' });
    await waitForUnread(page, before - 1);

    await openCenter(page);
    await historyItem(page, 'Order Second added to pipeline').getByRole('button', { name: 'Mark as unread: New Lead Created' }).waitFor();
  });

  it('marks read, unread and all as read, and deletes, from the center', async () => {
    await insertLead(stack.sql, lead('Actions', 'Lead'));
    const page = await stack.openAs(DEMO);
    await openCenter(page);
    const item = historyItem(page, 'Actions Lead added to pipeline');
    const count = await unreadCount(page);

    await item.getByRole('button', { name: 'Mark as read: New Lead Created' }).click();
    await waitForUnread(page, count - 1);
    await item.getByRole('button', { name: 'Mark as unread: New Lead Created' }).click();
    await waitForUnread(page, count);

    const rows = await historyItems(page).count();
    await item.getByRole('button', { name: 'Delete: New Lead Created' }).click();
    await item.waitFor({ state: 'detached' });
    expect(await historyItems(page).count()).toBe(rows - 1);
    await waitForUnread(page, count - 1); // it was unread

    await center(page).getByRole('button', { name: 'Mark all as read' }).click();
    await waitForUnread(page, 0);
    expect(await center(page).getByRole('button', { name: 'Mark all as read' }).isDisabled()).toBe(true);
    expect(await historyItems(page).getByRole('button', { name: /^Mark as read:/ }).count()).toBe(0);

    // All of it was the server's doing, not only the page's.
    await page.reload();
    await bell(page).waitFor();
    await waitForUnread(page, 0);
    await openCenter(page);
    expect(await historyItems(page).count()).toBe(rows - 1);
    expect(await historyItem(page, 'Actions Lead').count()).toBe(0);

    await historyItems(page).first().getByRole('button', { name: /^Mark as unread:/ }).click();
    await waitForUnread(page, 1);
  });

});

describe('notification center: closing it, and keeping it in step', () => {
  it('closes on Escape and on an outside click, and works from the keyboard', async () => {
    const page = await stack.openAs(DEMO);
    const button = bell(page);

    await button.focus();
    await page.keyboard.press('Enter');
    await center(page).waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await historyItems(page).first().locator(':focus').count()).toBe(1);
    await page.keyboard.press('Escape');
    await center(page).waitFor({ state: 'hidden' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe(await button.getAttribute('aria-label'));

    await button.click();
    await center(page).waitFor();
    await clickOutside(page, center(page));
    await center(page).waitFor({ state: 'hidden' });

    // The bell itself toggles; it is not an "outside" click that closes and reopens.
    await button.click();
    await center(page).waitFor();
    await button.click();
    await center(page).waitFor({ state: 'hidden' });
  });

  it('keeps history and count across a reload', async () => {
    await insertLead(stack.sql, lead('Reload', 'Survivor'));
    const page = await stack.openAs(DEMO);
    await openCenter(page);
    await historyItem(page, 'Reload Survivor added to pipeline').waitFor();
    const count = await unreadCount(page);
    const history = await historyItems(page).allTextContents();

    await page.reload();
    await bell(page).waitFor();
    await waitForUnread(page, count);
    await openCenter(page);
    await historyItem(page, 'Reload Survivor added to pipeline').waitFor();
    expect(await historyItems(page).allTextContents()).toEqual(history);
  });

  it('keeps two tabs of the same user in step for new, read, unread and deleted notifications', async () => {
    const first = await stack.openAs(DEMO);
    const second = await stack.newTab(first);
    const count = await unreadCount(first);
    expect(await unreadCount(second)).toBe(count);

    await insertLead(stack.sql, lead('Two', 'Tabs'));
    await Promise.all([first, second].map((tab) => toast(tab, 'Two Tabs added to pipeline').waitFor({ timeout: LIVE_TIMEOUT_MS })));
    await Promise.all([first, second].map((tab) => waitForUnread(tab, count + 1)));

    await openCenter(first);
    await openCenter(second);
    const inFirst = historyItem(first, 'Two Tabs added to pipeline');
    const inSecond = historyItem(second, 'Two Tabs added to pipeline');

    await inFirst.getByRole('button', { name: 'Mark as read: New Lead Created' }).click();
    await waitForUnread(second, count);
    await inSecond.getByRole('button', { name: 'Mark as unread: New Lead Created' }).waitFor({ timeout: LIVE_TIMEOUT_MS });

    await inSecond.getByRole('button', { name: 'Mark as unread: New Lead Created' }).click();
    await waitForUnread(first, count + 1);

    await inFirst.getByRole('button', { name: 'Delete: New Lead Created' }).click();
    await inSecond.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT_MS });
    await waitForUnread(second, count);
  });

});

// Last: it adds more history than one page holds.
describe('notification center: older history', () => {
  it('loads older history on demand', async () => {
    await insertLeads(stack.sql, 'Bulk', 25);
    const page = await stack.openAs(DEMO);
    const dialog = await openCenter(page);
    expect(await historyItems(page).count()).toBe(20);
    expect(await historyItem(page, 'Ada Lovelace added to pipeline').count()).toBe(0);

    const loadMore = dialog.getByRole('button', { name: 'Load more' });
    for (let pages = 0; (await loadMore.count()) > 0 && pages < 5; pages += 1) {
      const shown = await historyItems(page).count();
      await loadMore.click();
      await historyItems(page).nth(shown).waitFor();
    }
    // The oldest notification of all, from the seed, and every row once.
    await historyItem(page, 'Ada Lovelace added to pipeline').waitFor();
    const ids = await historyItems(page).evaluateAll((items) => items.map((item) => item.getAttribute('data-notification-id')));
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
