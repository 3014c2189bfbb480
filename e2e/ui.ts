/**
 * How a person finds things on the page: by role, name, label and text. Test ids only
 * where nothing a person sees names the element.
 */
import type { Locator, Page } from 'playwright-core';

/** Long enough for a loaded 2-core machine, short enough to see a 5 s toast before it hides. */
export const LIVE_TIMEOUT_MS = 4_000;

export function bell(page: Page): Locator {
  return page.getByRole('button', { name: /^Notifications, (no|\d+) unread$/ });
}

export function bellLabelFor(count: number): string {
  return count > 0 ? `Notifications, ${count} unread` : 'Notifications, no unread';
}

export async function unreadCount(page: Page): Promise<number> {
  const label = (await bell(page).getAttribute('aria-label')) ?? '';
  const match = /^Notifications, (\d+|no) unread$/.exec(label);
  if (!match) throw new Error(`The bell is named ${JSON.stringify(label)}, not "Notifications, N unread".`);
  return match[1] === 'no' ? 0 : Number(match[1]);
}

export async function waitForUnread(page: Page, count: number, timeout = LIVE_TIMEOUT_MS): Promise<void> {
  try {
    await page.getByRole('button', { name: bellLabelFor(count), exact: true }).waitFor({ timeout });
  } catch {
    throw new Error(`Expected the bell to say "${bellLabelFor(count)}", but it says "${await bell(page).getAttribute('aria-label')}".`);
  }
}

/** The live-updates indicator in the header; its state is not in its text alone, hence the test id. */
export function connectionStatus(page: Page): Locator {
  return page.getByTestId('connection-status');
}

export async function waitForConnection(page: Page, state: 'live' | 'reconnecting' | 'connecting' | 'offline', timeout = 10_000): Promise<void> {
  await page.locator(`[data-testid="connection-status"][data-state="${state}"]`).waitFor({ timeout });
}

/** A sonner toast (sonner marks each of its toasts with data-sonner-toast) showing text. */
export function toast(page: Page, text: string): Locator {
  return page.locator('[data-sonner-toast]').filter({ hasText: text });
}

export function center(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Notifications' });
}

export async function openCenter(page: Page): Promise<Locator> {
  const dialog = center(page);
  if (!(await dialog.isVisible())) await bell(page).click();
  await dialog.waitFor();
  await dialog.getByText('Loading notifications…').waitFor({ state: 'hidden' });
  return dialog;
}

/** The rows of the notification history, top to bottom. */
export function historyItems(page: Page): Locator {
  return center(page).getByRole('list', { name: 'Notification history' }).getByRole('listitem');
}

export function historyItem(page: Page, text: string): Locator {
  return historyItems(page).filter({ hasText: text });
}

/** Milliseconds from start until locator is visible; throws with what was awaited after timeout. */
export async function timeUntilVisible(locator: Locator, start: number, what: string, timeout = LIVE_TIMEOUT_MS): Promise<number> {
  try {
    await locator.first().waitFor({ timeout });
  } catch {
    throw new Error(`${what} did not appear within ${timeout} ms.`);
  }
  return Date.now() - start;
}

/** Latencies go to the run's output (never asserted: performance belongs in bench/). */
export function logLatency(what: string, ms: number): void {
  process.stdout.write(`[e2e latency] ${what}: ${ms} ms\n`);
}
