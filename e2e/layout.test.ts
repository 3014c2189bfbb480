/**
 * Layout under pressure (issue 12): toasts never sit on top of the header's controls or
 * the open center, and very long text (a 200-character name, a 10,000-character comment)
 * never makes a page wider than the window.
 */
import type { Locator, Page } from 'playwright-core';
import { insertLead, lead, waitUntil } from '@bellhop/testing';
import { DEMO, TEAMMATE, addComment, insertLeads, leadOwnedBy } from './actions';
import { VIEWPORT, useStack } from './stack';
import { LIVE_TIMEOUT_MS, center, historyItem, openCenter, toast } from './ui';

const stack = useStack();

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function boxOf(locator: Locator, what: string): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${what} is not on screen.`);
  return box;
}

/** Sonner's toasts on screen (it keeps those over its limit in the DOM, transparent). */
function visibleToasts(page: Page): Locator {
  return page.locator('[data-sonner-toast][data-visible="true"]:not([data-removed="true"])');
}

/** Until the toasts have slid and stacked into place: where they rest is what is checked. */
async function toastsAtRest(page: Page): Promise<void> {
  await waitUntil(
    () => visibleToasts(page).evaluateAll((toasts) => toasts.every((t) => t.getAnimations({ subtree: true }).length === 0)),
    () => 'the toasts to finish moving',
    5_000,
  );
}

/** Every visible toast against every control that must stay usable. */
async function expectToastsClear(page: Page, controls: Array<[string, Locator]>, moment: string): Promise<void> {
  await toastsAtRest(page);
  const toasts = await visibleToasts(page).all();
  expect(toasts.length).toBeGreaterThan(0);
  const covered: string[] = [];
  for (const [name, control] of controls) {
    const box = await boxOf(control, name);
    for (const [i, t] of toasts.entries()) if (overlaps(await boxOf(t, `toast ${i + 1}`), box)) covered.push(`toast ${i + 1} covers ${name}`);
  }
  expect({ moment, covered }).toEqual({ moment, covered: [] });
}

/** As narrow as a phone, then as wide as the test window (where the test goes on). */
const WIDTHS = [390, VIEWPORT.width];

/** The page is never wider than the window: no sideways scrolling, whatever the text. */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ ...VIEWPORT, width });
    await expectFits(page, `${where} at ${width} px`);
  }
}

async function expectFits(page: Page, where: string): Promise<void> {
  const widths = await page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect({ where, overflows: widths.scrollWidth > widths.clientWidth, ...widths }).toEqual({
    where,
    overflows: false,
    scrollWidth: expect.any(Number),
    clientWidth: expect.any(Number),
  });
}

describe('toasts', () => {
  it('never cover the bell, the user menu or the open center', async () => {
    // History enough to make the center as tall as it gets.
    await insertLeads(stack.sql, 'History', 30);
    const page = await stack.openAs(DEMO);
    await openCenter(page);
    // Three at once: as many single toasts as ever show together.
    for (const n of [1, 2, 3]) await insertLead(stack.sql, lead('Overlap', `Number${n}`));
    await Promise.all([1, 2, 3].map((n) => toast(page, `Overlap Number${n} added to pipeline`).waitFor({ timeout: LIVE_TIMEOUT_MS })));
    await historyItem(page, 'Overlap Number3 added to pipeline').waitFor();

    const header = page.getByRole('banner');
    const controls: Array<[string, Locator]> = [
      ['the bell', header.getByRole('button', { name: /^Notifications, / })],
      ['the connection indicator', header.getByTestId('connection-status')],
      ['the user name', header.getByText('Demo User', { exact: true })],
      ['the settings link', header.getByRole('link', { name: 'Settings' })],
      ['the sign-out button', header.getByRole('button', { name: 'Sign out' })],
      ['the open center', center(page)],
    ];
    await expectToastsClear(page, controls, 'stacked');
    // Pointing at them spreads them out: the tallest they get.
    await visibleToasts(page).first().hover();
    await page.locator('[data-sonner-toast][data-expanded="true"]').first().waitFor();
    await expectToastsClear(page, controls, 'expanded');
    expect(await center(page).isVisible()).toBe(true);
  });
});

describe('long text', () => {
  const firstName = 'Wolfeschlegelsteinhausenbergerdorff'.repeat(6).slice(0, 200);
  const body = `${'Supercalifragilistic'.repeat(250)} and then some words to finish. `.repeat(4).slice(0, 10_000);

  it('a 200-character name and a 10,000-character comment never make a page wider than the window', async () => {
    expect(firstName).toHaveLength(200);
    expect(body).toHaveLength(10_000);
    const leadId = await leadOwnedBy(stack, TEAMMATE, firstName, 'Long');
    const name = `${firstName} Long`;

    const demo = await stack.openAs(DEMO, '/leads');
    await demo.getByTestId('lead-name-cell').filter({ hasText: name }).waitFor();
    await expectNoSidewaysScroll(demo, 'the leads page');
    await demo.getByTestId('lead-name-cell').filter({ hasText: name }).click();
    await demo.getByRole('heading', { name, level: 1 }).waitFor();
    await expectNoSidewaysScroll(demo, 'the lead page');

    const owner = await stack.openAs(TEAMMATE);
    await addComment(demo, body);
    await expectNoSidewaysScroll(demo, 'the lead page with the comment');
    expect(demo.url()).toContain(`/leads/${leadId}`);

    // The owner's toast and center show the long name and comment, clipped.
    await toast(owner, 'Demo User commented on').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await expectNoSidewaysScroll(owner, 'the dashboard with the comment toast');
    await openCenter(owner);
    await historyItem(owner, 'Demo User commented on').first().waitFor();
    await expectNoSidewaysScroll(owner, 'the dashboard with the center open');
    await owner.goto(stack.url(`/leads/${leadId}`));
    await owner.getByRole('region', { name: 'Comments' }).getByText(body, { exact: true }).waitFor();
    await expectNoSidewaysScroll(owner, "the owner's lead page");
  });
});
