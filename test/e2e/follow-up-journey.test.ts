/**
 * 回访教育 and 重新使用 end to end in the browser, in Chinese: the organisation department has a
 * cadre's page open, the promotion not blocked; the case officer finds the cadre in the roster and
 * records a Party warning on the cadre's page (desktop) — the influence period is counted and shown;
 * the officer plans a visit from the sanctions register; records the visit on a phone with two
 * visitors (the register form), grades it good and recommends reuse; the leader approves and sends
 * it with the signed register form; the organisation department signs for it. Meanwhile the
 * department's appointment on the page it had open is refused by the server, naming the end date,
 * and the cadre's page then shows the block. Screenshots (desktop 1366, phone 390) go to
 * /tmp/shots/follow-up.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBeijingDate } from '../../src/domain/calendar/local-date.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { chooseOption, newUserPage, signInAs, startHarness, type Harness } from './support/browser.ts';
import { checkPage, foreignText, snap } from './support/shots.ts';

const FOLDER = 'follow-up';
const DAY = 24 * 60 * 60 * 1000;

let h: Harness;
let cadre: { id: string; name: string };
let followUpUrl = '';
/** The department's page, opened before the sanction and kept open (stale) through the journey. */
let dept: Page;
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

const dayOffset = (days: number) => toBeijingDate(new Date(h.platform.clock.now().getTime() + days * DAY));

beforeAll(async () => {
  h = await startHarness();
  // A Party member of 城关镇 other than its leader 李华 (a Party warning needs a Party member).
  const row = await h.platform.deps.db
    .selectFrom('cadres')
    .select(['id', 'name'])
    .where('unit_id', '=', DEMO_PEOPLE.unitLeader.unitId)
    .where('id', '!=', DEMO_PEOPLE.unitLeader.cadreId)
    .where('party_membership', '=', 'member')
    .where('status', '=', 'in_office')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  cadre = row;
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('follow-up visit and reuse journey in the browser', () => {
  it('the organisation department opens the cadre’s page: no influence period runs', async () => {
    dept = await newUserPage(h, 'desktop', 'orgdept');
    await signInAs(dept, h.baseUrl, 'orgdept');
    await dept.goto(`${h.baseUrl}/cadres/${cadre.id}`);
    await dept.getByTestId('influence').and(dept.locator('[data-state=clear]')).waitFor();
    await dept.getByTestId('record-appointment').waitFor();
    await look(dept, 'cadre-clear-orgdept');
    await snap(dept, FOLDER, '01-orgdept-cadre-clear-desktop');
  });

  it('the case officer finds the cadre and records a Party warning on the cadre’s page', async () => {
    const page = await newUserPage(h, 'desktop', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.getByRole('link', { name: '名册查询', exact: true }).first().click();
    await page.locator('#roster-q').fill(cadre.name);
    await page.locator('#roster-q').press('Enter');
    await page.getByTestId('roster-table').getByRole('link', { name: cadre.name }).first().click();
    await page.getByRole('heading', { level: 1, name: cadre.name }).waitFor();
    await page.getByTestId('influence').and(page.locator('[data-state=clear]')).waitFor();
    await page.getByTestId('sanctions-card').getByText('没有处分记录').waitFor();

    await page.getByTestId('record-sanction').click();
    await page.locator('#record_sanction-type').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '党内警告',
      })
      .first()
      .click();
    const effective = dayOffset(-30);
    await page.getByLabel('决定日期').fill(effective);
    await page.getByLabel('生效日期').fill(effective);
    await page.getByLabel('决定机关').fill('中共K县纪律检查委员会');
    await page.getByLabel('决定文号').fill('K纪发〔2026〕21号');
    await page.getByLabel('主要问题').fill('违反工作纪律，在村级资金审批中把关不严。');
    await snap(page, FOLDER, '02-officer-record-sanction-desktop', false);
    await page.getByTestId('declared-submit').click();
    await page.getByTestId('declared-submit').waitFor({ state: 'detached' });

    // The influence period is counted (one year for a Party warning) and blocks promotion.
    const blocked = page.getByTestId('influence').and(page.locator('[data-state=blocked]'));
    await blocked.waitFor();
    await page.getByTestId('influence-running').getByText('党内警告').waitFor();
    await page.getByTestId('cadre-sanctions').getByText('党内警告').waitFor();
    await page.getByTestId('sanction-plan').waitFor();
    await look(page, 'cadre-sanctioned-officer');
    await snap(page, FOLDER, '03-officer-sanction-recorded-desktop');
    await page.context().close();
  });

  it('the department’s appointment on the page it had open is refused, naming the end date', async () => {
    // The page still shows "no period runs": the server is what refuses.
    await dept.getByTestId('record-appointment').click();
    await dept.getByLabel('拟任职务').fill('城关镇党委副书记');
    await dept.getByTestId('declared-submit').click();
    const refusal = dept.getByTestId('declared-error');
    await refusal.getByText(/影响期至 \d{4}-\d{2}-\d{2} 届满/).waitFor();
    await expect(refusal.textContent()).resolves.toContain('党内警告');
    await snap(dept, FOLDER, '04-orgdept-appointment-refused-desktop', false);
    await dept.getByRole('button', { name: '取消' }).click();

    // Closing shows the page as it now stands: blocked, until the end of the period.
    await dept.getByTestId('influence').and(dept.locator('[data-state=blocked]')).waitFor();
    await dept
      .getByTestId('influence-status')
      .getByText(/影响期内：.*前不得提拔或者进一步使用/)
      .waitFor();
    await dept.getByTestId('record-appointment').click();
    await dept
      .getByTestId('appointment-refused')
      .getByText(/届满前不得提拔或者进一步使用/)
      .waitFor();
    await look(dept, 'cadre-blocked-orgdept');
    await snap(dept, FOLDER, '05-orgdept-refusal-dialog-desktop', false);
    await dept.getByTestId('refused-close').click();
    await expect(dept.getByTestId('appointments').count()).resolves.toBe(0);
    await snap(dept, FOLDER, '06-orgdept-cadre-blocked-desktop');
  });

  it('the officer plans a visit from the sanctions register', async () => {
    const page = await newUserPage(h, 'desktop', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.getByRole('link', { name: '处分与影响期', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: '处分与影响期' }).waitFor();
    await chooseOption(page, '回访情况', '待制定回访计划');
    await page.waitForURL(/followUp=missing/);
    const row = page.getByTestId('sanction-table').locator('tr', { hasText: cadre.name });
    await row.getByText('待制定回访计划').waitFor();
    await look(page, 'sanctions-due');
    await snap(page, FOLDER, '07-officer-sanctions-due-desktop');
    await row.getByRole('button', { name: /制定回访计划/ }).click();

    await page.getByTestId('plan-sanction-summary').getByText('党内警告').first().waitFor();
    await page.getByLabel('计划回访日期').fill(dayOffset(0));
    await page.getByLabel('姓名', { exact: true }).nth(0).fill('王强');
    await page.getByLabel('职务', { exact: true }).nth(0).fill('县纪委监委第一纪检监察室主任');
    await page.getByLabel('姓名', { exact: true }).nth(1).fill('刘洋');
    await page.getByLabel('职务', { exact: true }).nth(1).fill('县纪委监委干部');
    await page
      .getByLabel('谈话提纲')
      .fill('一、对处分的认识；二、处分后的工作表现；三、思想和生活上的困难。');
    await page.getByLabel('教育关爱帮带人').fill('城关镇党委副书记');
    await look(page, 'plan-form');
    await snap(page, FOLDER, '08-officer-plan-desktop');
    await page.getByTestId('create-submit').click();
    await expectStatus(page, '待回访');
    followUpUrl = new URL(page.url()).pathname;
    expect(followUpUrl).toMatch(/^\/follow-ups\/[0-9a-f-]{36}$/);
    await page.getByTestId('facts-plan').getByText('刘洋').waitFor();
    await look(page, 'detail-planned');
    await snap(page, FOLDER, '09-officer-planned-desktop');
    await page.context().close();
  });

  it('the officer records the visit on a phone with two visitors, grades it and recommends reuse', async () => {
    const page = await newUserPage(h, 'phone', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.goto(`${h.baseUrl}/follow-ups`);
    await page.getByTestId('procedure-cards').getByText(cadre.name, { exact: false }).first().click();
    await expectStatus(page, '待回访');
    await look(page, 'detail-planned-phone', true);
    await snap(page, FOLDER, '10-officer-planned-phone');

    await act(page, 'record_visit');
    // The planned team is filled in; at least two people visit.
    const drawer = page.locator('.ant-drawer');
    await expect(drawer.getByLabel('姓名', { exact: true }).nth(0).inputValue()).resolves.toBe('王强');
    await expect(drawer.getByLabel('姓名', { exact: true }).nth(1).inputValue()).resolves.toBe('刘洋');
    await drawer.getByLabel('回访地点').fill('城关镇政府会议室');
    await drawer.getByRole('textbox', { name: '政治思想' }).fill('能够主动学习党纪法规，正确对待组织处理。');
    await drawer.getByRole('textbox', { name: '遵规守纪' }).fill('处分后未发现新的违规违纪问题。');
    await drawer
      .getByRole('textbox', { name: '工作实绩和评价' })
      .fill('牵头完成汛前河道清淤，群众评价较好。');
    await drawer
      .getByRole('textbox', { name: '处分决定执行情况' })
      .fill('处分决定已当面宣布并存入个人档案。');
    await drawer
      .getByRole('textbox', { name: '本人思想认识和态度' })
      .fill('对所犯错误认识深刻，表示引以为戒。');
    await drawer
      .getByRole('textbox', { name: '谈话情况' })
      .fill('回访组与本人谈心谈话，了解其思想动态和工作生活困难。');
    await drawer.getByRole('textbox', { name: '所在党组织意见' }).fill('同意回访组意见。');
    await snap(page, FOLDER, '11b-officer-register-form-end-phone', false);
    await drawer.locator('.ant-drawer-body').evaluate((body) => body.scrollTo(0, 0));
    await snap(page, FOLDER, '11a-officer-register-form-top-phone', false);
    await checkPage(page, axe, 'register-form-phone', true);
    await submitDialog(page);
    await expectStatus(page, '已回访待评定');
    await page.getByTestId('facts-visit').getByText('王强').waitFor();

    await act(page, 'grade');
    await page.getByRole('radio', { name: '好' }).check();
    await page.getByRole('textbox', { name: '评定意见' }).fill('思想认识到位，工作表现突出，回访结果为好。');
    await submitDialog(page);
    await expectStatus(page, '已评定待提出使用建议');

    await act(page, 'recommend_reuse');
    await page
      .getByRole('textbox', { name: '建议使用的理由' })
      .fill('影响期内表现良好，回访评定为好，建议影响期满后按规定使用。');
    await page.getByRole('textbox', { name: '使用方向建议' }).fill('可安排乡镇党政领导岗位');
    await submitDialog(page);
    await expectStatus(page, '建议使用，待审核报送');
    await look(page, 'detail-recommended-phone', true);
    await snap(page, FOLDER, '12-officer-recommended-phone');
    await page.context().close();
  });

  it('the leader approves and sends it with the signed register form', async () => {
    const page = await newUserPage(h, 'desktop', 'leader');
    await signInAs(page, h.baseUrl, 'leader');
    await page.goto(`${h.baseUrl}${followUpUrl}`);
    await expectStatus(page, '建议使用，待审核报送');
    await act(page, 'deliver');
    await page.getByRole('textbox', { name: '审核意见' }).fill('同意，送县委组织部。');
    await submitDialog(page);
    await expectStatus(page, '已送组织部门');
    const form = page.getByTestId('register');
    await expect(form.getByTestId('register-code').textContent()).resolves.toMatch(
      /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/,
    );
    await look(page, 'detail-delivered');
    await snap(page, FOLDER, '13-leader-delivered-desktop');
    await page.context().close();
  });

  it('the organisation department signs for it and downloads the register form', async () => {
    await dept.goto(`${h.baseUrl}/follow-ups`);
    await dept.getByTestId('procedure-table').getByText(cadre.name, { exact: false }).first().click();
    await expectStatus(dept, '已送组织部门');
    await dept.getByTestId('facts-reuse').getByText('建议使用').first().waitFor();
    const download = dept.waitForEvent('download');
    await dept.getByTestId('register-pdf').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/\.pdf$/);
    expect(
      fs
        .readFileSync(await saved.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await act(dept, 'acknowledge');
    await dept.getByRole('textbox', { name: '签收意见' }).fill('已收悉，影响期满后按程序研究使用。');
    await submitDialog(dept);
    await expectStatus(dept, '组织部门已签收');
    await dept
      .getByTestId('facts-reuse')
      .getByText(/\d{4}年\d{1,2}月\d{1,2}日/)
      .first()
      .waitFor();
    await look(dept, 'detail-acknowledged');
    await snap(dept, FOLDER, '14-orgdept-acknowledged-desktop');

    // The cadre's page, from the follow-up: still blocked, the sanction and its follow-up listed.
    await dept.getByTestId('cadre-link').click();
    await dept.getByTestId('influence').and(dept.locator('[data-state=blocked]')).waitFor();
    await dept
      .getByTestId('cadre-sanctions')
      .getByText(/回访 K访/)
      .waitFor();
    await dept.context().close();
  });

  it('the cadre’s page and the register read well on a phone', async () => {
    const page = await newUserPage(h, 'phone', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.goto(`${h.baseUrl}/cadres/${cadre.id}`);
    await page.getByTestId('influence').and(page.locator('[data-state=blocked]')).waitFor();
    await look(page, 'cadre-blocked-phone', true);
    await snap(page, FOLDER, '15-officer-cadre-phone');
    await page.goto(`${h.baseUrl}/sanctions`);
    await page.getByTestId('sanction-cards').getByText(cadre.name).first().waitFor();
    await look(page, 'sanctions-phone', true);
    await snap(page, FOLDER, '16-officer-sanctions-phone');
    await page.context().close();
  });

  it('showed no console errors, no English or raw keys, and no serious accessibility violations', () => {
    expect(h.problems).toEqual([]);
    expect(foreign).toEqual([]);
    expect(axe).toEqual([]);
  });
});
