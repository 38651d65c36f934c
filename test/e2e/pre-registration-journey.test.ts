/**
 * 事前报备 end to end in the browser, in Chinese: the unit leader files a risky initiative from a
 * phone (a draft first, the collective decision's minutes attached, then filed); the case officer
 * acknowledges it; the unit downloads the receipt (事前报备回执) and verifies it on the public
 * verification page, by the file and by its code; a tolerance matter opened later on the same
 * initiative picks the filing as its link; the dashboard counts the filings. Screenshots (desktop 1366,
 * phone 390) go to /tmp/shots/pre-registration.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, toBeijingDate } from '../../src/domain/calendar/local-date.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { newUserPage, signInAs, startHarness, type Harness } from './support/browser.ts';
import { checkPage, foreignText, snap } from './support/shots.ts';

const FOLDER = 'pre-registration';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const TITLE = '村集体土地经营权入股农业龙头企业试点';

let h: Harness;
let filingUrl = '';
let receiptFile = '';
let receiptCode = '';
const axe: string[] = [];
const foreign: string[] = [];

async function look(page: Page, name: string, phone = false): Promise<void> {
  await checkPage(page, axe, name, phone);
  for (const word of await foreignText(page)) foreign.push(`${name}: ${word}`);
}

async function act(page: Page, action: string): Promise<void> {
  await page.getByTestId(`action-${action}`).first().click();
}

async function submitDialog(page: Page): Promise<void> {
  await page.getByTestId('dialog-submit').click();
  await page.getByTestId('dialog-submit').waitFor({ state: 'detached' });
}

async function expectStatus(page: Page, status: string): Promise<void> {
  await page.locator('.rc-page-head .rc-mstatus', { hasText: status }).waitFor();
}

beforeAll(async () => {
  h = await startHarness();
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('pre-registration journey in the browser', () => {
  it('the unit leader files a risky initiative from a phone: draft, minutes attached, filed', async () => {
    const page = await newUserPage(h, 'phone', 'unit');
    await signInAs(page, h.baseUrl, 'unit');
    await page.getByTestId('shortcut-/pre-registrations').click();
    await page.getByRole('heading', { level: 1, name: '事前报备' }).waitFor();
    await look(page, 'list-empty-phone', true);
    await page.getByTestId('procedure-new').click();

    // The unit leader files for the unit: the only route offered, already chosen.
    await expect(page.getByRole('radio', { name: '单位报备' }).isChecked()).resolves.toBe(true);
    await page.getByRole('textbox', { name: '报备事项名称' }).fill(TITLE);
    await page
      .getByRole('textbox', { name: '拟实施的事项' })
      .fill('以三个村的集体土地经营权作价入股县农业龙头企业，村集体按股分红，发展特色种植。');
    await page.getByRole('textbox', { name: '类别' }).fill('农村集体经济改革');
    await page
      .getByRole('textbox', { name: '法规政策空白或不明确之处' })
      .fill('现行规定对集体土地经营权作价入股的评估、审批程序和收益分配没有明确规定。');
    await page.getByRole('textbox', { name: '可能的风险' }).fill('作价偏低造成集体资产流失');
    await page
      .getByRole('textbox', { name: '防控措施' })
      .fill('委托第三方评估作价，经村民代表会议表决并公示');
    await page.getByTestId('add-risks').click();
    await page.getByRole('textbox', { name: '可能的风险' }).nth(1).fill('企业经营不善导致分红落空');
    await page.getByRole('textbox', { name: '防控措施' }).nth(1).fill('约定保底收益，设置退出条款');
    await page.getByRole('switch', { name: '集体研究情况' }).click();
    await page.getByRole('textbox', { name: '研究机构' }).fill('城关镇党委会');
    const today = toBeijingDate(h.platform.clock.now());
    await page.getByLabel('研究日期').fill(today);
    await page.getByRole('textbox', { name: '会议纪要文号' }).fill('城党纪〔2026〕12号');
    await page.getByLabel('计划实施日期').fill(addCalendarDays(today, 30));
    await look(page, 'create-form-phone', true);
    await snap(page, FOLDER, '01-unit-new-filing-phone');
    await page.getByTestId('create-submit').click();

    await expectStatus(page, '草稿');
    filingUrl = new URL(page.url()).pathname;
    expect(filingUrl).toMatch(/^\/pre-registrations\/[0-9a-f-]{36}$/);
    await page.getByTestId('risks').getByText('约定保底收益，设置退出条款').waitFor();

    await act(page, 'add_evidence');
    await page
      .locator('.ant-modal input[type=file]')
      .setInputFiles({ name: '党委会会议纪要.png', mimeType: 'image/png', buffer: PNG });
    await page.getByLabel('材料说明（选填）').fill('城关镇党委会会议纪要');
    await page.getByTestId('evidence-submit').click();
    await page.getByTestId('evidence-files').getByText('党委会会议纪要.png').waitFor();
    await look(page, 'detail-draft-phone', true);
    await snap(page, FOLDER, '02-unit-draft-with-minutes-phone');

    // A revision starts from the filing as it stands and sends only what changed.
    await act(page, 'revise');
    const drawer = page.locator('.ant-drawer');
    await expect(drawer.getByRole('textbox', { name: '研究机构' }).inputValue()).resolves.toBe(
      '城关镇党委会',
    );
    await expect(drawer.getByRole('textbox', { name: '防控措施' }).nth(1).inputValue()).resolves.toBe(
      '约定保底收益，设置退出条款',
    );
    await drawer.getByRole('textbox', { name: '类别' }).fill('农村集体经济改革试点');
    await look(page, 'revise-phone', true);
    await snap(page, FOLDER, '02b-unit-revise-phone', false);
    await submitDialog(page);
    await page.getByTestId('records').getByText('修改了：类别').waitFor();

    await act(page, 'submit');
    await submitDialog(page);
    await expectStatus(page, '待初审');
    await page.getByTestId('review-panel').getByText('等待纪委监委初审').waitFor();
    await look(page, 'detail-submitted-phone', true);
    await snap(page, FOLDER, '03-unit-filed-phone');
    await page.context().close();
  });

  it('the case officer acknowledges the filing and the receipt is sealed', async () => {
    const page = await newUserPage(h, 'desktop', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.goto(`${h.baseUrl}/pre-registrations?status=submitted`);
    await page.getByTestId('procedure-table').getByText(TITLE).waitFor();
    await look(page, 'list-officer');
    await snap(page, FOLDER, '04-officer-list-desktop', false);
    await page.getByTestId('procedure-table').getByText(TITLE).click();
    await expectStatus(page, '待初审');
    await look(page, 'detail-officer');
    await snap(page, FOLDER, '05-officer-filing-desktop');
    await act(page, 'acknowledge');
    await page
      .getByRole('textbox', { name: '初审意见' })
      .fill('风险防控措施具体可行，予以备案。实施中请严格落实评估和公示程序。');
    await snap(page, FOLDER, '06-officer-acknowledge-desktop', false);
    await submitDialog(page);
    await expectStatus(page, '已备案');
    const receipt = page.getByTestId('receipt');
    receiptCode = (await receipt.getByTestId('receipt-code').textContent())!.trim();
    expect(receiptCode).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    await receipt.getByText('事前报备不等于免责').waitFor();
    await look(page, 'detail-acknowledged');
    await snap(page, FOLDER, '07-officer-acknowledged-desktop');
    await page.context().close();
  });

  it('the unit downloads the receipt and verifies it, by the file and by its code', async () => {
    const page = await newUserPage(h, 'phone', 'unit');
    await signInAs(page, h.baseUrl, 'unit');
    await page.goto(`${h.baseUrl}${filingUrl}`);
    await expectStatus(page, '已备案');
    const receipt = page.getByTestId('receipt');
    await expect(receipt.getByTestId('receipt-code').textContent()).resolves.toBe(receiptCode);
    await look(page, 'detail-acknowledged-phone', true);
    await snap(page, FOLDER, '08-unit-receipt-phone');

    const download = page.waitForEvent('download');
    await receipt.getByTestId('document-pdf').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/\.pdf$/);
    receiptFile = (await saved.path())!;
    expect(fs.readFileSync(receiptFile).subarray(0, 5).toString()).toBe('%PDF-');

    await page.goto(`${h.baseUrl}/verify`);
    await page.locator('input[type=file]').setInputFiles({
      name: saved.suggestedFilename(),
      mimeType: 'application/pdf',
      buffer: fs.readFileSync(receiptFile),
    });
    const valid = page.getByTestId('verify-valid');
    await valid.waitFor();
    await valid.getByText(/事前报备的回执/).waitFor();
    await checkPage(page, axe, 'verify-by-file-phone', true);
    await snap(page, FOLDER, '09-verify-by-file-phone');

    await page.goto(`${h.baseUrl}${filingUrl}`);
    await page.getByTestId('receipt-verify').click();
    await page.waitForURL(/\/verify\?code=/);
    await page
      .getByTestId('verify-valid')
      .getByText(/事前报备的回执/)
      .waitFor();
    await snap(page, FOLDER, '10-verify-by-code-phone');
    await page.context().close();
  });

  it('a tolerance matter on the same initiative links to the filing', async () => {
    // The case officer opens the check ex officio for a cadre of the unit that filed.
    const page = await newUserPage(h, 'desktop', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.goto(`${h.baseUrl}/matters/new`);
    const cadre = page.getByLabel('当事人');
    await cadre.click();
    await cadre.fill(DEMO_PEOPLE.unitLeader.unitName);
    const option = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: DEMO_PEOPLE.unitLeader.unitName,
      })
      .first();
    await option.waitFor();
    await option.click();
    await page.getByLabel('事项名称').fill('入股试点中评估作价偏低问题的容错甄别');
    await page
      .getByLabel('事情经过')
      .fill('试点按报备方案实施，第三方评估结论事后被认为偏低，已重新评估补足。');
    await page.getByLabel('关联事前报备（选填）').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: TITLE,
      })
      .click();
    await look(page, 'new-matter-linked');
    await snap(page, FOLDER, '11-officer-tolerance-linked-desktop');
    await page.getByTestId('new-matter-submit').click();
    await page.waitForURL(/\/matters\/[0-9a-f-]{36}$/);
    const matterId = new URL(page.url()).pathname.split('/').pop()!;
    const row = await h.platform.deps.db
      .selectFrom('matters')
      .select(['route', 'linked_matter_id'])
      .where('id', '=', matterId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ route: 'ex_officio', linked_matter_id: filingUrl.split('/').pop() });

    await page.goto(`${h.baseUrl}${filingUrl}`);
    await page.getByRole('link', { name: /入股试点中评估作价偏低问题的容错甄别/ }).waitFor();
    await page.context().close();
  });

  it('the dashboard counts the filings and the corrections, linking to the lists', async () => {
    const page = await newUserPage(h, 'desktop', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.goto(`${h.baseUrl}/dashboard`);
    const counters = page.getByTestId('counters-pre_registration');
    await counters.waitFor();
    await expect(page.getByTestId('counter-pre_registration-acknowledged').innerText()).resolves.toMatch(
      /^1\s/,
    );
    await expect(page.getByTestId('counter-pre_registration-submitted').innerText()).resolves.toMatch(/^0\s/);
    await page.getByTestId('counters-correction').waitFor();
    await look(page, 'dashboard');
    await snap(page, FOLDER, '12-officer-dashboard-desktop');
    await page.getByTestId('counter-pre_registration-acknowledged').click();
    await page.waitForURL(/\/pre-registrations\?status=acknowledged/);
    await page.getByTestId('procedure-table').getByText(TITLE).waitFor();

    // The same pages in English (the second language): labels from the texts, statuses from the API.
    await page.evaluate(() => localStorage.setItem('rongcuo.language', 'en'));
    await page.goto(`${h.baseUrl}${filingUrl}`);
    await page.getByTestId('review-panel').getByText('Pre-registration receipt').waitFor();
    await expect(page.locator('.rc-page-head .rc-mstatus').textContent()).resolves.toBe('Acknowledged');
    await snap(page, FOLDER, '12b-officer-filing-english-desktop');
    await page.goto(`${h.baseUrl}/dashboard`);
    await page.getByTestId('counters-correction').getByText('Open').first().waitFor();
    await snap(page, FOLDER, '12c-officer-dashboard-english-desktop');
    await page.context().close();

    const phone = await newUserPage(h, 'phone', 'officer');
    await signInAs(phone, h.baseUrl, 'officer');
    await phone.goto(`${h.baseUrl}/dashboard`);
    await phone.getByTestId('counters-pre_registration').waitFor();
    await look(phone, 'dashboard-phone', true);
    await snap(phone, FOLDER, '13-officer-dashboard-phone');
    await phone.context().close();
  });

  it('showed no console errors, no English or raw keys, and no serious accessibility violations', () => {
    expect(h.problems).toEqual([]);
    expect(foreign).toEqual([]);
    expect(axe).toEqual([]);
  });
});
