/**
 * The county scorecard in the browser: the city supervisor opens 实施力度评价 from the menu, sees the
 * three counties of the demo's past year ranked (counts under 5 withheld), changes the period to a
 * quarter with nothing in it and then to the past twelve months, drills into K County, exports
 * the table to Excel (read back here) and goes back up; K County's officer sees K alone; the page
 * fits a phone.
 * Screenshots go to /tmp/shots/scorecard/.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoScorecardHistory } from '../../src/db/seed/demo-scorecard.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { loadPrincipal } from '../../src/db/queries/principal.ts';
import { openCorrection } from '../../src/usecases/correction/open-correction.ts';
import {
  horizontalOverflow,
  newUserPage,
  seriousAxeViolations,
  signInAs,
  startHarness,
  type Harness,
} from './support/browser.ts';

const SHOTS = '/tmp/shots/scorecard';

let h: Harness;
const axe: string[] = [];

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

async function checkPage(page: Page, name: string, phone = false): Promise<void> {
  await page.waitForTimeout(500);
  if (phone) expect({ name, overflow: await horizontalOverflow(page) }).toEqual({ name, overflow: 0 });
  for (const line of await seriousAxeViolations(page)) axe.push(`${name}: ${line}`);
}

/** Picks an option of the period picker's select with this id (labels like 季度 are also values). */
async function choose(page: Page, id: string, option: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: option,
    })
    .first()
    .click();
}

/** The names in the table's rows, in order. */
const rowNames = (page: Page) => page.getByTestId('scorecard-row-name').allTextContents();

beforeAll(async () => {
  h = await startHarness();
  // The demo's year of K, L and M (real use cases on a walking clock).
  await loadDemoScorecardHistory(h.platform.deps);
  // One correction in K, ordered forty days ago with five working days: overdue and still open — a
  // count of 1 the supervisor must not see.
  const now = h.platform.clock.now();
  h.platform.clock.set(new Date(now.getTime() - 40 * 86_400_000));
  const officer = await loadPrincipal(
    h.platform.deps.db,
    (
      await h.platform.deps.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'officer')
        .executeTakeFirstOrThrow()
    ).id,
  );
  await openCorrection(h.platform.deps, officer!, {
    title: '村集体资金使用未履行审批手续的纠错',
    problem: '村集体资金使用未履行审批手续。',
    responsibleUnitId: DEMO_PEOPLE.unitLeader.unitId,
    responsiblePerson: '城关镇党委书记李华',
    measures: '补办审批手续',
    deadlineWorkingDays: 5,
  });
  h.platform.clock.set(now);
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('county scorecard in the browser', () => {
  it('the city supervisor sees the counties ranked, changes the period, drills into K County and exports', async () => {
    const page = await newUserPage(h, 'desktop', 'supervisor');
    await signInAs(page, h.baseUrl, 'supervisor');
    await page.getByRole('navigation').getByRole('link', { name: '实施力度评价' }).click();
    await page.getByTestId('scorecard').waitFor();
    await page.getByTestId('scorecard-composite-chart').waitFor();
    // K strong on time limits, L late and overdue, M quick with few cadres: all three ranked.
    expect((await rowNames(page)).map((n) => n.trim())).toEqual(['M县', 'K县', 'L县', '示范市合计']);
    await expect(page.getByText('为防止识别到个人').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('共 3 个地区参与排名').isVisible()).resolves.toBe(true);
    await checkPage(page, 'city');
    await shot(page, '01-city-ranked');

    // A quarter two years back: nothing opened, nothing ranked.
    const old = String(new Date(h.platform.clock.now().getTime() + 8 * 3_600_000).getUTCFullYear() - 2);
    await choose(page, 'sc-kind', '季度');
    await choose(page, 'sc-year', old);
    await choose(page, 'sc-quarter', '第二季度');
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('period') === `${old}-Q2`);
    await page
      .getByTestId('scorecard-period')
      .filter({ hasText: `${old}年第二季度` })
      .waitFor();
    await expect(page.getByText('本期没有地区获得综合得分').isVisible()).resolves.toBe(true);
    await shot(page, '02-empty-quarter', false);

    // The past twelve months again, as a custom range of whole months.
    const today = new Date(h.platform.clock.now().getTime() + 8 * 3_600_000);
    const [y, m] = [today.getUTCFullYear(), today.getUTCMonth() + 1];
    const pad = (n: number) => String(n).padStart(2, '0');
    const from = m === 12 ? `${y}-01-01` : `${y - 1}-${pad(m + 1)}-01`;
    const to = `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
    const label = m === 12 ? `${y}年1月至${y}年12月` : `${y - 1}年${m + 1}月至${y}年${m}月`;
    await choose(page, 'sc-kind', '自定义');
    await page.getByLabel('开始日期').fill(from);
    await page.getByLabel('结束日期').fill(to);
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('period') === `${from}..${to}`);
    await page.getByTestId('scorecard-period').filter({ hasText: label }).waitFor();
    await page.getByTestId('scorecard-composite-chart').waitFor();

    // Drill into K County: its figures and its rank in the city, the same withheld cells.
    await page.getByRole('button', { name: '查看 K县' }).click();
    await page.getByTestId('scorecard-scope').filter({ hasText: 'K县' }).waitFor();
    expect(new URL(page.url()).searchParams.get('period')).toBe(`${from}..${to}`);
    const rank = (await page.getByTestId('scorecard-rank').textContent()) ?? '';
    expect(rank).toMatch(/在示范市参与排名的 3 个地区中排第 [123] 名/);
    await page.getByRole('button', { name: '展开行' }).first().click();
    await expect(page.getByText('基础数据').isVisible()).resolves.toBe(true);
    const overdue = page.locator('.rc-sc-list > div').filter({ hasText: '逾期未整改' });
    await expect(overdue.locator('dd').textContent()).resolves.toBe('<5');
    await checkPage(page, 'county');
    await shot(page, '03-drill-k-county');

    // Export what is on screen.
    const download = page.waitForEvent('download');
    await page.getByTestId('scorecard-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`K县${label}实施力度评价.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['实施力度评价', '基础数据', '指标说明']);
    const table = workbook.getWorksheet('实施力度评价')!;
    expect(table.getCell('A1').value).toBe(`K县${label}容错纠错机制实施力度评价`);
    expect(table.getRow(5).getCell(2).value).toBe('K县');
    expect(String(table.getRow(5).getCell(1).value)).toMatch(/^[123]$/);

    // Back up to the city from the breadcrumb.
    await page.getByRole('link', { name: '示范市' }).click();
    await page.getByTestId('scorecard-scope').filter({ hasText: '示范市' }).waitFor();
    expect((await rowNames(page)).length).toBe(4);
    await page.context().close();
  });

  it('shows K County’s officer K alone, and fits a phone', async () => {
    const page = await newUserPage(h, 'phone', 'officer-phone');
    await signInAs(page, h.baseUrl, 'officer');
    await page.goto(`${h.baseUrl}/scorecard`);
    await page.getByTestId('scorecard').waitFor();
    await page.getByTestId('scorecard-scope').filter({ hasText: 'K县' }).waitFor();
    await expect(page.getByText('单独查看一个县时不作比较').isVisible()).resolves.toBe(true);
    expect((await rowNames(page)).map((n) => n.trim())).toEqual(['K县']);
    // The commission reads its own matters: nothing is withheld from it, not even the one correction.
    expect(await page.getByText('为防止识别到个人').count()).toBe(0);
    // On a phone the county is a card; its counts fold out beneath its figures.
    await page.getByRole('button', { name: '其他指标与基础数据' }).click();
    const overdue = page.locator('.rc-sc-list > div').filter({ hasText: '逾期未整改' });
    await expect(overdue.locator('dd').textContent()).resolves.toBe('1');
    await checkPage(page, 'county-phone', true);
    await shot(page, '04-officer-phone');
    await page.context().close();

    const supervisorPhone = await newUserPage(h, 'phone', 'supervisor-phone');
    await signInAs(supervisorPhone, h.baseUrl, 'supervisor');
    await supervisorPhone.goto(`${h.baseUrl}/scorecard`);
    await supervisorPhone.getByTestId('scorecard-composite-chart').waitFor();
    await checkPage(supervisorPhone, 'city-phone', true);
    await shot(supervisorPhone, '05-city-phone');
    await supervisorPhone.context().close();
  });

  it('had no console errors, failed requests or serious accessibility violations', () => {
    expect(h.problems).toEqual([]);
    expect(axe).toEqual([]);
  });
});
