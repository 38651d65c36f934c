/**
 * 结果运用台账 end to end in the browser, in Chinese: outcomes are decided through the real API (a
 * tolerance decision for 张明, one with a correction order for a cadre of 城关镇, a sanction); the
 * organisation department opens the ledger from the menu, filters it by kind, name and status,
 * exports it to Excel (the file is read back), and sees the entries on the cadre's page; the cadre
 * reads their own entries in plain words on a phone. Screenshots (desktop 1366, phone 390) go to
 * /tmp/shots/outcome-ledger.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { CorrectionFlow } from '../support/correction-flow.ts';
import { chooseOption, newUserPage, signInAs, startHarness, type Harness } from './support/browser.ts';
import { checkPage, foreignText, snap } from './support/shots.ts';

const FOLDER = 'outcome-ledger';

let h: Harness;
let sanctioned: { id: string; name: string };
const axe: string[] = [];
const foreign: string[] = [];

async function look(page: Page, name: string, phone = false): Promise<void> {
  await checkPage(page, axe, name, phone);
  for (const word of await foreignText(page)) foreign.push(`${name}: ${word}`);
}

/** Rows of the ledger table (the header row left out). */
const rows = (page: Page) => page.getByTestId('ledger-table').locator('tbody tr.ant-table-row');

beforeAll(async () => {
  h = await startHarness();
  const flow = new CorrectionFlow(h.app, h.platform);
  await flow.decided();
  await flow.decidedWithCorrection();
  sanctioned = await h.platform.deps.db
    .selectFrom('cadres')
    .select(['id', 'name'])
    .where('unit_id', '=', DEMO_PEOPLE.unitLeader.unitId)
    .where('id', '!=', DEMO_PEOPLE.unitLeader.cadreId)
    .where('party_membership', '=', 'member')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const res = await flow.post('officer', `/api/cadres/${sanctioned.id}/sanctions`, {
    type: 'party_warning',
    decidedOn: flow.today(),
    effectiveOn: flow.today(),
    decidedBy: '中共K县纪律检查委员会',
    documentNumber: 'K纪发〔2026〕31号',
  });
  expect(res.statusCode, res.body).toBe(201);
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('outcome ledger journey in the browser', () => {
  it('the organisation department opens the ledger from the menu and sees every outcome', async () => {
    const page = await newUserPage(h, 'desktop', 'orgdept');
    await signInAs(page, h.baseUrl, 'orgdept');
    await page.getByRole('link', { name: '结果运用台账', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: '结果运用台账' }).waitFor();
    await rows(page).first().waitFor();
    // Two decisions, one correction order, one sanction: four entries, tolerance and correction apart.
    expect(await rows(page).count()).toBe(4);
    const table = page.getByTestId('ledger-table');
    await table.getByText('容错免责').first().waitFor();
    await table.getByText(/责令纠错（.*前）/).waitFor();
    await table.getByText(/党内警告（影响期至 /).waitFor();
    await table
      .getByText(/在年度考核、评先评优、选拔任用.*中不作负面评价/)
      .first()
      .waitFor();
    await table.getByText(/影响期 .* 至 .*：不得列为考察对象/).waitFor();
    await look(page, 'ledger-desktop');
    await snap(page, FOLDER, '01-orgdept-ledger-desktop');

    // Filter by kind: the sanction only.
    await chooseOption(page, '类别', '处分或处理');
    await page.waitForURL(/kind=sanction/);
    await page.getByTestId('ledger-table').getByText(sanctioned.name).waitFor();
    await expect.poll(() => rows(page).count()).toBe(1);
    await snap(page, FOLDER, '02-orgdept-ledger-filtered-desktop');

    // By name, and by status.
    await page.goto(`${h.baseUrl}/outcome-ledger`);
    await page.getByLabel('干部姓名').fill('张明');
    await page.getByLabel('干部姓名').press('Enter');
    await page.waitForURL(/q=/);
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.getByTestId('ledger-table').getByText('张明').waitFor();
    await chooseOption(page, '状态', '已被取代');
    await page.waitForURL(/status=superseded/);
    await page.getByText('没有符合条件的记录').waitFor();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => rows(page).count()).toBe(4);

    // Export what is shown: an Excel workbook with Chinese headers.
    const download = page.waitForEvent('download');
    await page.getByTestId('ledger-export').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('结果运用台账.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await saved.path()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('结果运用台账')!;
    expect((sheet.getRow(1).values as string[]).slice(1, 9)).toEqual([
      '序号',
      '姓名',
      '身份证号（脱敏）',
      '单位',
      '职务',
      '类别',
      '结果',
      '运用效力',
    ]);
    expect(sheet.rowCount).toBe(5);
    await page.getByText('已开始下载').waitFor();
    await snap(page, FOLDER, '03-orgdept-exported-desktop', false);

    // The cadre's page carries the same entries.
    await page.getByTestId('ledger-table').getByRole('link', { name: sanctioned.name }).first().click();
    await page.getByRole('heading', { level: 1, name: sanctioned.name }).waitFor();
    const block = page.getByTestId('outcome-ledger-block');
    await block.getByText(/党内警告（影响期至 /).waitFor();
    await block.getByText('不得列为考察对象', { exact: false }).waitFor();
    await look(page, 'cadre-page-desktop');
    await snap(page, FOLDER, '04-orgdept-cadre-page-desktop');

    // The same ledger in English: every label and effect translated.
    await page.getByRole('button', { name: '切换到 English' }).click();
    await page.goto(`${h.baseUrl}/outcome-ledger`);
    await page.getByRole('heading', { level: 1, name: 'Outcome ledger' }).waitFor();
    await page.getByTestId('ledger-table').getByText('Exempted (tolerance)').first().waitFor();
    await page
      .getByTestId('ledger-table')
      .getByText(/No negative evaluation in annual assessment/)
      .first()
      .waitFor();
    await snap(page, FOLDER, '07-orgdept-ledger-english-desktop');
    await page.context().close();
  });

  it('the ledger reads well on a phone', async () => {
    const page = await newUserPage(h, 'phone', 'orgdept');
    await signInAs(page, h.baseUrl, 'orgdept');
    await page.goto(`${h.baseUrl}/outcome-ledger`);
    await page.getByTestId('ledger-cards').getByText('容错免责').first().waitFor();
    await look(page, 'ledger-phone', true);
    await snap(page, FOLDER, '05-orgdept-ledger-phone');
    await page.context().close();
  });

  it('the cadre reads their own entries in plain words, and only theirs', async () => {
    const page = await newUserPage(h, 'phone', 'cadre');
    await signInAs(page, h.baseUrl, 'cadre');
    await page.goto(`${h.baseUrl}/my`);
    const block = page.getByTestId('outcome-ledger-block');
    await block.getByText('我的结果运用记录').waitFor();
    await block.getByText(/予以容错免责。您在年度考核、评先评优、选拔任用/).waitFor();
    expect(await block.getByTestId('outcome-ledger-entries').locator('> li').count()).toBe(1);
    expect(await block.getByText(sanctioned.name).count()).toBe(0);
    await look(page, 'mine-phone', true);
    await snap(page, FOLDER, '06-cadre-own-phone');
    // The ledger page itself is the organisation department's.
    await page.goto(`${h.baseUrl}/outcome-ledger`);
    await page.getByRole('heading', { level: 1, name: '无权访问此页面' }).waitFor();
    await page.context().close();
  });

  it('showed no console errors, no English or raw keys, and no serious accessibility violations', () => {
    expect(h.problems).toEqual([]);
    expect(foreign).toEqual([]);
    expect(axe).toEqual([]);
  });
});
