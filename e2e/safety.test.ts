/**
 * The CRM's forms: the lead page produces the other three notification types, the API's
 * validation messages reach the form, and markup or SQL in a name is text everywhere it
 * appears, never code.
 */
import type { Page } from 'playwright-core';
import { insertLead, lead } from '@bellhop/testing';
import { toastsSeen } from './probes';
import { screenshot } from './screenshots';
import { useStack } from './stack';
import { LIVE_TIMEOUT_MS, historyItem, openCenter, toast, unreadCount, waitForUnread } from './ui';

const stack = useStack();

async function fillLeadForm(page: Page, lead: { firstName: string; lastName: string; email: string }): Promise<void> {
  const form = page.getByRole('form', { name: 'New lead' });
  await form.getByLabel('First name').fill(lead.firstName);
  await form.getByLabel('Last name').fill(lead.lastName);
  await form.getByLabel('Email').fill(lead.email);
  await form.getByRole('button', { name: 'Create lead' }).click();
}

/** The form clears itself on success; the next lead must not be typed before that. */
async function createLead(page: Page, lead: { firstName: string; lastName: string; email: string }): Promise<void> {
  await fillLeadForm(page, lead);
  await page.getByRole('status').filter({ hasText: `Created ${lead.firstName} ${lead.lastName}.` }).waitFor();
}

async function leadCount(): Promise<number> {
  const { rows } = await stack.sql.query<{ count: string }>('select count(*) from app_public.leads');
  return Number(rows[0]!.count);
}

describe('forms', () => {
  it('the lead page completes a task, comments and rescores, and a teammate who follows the lead sees each live', async () => {
    const leadId = await insertLead(stack.sql, lead('Katherine', 'Johnson'));
    // Only the people a lead concerns hear about it: the teammate follows it first.
    const teammate = await stack.openAs('teammate@example.com', `/leads/${leadId}`);
    await teammate.getByRole('button', { name: 'Follow', exact: true }).click();
    await teammate.getByRole('button', { name: 'Unfollow', exact: true }).waitFor();
    await teammate.getByText('You follow this lead: its tasks, score and comments notify you.').waitFor();
    const count = await unreadCount(teammate);
    const page = await stack.openAs('demo@example.com', `/leads/${leadId}`);
    await page.getByRole('heading', { name: 'Katherine Johnson', level: 1 }).waitFor();
    const seen = (message: string) => toast(teammate, message).waitFor({ timeout: LIVE_TIMEOUT_MS });

    await page.getByLabel('New task').fill('Send the launch window');
    await page.getByRole('button', { name: 'Add task' }).click();
    await page.getByRole('button', { name: 'Complete: Send the launch window' }).click();
    // Each message names who did it.
    await seen('Demo User completed "Send the launch window" for Katherine Johnson');
    const tasks = page.getByRole('region', { name: 'Tasks' });
    await tasks.getByRole('listitem').filter({ hasText: 'Send the launch window' }).getByText(/^Completed/).waitFor();

    await page.getByLabel('New comment').fill('Checked the trajectory twice.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await seen('Demo User commented on Katherine Johnson: Checked the trajectory twice.');
    // The teammate's open lead page shows it too, without a reload.
    await teammate.getByRole('region', { name: 'Comments' }).getByText('Checked the trajectory twice.').waitFor({ timeout: LIVE_TIMEOUT_MS });

    await page.getByLabel('Score').fill('88');
    await page.getByRole('button', { name: 'Save score' }).click();
    await page.getByRole('status').filter({ hasText: 'Score saved.' }).waitFor();
    await seen("Demo User changed Katherine Johnson's score from 0 to 88");

    await waitForUnread(teammate, count + 3);
    // The one who did all this is not told about it.
    expect(await toastsSeen(page, 'Katherine Johnson')).toEqual([]);
    await screenshot(page, 'lead');
  });

  it('shows the API’s validation error for a bad email, and creates nothing', async () => {
    const page = await stack.openAs('demo@example.com', '/leads');
    const leads = await leadCount();
    await fillLeadForm(page, { firstName: 'Bad', lastName: 'Email', email: 'not-an-email' });

    const alert = page.getByRole('form', { name: 'New lead' }).getByRole('alert');
    await stack.explainFailure(page, alert.waitFor());
    expect(await alert.textContent()).toBe('Email must be a valid email address, like name@example.com.');
    expect(await leadCount()).toBe(leads);

    // Corrected, the same form goes through and says so.
    await page.getByLabel('Email').fill('bad.email@example.com');
    await page.getByRole('button', { name: 'Create lead' }).click();
    await page.getByRole('status').filter({ hasText: 'Created Bad Email.' }).waitFor();
    await alert.waitFor({ state: 'detached' });
    expect(await leadCount()).toBe(leads + 1);
  });

});

describe('untrusted text', () => {
  it('shows names with HTML, script and SQL as literal text in the toast, the center and the lead page', async () => {
    const firstName = '<img src=x onerror=alert(1)>';
    const lastName = "Robert'); DROP TABLE leads;--";
    const name = `${firstName} ${lastName}`;
    const script = { firstName: '<script>alert("xss")</script>', lastName: '<b>Bold</b>' };

    const author = await stack.openAs('demo@example.com', '/leads');
    const watcher = await stack.openAs('teammate@example.com');
    const count = await unreadCount(watcher);

    await createLead(author, { firstName, lastName, email: 'bobby@example.com' });
    await createLead(author, { ...script, email: 'script@example.com' });

    await Promise.all(
      [author, watcher].flatMap((page) =>
        [`${name} added to pipeline`, `${script.firstName} ${script.lastName} added to pipeline`].map((message) =>
          toast(page, message).getByText(message, { exact: true }).waitFor({ timeout: LIVE_TIMEOUT_MS }),
        ),
      ),
    );
    await waitForUnread(watcher, count + 2);

    await openCenter(watcher);
    const item = historyItem(watcher, `${name} added to pipeline`);
    expect(await item.getByText(`${name} added to pipeline`, { exact: true }).count()).toBe(1);
    await item.getByRole('button', { name: /added to pipeline/ }).click();
    await watcher.getByRole('heading', { name, exact: true, level: 1 }).waitFor();

    // Not one element was made from the names, on any page; the table is still there.
    for (const page of [author, watcher]) {
      expect(await page.locator('img[src="x"], main b, main script, [data-sonner-toast] b, [data-sonner-toast] script').count()).toBe(0);
      const html = await page.content();
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).not.toContain('<img src=x');
    }
    expect(await leadCount()).toBeGreaterThan(0);
    const { rows } = await stack.sql.query<{ first_name: string; last_name: string }>(
      'select first_name, last_name from app_public.leads where email = $1',
      ['bobby@example.com'],
    );
    expect(rows).toEqual([{ first_name: firstName, last_name: lastName }]);
  });
});
