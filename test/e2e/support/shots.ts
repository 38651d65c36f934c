/**
 * Screenshots of the procedure journeys, saved where they are looked at (/tmp/shots/<folder>/ unless
 * SHOTS_DIR says otherwise), and the checks every journey makes of a page: no sideways scrolling on a
 * phone, no serious accessibility violations.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { horizontalOverflow, seriousAxeViolations } from './browser.ts';

const ROOT = process.env.SHOTS_DIR ?? '/tmp/shots';

export async function snap(page: Page, folder: string, name: string, fullPage = true): Promise<string> {
  const dir = path.join(ROOT, folder);
  fs.mkdirSync(dir, { recursive: true });
  // From the top: a full-page shot of a scrolled page draws the sticky header across the middle.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(350); // let motion settle
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Collects serious axe violations into `axe`; on a phone, the page must not scroll sideways. */
export async function checkPage(page: Page, axe: string[], name: string, phone = false): Promise<void> {
  await page.waitForTimeout(500); // dialogs and toasts fade, or axe measures half-transparent text
  if (phone) expect({ name, overflow: await horizontalOverflow(page) }).toEqual({ name, overflow: 0 });
  for (const line of await seriousAxeViolations(page)) axe.push(`${name}: ${line}`);
}

/**
 * Visible text of the page's main region that should not be in a Chinese page: i18n keys shown raw
 * (`common.detail.back`) and English words (a label the page forgot to translate). Codes, digests, file
 * names and the timeline's actor (a user name) are left out; "Word" is what the button says in Chinese too.
 */
export async function foreignText(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const main = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
    if (!main) return '';
    // Data, not interface: codes, digests, file names, and the audit actor (the account's user name).
    main
      .querySelectorAll('.rc-digest, .rc-mono, .rc-proc-code, .rc-files, .ant-upload-list, .rc-progress-when')
      .forEach((e) => e.remove());
    return main.innerText;
  });
  const keys = text.match(/\b[a-z]+(?:[._][a-zA-Z]+){2,}\b/g) ?? [];
  const words = (text.match(/\b[A-Za-z]{4,}\b/g) ?? []).filter((w) => !['Word'].includes(w));
  return [...new Set([...keys, ...words])];
}
