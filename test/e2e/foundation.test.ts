/**
 * The foundation in the browser, at desktop and phone width: the administrator signs in, sees the
 * roster, and previews a roster file with broken rows — the page lists exactly those rows. No console
 * errors anywhere.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRosterFixtures, type RosterFixtures } from '../../src/roster/demo-fixtures.ts';
import {
  horizontalOverflow,
  newUserPage,
  shot,
  signInAs,
  startHarness,
  type Harness,
  type ViewportName,
} from './support/browser.ts';

let h: Harness;
let fixtures: RosterFixtures;
let brokenFile: string;

beforeAll(async () => {
  h = await startHarness();
  fixtures = await buildRosterFixtures();
  brokenFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-e2e-')), 'roster-broken.xlsx');
  fs.writeFileSync(brokenFile, fixtures.files['roster-broken.xlsx']);
}, 180_000);

afterAll(async () => {
  await h?.close();
  if (brokenFile) fs.rmSync(path.dirname(brokenFile), { recursive: true, force: true });
});

describe.each<ViewportName>(['desktop', 'phone'])('admin at %s width', (viewport) => {
  it('signs in, sees the roster, and sees exactly the broken rows of an import', async () => {
    const page = await newUserPage(h, viewport, `admin/${viewport}`);
    await signInAs(page, h.baseUrl, 'admin');
    await shot(page, 'e2e-foundation', `${viewport}-01-home`);

    await page.goto(`${h.baseUrl}/cadres`);
    const rows =
      viewport === 'phone'
        ? page.locator('[data-testid=roster-cards] li')
        : page.locator('[data-testid=roster-table] tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(5);
    if (viewport === 'phone') expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, 'e2e-foundation', `${viewport}-02-roster`, false);

    await page.goto(`${h.baseUrl}/cadres/import`);
    await page.locator('input[type=file]').setInputFiles(brokenFile);
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-errors').waitFor({ timeout: 60_000 });
    const expected = fixtures.expectedErrors['roster-broken.xlsx'].map((e) => e.row).sort((a, b) => a - b);
    const shown =
      viewport === 'phone'
        ? await page.locator('.rc-error-card-head').allTextContents()
        : await page
            .locator('[data-testid=import-error-table] tbody tr.ant-table-row td:first-child')
            .allTextContents();
    const shownRows = shown.map((text) => Number(/\d+/.exec(text)?.[0])).sort((a, b) => a - b);
    expect(shownRows).toEqual(expected);
    if (viewport === 'phone') expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, 'e2e-foundation', `${viewport}-03-import-errors`);
    await page.context().close();
  });
});

describe('the whole run', () => {
  it('logged no console errors', () => {
    expect(h.problems).toEqual([]);
  });
});
