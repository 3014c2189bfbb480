/**
 * Notifications go to the people they concern (issue 13): a comment reaches the lead's
 * owner and whoever it @mentions, not its author and not a bystander; the center's
 * "For me" tab and type filter narrow the history; and each person's settings decide
 * what pops up and what arrives at all.
 */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@bellhop/db';
import { DEMO, TEAMMATE, addComment, commentAs, leadOwnedBy, marker, unreadCounts, userIdOf } from './actions';
import { toastsSeen, resetProbe } from './probes';
import { screenshot } from './screenshots';
import { useStack } from './stack';
import { bell, center, historyItem, historyItems, logLatency, openCenter, timeUntilVisible, toast, waitForUnread } from './ui';

const stack = useStack();
const THIRD = 'third.person@example.com';
/** The promise: the person concerned sees it within a second. */
const MENTION_TOAST_MS = 1_000;

beforeAll(async () => {
  await stack.api.register(THIRD, 'Third Person', DEMO_PASSWORD);
});

describe('who hears about a comment', () => {
  it('the owner, who is also @mentioned, gets one toast within a second; the author and a bystander get nothing', async () => {
    const leadId = await leadOwnedBy(stack, TEAMMATE, 'Mention', 'Target');
    const teammate = await stack.openAs(TEAMMATE);
    const third = await stack.openAs(THIRD);
    const demo = await stack.openAs(DEMO, `/leads/${leadId}`);
    const pages = [teammate, third, demo];
    const before = await unreadCounts(pages);
    await Promise.all(pages.map((page) => resetProbe(page)));

    const body = '@teammate@example.com could you call her back this week?';
    const start = Date.now();
    await addComment(demo, body);
    const message = `Demo User commented on Mention Target: ${body}`;
    logLatency('comment → mentioned owner: toast after', await timeUntilVisible(toast(teammate, message), start, 'The comment toast for the teammate', MENTION_TOAST_MS));

    await marker(stack, pages, 'Routing');
    expect(await toastsSeen(demo, 'commented on')).toEqual([]);
    expect(await toastsSeen(third, 'commented on')).toEqual([]);
    // Owner and mentioned: one notification, not two. The others count the marker only.
    await waitForUnread(teammate, before[0]! + 2);
    await waitForUnread(third, before[1]! + 1);
    await waitForUnread(demo, before[2]! + 1);
    expect(await toastsSeen(teammate, 'commented on')).toEqual([expect.stringContaining(message)]);
  });
});

describe('the notification center’s tabs and type filter', () => {
  it('"For me" lists what is addressed to the user, and the type filter keeps one type', async () => {
    const leadId = await leadOwnedBy(stack, TEAMMATE, 'Filter', 'Lead');
    await commentAs(stack, DEMO, leadId, 'Pricing sent, see the attachment.');
    const page = await stack.openAs(TEAMMATE);
    const dialog = await openCenter(page);
    const tabs = dialog.getByRole('tablist', { name: 'Whose notifications' });
    expect(await tabs.getByRole('tab', { name: 'All', selected: true }).count()).toBe(1);
    // "All" has the broadcasts too.
    await historyItem(page, 'Filter Lead added to pipeline').waitFor();

    await tabs.getByRole('tab', { name: 'For me' }).click();
    await tabs.getByRole('tab', { name: 'For me', selected: true }).waitFor();
    await historyItem(page, 'Filter Lead added to pipeline').waitFor({ state: 'detached' });
    const comment = historyItem(page, 'Demo User commented on Filter Lead: Pricing sent, see the attachment.');
    await comment.waitFor();
    await expectEveryItem(page, 'to you');
    expect(await historyItem(page, 'added to pipeline').count()).toBe(0);

    const type = dialog.getByLabel('Type', { exact: true });
    await type.selectOption({ label: 'Comments and mentions' });
    await historyItem(page, 'Filter Lead is now yours').waitFor({ state: 'detached' });
    await comment.waitFor();
    await expectEveryItem(page, 'commented on');

    // Back to "All" from the keyboard; the type still applies.
    await tabs.getByRole('tab', { name: 'For me' }).focus();
    await page.keyboard.press('ArrowRight');
    await tabs.getByRole('tab', { name: 'All', selected: true }).waitFor();
    await type.selectOption({ label: 'New leads' });
    await historyItem(page, 'Filter Lead added to pipeline').waitFor();
    await expectEveryItem(page, 'added to pipeline');
    await type.selectOption({ label: 'All types' });
    await comment.waitFor();
    await historyItem(page, 'Filter Lead added to pipeline').waitFor();
  });
});

async function expectEveryItem(page: Page, text: string): Promise<void> {
  const texts = await historyItems(page).allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.filter((t) => !t.includes(text))).toEqual([]);
}

/** Tabs through the settings page to the switch, then flips it with the space bar. */
async function toggleWithKeyboard(page: Page, type: string, name: 'Show in app' | 'Pop-up'): Promise<void> {
  const target = page.getByRole('group', { name: type }).getByRole('switch', { name });
  const was = await target.isChecked();
  const focused = () => target.evaluate((el) => el === el.ownerDocument.activeElement);
  for (let presses = 0; presses < 40 && !(await focused()); presses += 1) await page.keyboard.press('Tab');
  expect(await focused()).toBe(true);
  await page.keyboard.press('Space');
  await page.getByRole('group', { name: type }).getByRole('switch', { name, checked: !was }).waitFor();
  await page.getByRole('status').filter({ hasText: `Saved: ${type}.` }).waitFor();
}

async function setPreference(email: string, type: string, value: { inApp: boolean; toast: boolean }): Promise<void> {
  await stack.api.data(
    'mutation ($type: String!, $inApp: Boolean!, $toast: Boolean!) { updateNotificationPreference(type: $type, inApp: $inApp, toast: $toast) { type } }',
    { type, ...value },
    stack.api.token(await userIdOf(stack.sql, email)),
  );
}

/** Comments as demo and returns once a marker sent after it has reached both pages. */
async function commentThenMarker(demo: Page, teammate: Page, body: string, name: string): Promise<void> {
  await addComment(demo, body);
  await marker(stack, [demo, teammate], name);
}

describe('settings decide what arrives', () => {
  it('"Pop-up" off: listed and counted without a toast; "Show in app" off: not delivered at all', async () => {
    // As the seed leaves them (a retry starts from the same place).
    await setPreference(TEAMMATE, 'comment_added', { inApp: true, toast: true });
    const leadId = await leadOwnedBy(stack, TEAMMATE, 'Quiet', 'Please');
    const teammate = await stack.openAs(TEAMMATE, '/settings');
    await teammate.getByRole('heading', { name: 'Notification settings', level: 1 }).waitFor();
    const demo = await stack.openAs(DEMO, `/leads/${leadId}`);

    await toggleWithKeyboard(teammate, 'Comments and mentions', 'Pop-up');
    await screenshot(teammate, 'settings');
    let [count] = await unreadCounts([teammate]);
    await resetProbe(teammate);
    await commentThenMarker(demo, teammate, 'No pop-up for this one.', 'PopupOff');
    expect(await toastsSeen(teammate, 'commented on')).toEqual([]);
    await waitForUnread(teammate, count! + 2);
    await openCenter(teammate);
    await historyItem(teammate, 'Demo User commented on Quiet Please: No pop-up for this one.').waitFor();
    await bell(teammate).click();
    await center(teammate).waitFor({ state: 'hidden' });

    await toggleWithKeyboard(teammate, 'Comments and mentions', 'Show in app');
    // Greyed out: with nothing delivered there is nothing to pop up.
    expect(await teammate.getByRole('group', { name: 'Comments and mentions' }).getByRole('switch', { name: 'Pop-up' }).isDisabled()).toBe(true);
    // Switching "Show in app" reloads the list and count; wait for the page to agree with the API.
    await stack.ready(teammate);
    [count] = await unreadCounts([teammate]);
    await resetProbe(teammate);
    await commentThenMarker(demo, teammate, 'Nobody should hear this.', 'InAppOff');
    expect(await toastsSeen(teammate, 'commented on')).toEqual([]);
    await waitForUnread(teammate, count! + 1);
    await openCenter(teammate);
    await historyItem(teammate, 'Marker InAppOff added to pipeline').waitFor();
    expect(await historyItem(teammate, 'Nobody should hear this.').count()).toBe(0);
  });
});
