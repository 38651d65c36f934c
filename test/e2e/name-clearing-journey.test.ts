/**
 * 澄清正名 end to end in the browser, in Chinese, each role at the screen size they would use: the
 * case officer opens a clearing for 张明 on an accusation concluded untrue and checks it against the
 * policy's triggers and exclusions (desktop), looking at who accused only by an explicit, audited
 * click; 张明 reads what is proposed and consents to a form and scope from his phone; the officer
 * submits the plan within that consent; the leader approves; the officer carries it out, which
 * issues the clearing letter, downloads it and verifies its code; 张明 finds the letter on his phone;
 * the officer copies it to the organisation department and files it, and the department reads it.
 * Screenshots (desktop 1366, phone 390) go to /tmp/shots/name-clearing.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBeijingDate } from '../../src/domain/calendar/local-date.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { newUserPage, signInAs, startHarness, type Harness } from './support/browser.ts';
import { checkPage, foreignText, snap } from './support/shots.ts';

const FOLDER = 'name-clearing';
const ALLEGATION = '在农村公路项目中收受施工方好处费';
const DAY = 24 * 60 * 60 * 1000;

let h: Harness;
let clearingUrl = '';
let letterCode = '';
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

const today = () => toBeijingDate(h.platform.clock.now());

beforeAll(async () => {
  h = await startHarness();
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('name clearing journey in the browser', () => {
  it('the case officer opens a clearing for 张明 and checks it against the policy', async () => {
    const page = await newUserPage(h, 'desktop', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.getByTestId('shortcut-/name-clearings').waitFor();
    await page.getByRole('link', { name: '澄清正名', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: '澄清正名' }).waitFor();
    await look(page, 'list-empty');
    await page.getByTestId('procedure-new').click();

    const cadre = page.getByLabel('被反映干部');
    await cadre.click();
    await cadre.fill(DEMO_PEOPLE.cadre.name);
    const option = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: DEMO_PEOPLE.cadre.name,
      })
      .first();
    await option.waitFor();
    await option.click();
    await page.getByLabel('信访举报件编号').fill('K信〔2026〕15号');
    const received = toBeijingDate(new Date(h.platform.clock.now().getTime() - 40 * DAY));
    await page.getByLabel('收到举报日期').fill(received);
    await page.getByLabel('核查了结日期').fill(today());
    await page.getByLabel('反映的问题').fill(ALLEGATION);
    await page
      .getByLabel('核查情况')
      .fill('经调取项目资金往来和施工合同、与施工方负责人谈话，未发现其收受任何财物，所反映问题不属实。');
    // A named accuser: the name is asked; anonymous hides it.
    await page.getByLabel('匿名举报').check();
    await expect(page.getByLabel('举报人姓名').count()).resolves.toBe(0);
    await page.getByLabel('匿名举报').uncheck();
    await page.getByLabel('举报人姓名').fill('赵某举');
    await page.getByLabel('联系方式（选填）').fill('13900001111');
    await look(page, 'create-form');
    await snap(page, FOLDER, '01-officer-open-desktop');
    await page.getByTestId('create-submit').click();

    await expectStatus(page, '待研判是否澄清');
    clearingUrl = new URL(page.url()).pathname;
    expect(clearingUrl).toMatch(/^\/name-clearings\/[0-9a-f-]{36}$/);
    // The policy's triggers and exclusions are in view before the check.
    await page
      .getByTestId('policy-triggers')
      .getByText('干部的选拔任用、评先评优、考核等已经或者可能受到影响')
      .waitFor();
    await page.getByTestId('policy-exclusions').getByText('举报失实但未对干部造成不良影响').waitFor();
    await look(page, 'detail-opened');
    await snap(page, FOLDER, '02-officer-opened-desktop');

    // Who accused is shown only on an explicit click, which the server audits.
    await expect(page.getByText('赵某举').count()).resolves.toBe(0);
    await page.getByTestId('accuser-reveal').click();
    await page.locator('.ant-modal-confirm').getByText('查看将记入审计日志').waitFor();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '查看并留痕' }).click();
    await page.getByTestId('accuser-identity').getByText('赵某举').waitFor();
    const revealed = await h.platform.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'name_clearing.accuser_revealed')
      .execute();
    expect(revealed).toHaveLength(1);
    await page.getByTestId('accuser-identity').getByRole('button', { name: '隐藏' }).click();

    await act(page, 'check_triggers');
    await page
      .getByRole('checkbox', { name: /干部的选拔任用、评先评优、考核等已经或者可能受到影响/ })
      .check();
    await page
      .getByRole('textbox', { name: '研判意见' })
      .fill('张明同志正处于提拔考察期，不实举报已影响其选拔任用，应予澄清正名。');
    await snap(page, FOLDER, '03-officer-trigger-check-desktop', false);
    await submitDialog(page);
    await expectStatus(page, '征求本人意见');
    const check = page.getByTestId('facts-check');
    await check.getByText('应予澄清正名').first().waitFor();
    await look(page, 'detail-checked');
    await snap(page, FOLDER, '04-officer-checked-desktop');
    await page.context().close();
  });

  it('张明 reads what is proposed and consents to a form and scope from his phone', async () => {
    const page = await newUserPage(h, 'phone', 'cadre');
    await signInAs(page, h.baseUrl, 'cadre');
    await page.goto(`${h.baseUrl}/name-clearings`);
    const card = page.getByTestId('procedure-cards').getByText('关于张明同志被反映问题的澄清正名');
    await card.waitFor();
    await look(page, 'list-cadre-phone', true);
    await snap(page, FOLDER, '05-cadre-list-phone');
    await card.click();
    await expectStatus(page, '征求本人意见');
    const lead = page.getByTestId('clearing-lead');
    await lead.getByText('张明同志，您好').waitFor();
    await lead.getByText(ALLEGATION, { exact: false }).waitFor();
    await lead.getByText(/都由您本人决定/).waitFor();
    // The cadre never learns who accused them.
    await expect(page.getByTestId('accuser').count()).resolves.toBe(0);
    await expect(page.getByText('赵某举').count()).resolves.toBe(0);
    await look(page, 'detail-cadre-phone', true);
    await snap(page, FOLDER, '06-cadre-asked-phone');

    await act(page, 'record_consent');
    await page
      .getByTestId('action-intro')
      .getByText(/范围越大，知道此事的人越多/)
      .waitFor();
    // Each form and scope says what it means.
    await page.getByText('在您所在党组织的会议（如党委会、干部大会）上说明核查结论。').waitFor();
    await page.getByText('在您所在的单位内说明，单位的同事会知道。').waitFor();
    await page.getByRole('checkbox', { name: /书面澄清/ }).check();
    await page.getByRole('checkbox', { name: /会议澄清/ }).check();
    await page.getByRole('radio', { name: /本人所在单位范围内/ }).check();
    await page.getByRole('textbox', { name: '本人意见' }).fill('感谢组织还我清白，同意在单位范围内澄清。');
    await snap(page, FOLDER, '07b-cadre-consent-form-phone', false);
    await page.locator('.ant-drawer-body').evaluate((body) => body.scrollTo(0, 0));
    await snap(page, FOLDER, '07a-cadre-consent-intro-phone', false);
    await checkPage(page, axe, 'consent-form-phone', true);
    await submitDialog(page);
    await page.getByTestId('facts-consent').getByText('书面澄清、会议澄清').waitFor();
    await lead.getByText(/您已同意以书面澄清、会议澄清的方式/).waitFor();
    await look(page, 'detail-cadre-consented-phone', true);
    await snap(page, FOLDER, '08-cadre-consented-phone');
    await page.context().close();
  });

  it('the officer submits the plan within the consent and the leader approves it', async () => {
    const officer = await newUserPage(h, 'desktop', 'officer');
    await signInAs(officer, h.baseUrl, 'officer');
    await officer.goto(`${h.baseUrl}${clearingUrl}`);
    await expectStatus(officer, '征求本人意见');
    await act(officer, 'submit_for_approval');
    // Only what 张明 agreed to can be chosen; his choice is filled in.
    await expect(officer.getByRole('checkbox', { name: /媒体澄清/ }).count()).resolves.toBe(0);
    await expect(officer.getByRole('checkbox', { name: /书面澄清/ }).isChecked()).resolves.toBe(true);
    await expect(officer.getByRole('radio', { name: /向社会公开/ }).count()).resolves.toBe(0);
    await officer
      .getByRole('textbox', { name: /澄清方案/ })
      .fill('在县农业农村局干部大会上宣读澄清正名书，并书面送达本人及局党组。');
    await snap(officer, FOLDER, '09-officer-plan-desktop', false);
    await submitDialog(officer);
    await expectStatus(officer, '待主要负责人审批');
    await officer.context().close();

    const leader = await newUserPage(h, 'desktop', 'leader');
    await signInAs(leader, h.baseUrl, 'leader');
    await leader.goto(`${h.baseUrl}/name-clearings?status=awaiting_leader`);
    await leader.getByTestId('procedure-table').getByText('关于张明同志被反映问题的澄清正名').click();
    await expectStatus(leader, '待主要负责人审批');
    await leader.getByTestId('facts-plan').getByText('本人所在单位范围内').waitFor();
    await look(leader, 'detail-leader');
    await snap(leader, FOLDER, '10-leader-approval-desktop');
    await act(leader, 'approve');
    await leader.getByRole('textbox', { name: '审批意见' }).fill('同意按方案澄清正名。');
    await submitDialog(leader);
    await expectStatus(leader, '待实施澄清');
    await leader.context().close();
  });

  it('the officer carries it out: the letter is issued, downloaded and verified', async () => {
    const page = await newUserPage(h, 'desktop', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.goto(`${h.baseUrl}${clearingUrl}`);
    await expectStatus(page, '待实施澄清');
    await act(page, 'execute');
    await page
      .getByRole('textbox', { name: /澄清情况/ })
      .fill('在县农业农村局干部大会上宣读澄清正名书，参会干部 46 人；书面送达本人及局党组。');
    await submitDialog(page);
    await expectStatus(page, '已澄清待抄送归档');
    const letter = page.getByTestId('letter');
    letterCode = (await letter.getByTestId('letter-code').textContent())!.trim();
    expect(letterCode).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    await page.getByTestId('facts-execution').getByText('在时限内完成').waitFor();

    const download = page.waitForEvent('download');
    await letter.getByTestId('letter-pdf').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await saved.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await look(page, 'detail-cleared');
    await snap(page, FOLDER, '11-officer-cleared-desktop');

    await letter.getByTestId('letter-verify').click();
    await page.waitForURL(/\/verify\?code=/);
    await page
      .getByTestId('verify-valid')
      .getByText(/澄清正名书/)
      .first()
      .waitFor();
    await snap(page, FOLDER, '12-verify-letter-desktop');
    await page.context().close();
  });

  it('张明 finds the letter on his phone', async () => {
    const page = await newUserPage(h, 'phone', 'cadre');
    await signInAs(page, h.baseUrl, 'cadre');
    await page.goto(`${h.baseUrl}${clearingUrl}`);
    await expectStatus(page, '已澄清待抄送归档');
    await page
      .getByTestId('clearing-lead')
      .getByText(/已为您澄清正名/)
      .waitFor();
    await expect(page.getByTestId('letter-code').textContent()).resolves.toBe(letterCode);
    const download = page.waitForEvent('download');
    await page.getByTestId('letter-pdf').click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    await look(page, 'detail-cadre-cleared-phone', true);
    await snap(page, FOLDER, '13-cadre-letter-phone');
    await page.context().close();
  });

  it('the officer copies it to the organisation department and files it; the department reads it', async () => {
    const officer = await newUserPage(h, 'desktop', 'officer');
    await signInAs(officer, h.baseUrl, 'officer');
    await officer.goto(`${h.baseUrl}${clearingUrl}`);
    await act(officer, 'archive');
    await officer.getByRole('textbox', { name: '廉政档案编号' }).fill('K廉档〔2026〕0815');
    await submitDialog(officer);
    await expectStatus(officer, '已澄清并归档');
    await officer.getByTestId('facts-archive').getByText('K廉档〔2026〕0815').waitFor();
    await officer.getByTestId('no-actions').waitFor();
    await look(officer, 'detail-closed');
    await snap(officer, FOLDER, '14-officer-filed-desktop');
    await officer.context().close();

    const dept = await newUserPage(h, 'desktop', 'orgdept');
    await signInAs(dept, h.baseUrl, 'orgdept');
    await dept.goto(`${h.baseUrl}${clearingUrl}`);
    await expectStatus(dept, '已澄清并归档');
    await dept.getByTestId('letter-code').waitFor();
    // The department reads the outcome, not the verification or the accuser.
    await expect(dept.getByTestId('accuser').count()).resolves.toBe(0);
    await expect(dept.getByText('经调取项目资金往来').count()).resolves.toBe(0);
    await look(dept, 'detail-orgdept');
    await snap(dept, FOLDER, '15-orgdept-filed-desktop');
    await dept.context().close();
  });

  it('showed no console errors, no English or raw keys, and no serious accessibility violations', () => {
    expect(h.problems).toEqual([]);
    expect(foreign).toEqual([]);
    expect(axe).toEqual([]);
  });
});
