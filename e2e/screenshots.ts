/** Pictures of the key states for the README, rewritten by every run. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const DIR = path.resolve(__dirname, '..', 'docs', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(DIR, { recursive: true });
  // Finished animations: a toast mid-slide makes a poor picture.
  await page.screenshot({ path: path.join(DIR, `${name}.png`), animations: 'disabled' });
}
