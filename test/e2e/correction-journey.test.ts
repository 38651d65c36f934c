/**
 * 纠错 end to end in the browser, in Chinese, each role at the screen size they would use: the case
 * officer orders a standalone correction (desktop); the unit leader reports progress, uploads evidence
 * and reports completion from a phone; the officer accepts; after the look-back period (the server's
 * test clock moved on) the officer looks back and closes it. Then a correction that came with a
 * tolerance decision is refused: the leader sees the tolerance `reopen` step on the linked matter and
 * reopens it, which ends the correction. Screenshots (desktop 1366, phone 390) go to /tmp/shots/correction.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { CorrectionFlow } from '../support/correction-flow.ts';
import { newUserPage, signInAs, startHarness, type Harness } from './support/browser.ts';
import { checkPage, foreignText, snap } from './support/shots.ts';

const FOLDER = 'correction';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const TITLE = '村级集体资金使用审批不规范问题纠错';
const DAY = 24 * 60 * 60 * 1000;

let h: Harness;
let correctionUrl = '';
const axe: string[] = [];
const foreign: string[] = [];

async function look(page: Page, name: string, phone = false): Promise<void> {
  await checkPage(page, axe, name, phone);
  for (const word of await foreignText(page)) foreign.push(`${name}: ${word}`);
}

async function act(page: Page, action: string): Promise<void> {
  await page.getByTestId(`action-${action}`).first().click();
}

/** The step dialog's own button: `dialog-submit` on the procedure pages, `action-submit` on the tolerance pages. */
async function submitDialog(page: Page, button = 'dialog-submit'): Promise<void> {
  await page.getByTestId(button).click();
  await page.getByTestId(button).waitFor({ state: 'detached' });
}

/** Confirms a danger step in antd's confirm dialog. */
async function submitDangerDialog(page: Page, button = 'dialog-submit'): Promise<void> {
  await page.getByTestId(button).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认' }).click();
  await page.getByTestId(button).waitFor({ state: 'detached' });
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

describe('error correction journey in the browser', () => {
  it('the case officer orders a standalone correction', async () => {
    const page = await newUserPage(h, 'desktop', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.getByTestId('shortcut-/corrections').waitFor();
    await snap(page, FOLDER, '01-officer-home-desktop');
    await page.getByRole('link', { name: '纠错', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: '纠错事项' }).waitFor();
    await look(page, 'list-empty');
    await page.getByTestId('procedure-new').click();

    await page.getByLabel('事项名称').fill(TITLE);
    await page
      .getByLabel('发现的问题')
      .fill('巡察发现：城关镇部分村级集体资金支出未经村民代表会议审议。\n个别支出缺少审批单据。');
    const unit = page.getByLabel('责任单位');
    await unit.click();
    await unit.fill(DEMO_PEOPLE.unitLeader.unitName);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: DEMO_PEOPLE.unitLeader.unitName,
      })
      .first()
      .click();
    await page.getByLabel('整改责任人').fill(`${DEMO_PEOPLE.unitLeader.unitName}党委书记李华`);
    await page.getByLabel('整改措施').fill('补办村民代表会议审议手续\n完善村级资金支出审批单据');
    await expect(page.getByLabel('整改期限（工作日）').inputValue()).resolves.toBe('10');
    await look(page, 'create-form');
    await snap(page, FOLDER, '02-officer-new-order-desktop');
    await page.getByTestId('create-submit').click();

    await expectStatus(page, '整改中');
    correctionUrl = new URL(page.url()).pathname;
    expect(correctionUrl).toMatch(/^\/corrections\/[0-9a-f-]{36}$/);
    const facts = page.getByTestId('procedure-facts');
    await facts.getByText('补办村民代表会议审议手续').waitFor();
    await facts.getByText('独立下达').waitFor();
    // The order's document is issued with the order.
    await page
      .getByTestId('documents')
      .getByText(/限期纠错整改的通知书/)
      .first()
      .waitFor();
    await look(page, 'detail-officer');
    await snap(page, FOLDER, '03-officer-order-issued-desktop');
    await page.context().close();
  });

  it('the unit leader reports progress with evidence and reports completion from a phone', async () => {
    const page = await newUserPage(h, 'phone', 'unit');
    await signInAs(page, h.baseUrl, 'unit');
    await page.goto(`${h.baseUrl}/corrections`);
    await page.getByTestId('procedure-cards').getByText(TITLE).waitFor();
    await look(page, 'list-unit-phone', true);
    await snap(page, FOLDER, '04-unit-list-phone');
    await page.getByTestId('procedure-cards').getByText(TITLE).click();
    await expectStatus(page, '整改中');
    await look(page, 'detail-unit-phone', true);
    await snap(page, FOLDER, '05-unit-detail-phone');

    await act(page, 'report_progress');
    await page
      .getByRole('textbox', { name: '整改进展' })
      .fill('已召开村民代表会议，对2026年以来的12笔支出逐笔审议。');
    await page.getByRole('spinbutton', { name: '完成进度' }).fill('60');
    await snap(page, FOLDER, '06-unit-progress-form-phone', false);
    await submitDialog(page);
    await page.getByTestId('records').getByText('已完成约 60%').waitFor();

    await act(page, 'add_evidence');
    await page
      .locator('.ant-modal input[type=file]')
      .setInputFiles({ name: '村民代表会议记录.png', mimeType: 'image/png', buffer: PNG });
    await page.getByLabel('材料说明（选填）').fill('村民代表会议审议记录（照片）');
    await snap(page, FOLDER, '07-unit-evidence-dialog-phone', false);
    await page.getByTestId('evidence-submit').click();
    await page.getByTestId('evidence-files').getByText('村民代表会议记录.png').waitFor();

    await act(page, 'report_completion');
    await page
      .getByRole('textbox', { name: '整改完成情况' })
      .fill('全部支出已补办审议手续，审批单据已补齐归档。');
    await submitDialog(page);
    await expectStatus(page, '待验收');
    await look(page, 'detail-unit-reported-phone', true);
    await snap(page, FOLDER, '08-unit-completion-reported-phone');
    await page.context().close();
  });

  it('the case officer accepts the rectification on the evidence', async () => {
    const page = await newUserPage(h, 'desktop', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.goto(`${h.baseUrl}/corrections?status=awaiting_acceptance`);
    await page.getByTestId('procedure-table').getByText(TITLE).click();
    await expectStatus(page, '待验收');
    await act(page, 'accept_rectification');
    await page
      .getByRole('textbox', { name: '验收意见' })
      .fill('经查阅村民代表会议记录和审批单据，整改到位。');
    await snap(page, FOLDER, '09-officer-accept-form-desktop', false);
    await submitDialog(page);
    await expectStatus(page, '待回头看');
    await page
      .getByTestId('records')
      .getByText(/起可以回头看/)
      .waitFor();
    // Looking back is not offered before the period has passed.
    await expect(page.getByTestId('action-look_back').count()).resolves.toBe(0);
    await look(page, 'detail-accepted');
    await snap(page, FOLDER, '10-officer-accepted-desktop');
    await page.context().close();
  });

  it('after the look-back period the officer looks back and closes the correction', async () => {
    h.platform.clock.set(new Date(h.platform.clock.now().getTime() + 100 * DAY));
    const page = await newUserPage(h, 'desktop', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.goto(`${h.baseUrl}${correctionUrl}`);
    await expectStatus(page, '待回头看');
    await act(page, 'look_back');
    // A relapse asks for a new period; holding does not.
    await page.getByRole('radio', { name: '出现反弹，需重新整改' }).check();
    await page.getByRole('spinbutton', { name: '重新整改期限' }).waitFor();
    await page.getByRole('radio', { name: '整改成效巩固' }).check();
    await expect(page.getByRole('spinbutton', { name: '重新整改期限' }).count()).resolves.toBe(0);
    await page
      .getByRole('textbox', { name: '回头看情况' })
      .fill('回访两个村，新发生支出均经审议，整改成效巩固。');
    await snap(page, FOLDER, '11-officer-look-back-desktop', false);
    await submitDialog(page);
    await expectStatus(page, '回头看已完成待销号');
    await act(page, 'close');
    await submitDialog(page);
    await expectStatus(page, '已销号');
    await page.getByTestId('no-actions').waitFor();
    await page.getByTestId('timeline').getByText('销号').first().waitFor();
    await look(page, 'detail-closed');
    await snap(page, FOLDER, '12-officer-closed-desktop');

    await page.goto(`${h.baseUrl}/corrections?status=closed`);
    await page.getByTestId('procedure-table').getByText(TITLE).waitFor();
    await page.context().close();
  });

  it('the unit sees the closed correction on a phone', async () => {
    const page = await newUserPage(h, 'phone', 'unit');
    await signInAs(page, h.baseUrl, 'unit');
    await page.goto(`${h.baseUrl}${correctionUrl}`);
    await expectStatus(page, '已销号');
    await look(page, 'detail-unit-closed-phone', true);
    await snap(page, FOLDER, '13-unit-closed-phone');
    await page.context().close();
  });

  it('a refused correction of a decision: the leader reopens the tolerance decision from its page', async () => {
    const flow = new CorrectionFlow(h.app, h.platform);
    const toleranceId = await flow.decidedWithCorrection();
    await flow.act('officer', toleranceId, 'notify');
    const correctionId = await flow.correctionOf(toleranceId);

    const officer = await newUserPage(h, 'desktop', 'officer');
    await signInAs(officer, h.baseUrl, 'officer');
    await officer.goto(`${h.baseUrl}/corrections/${correctionId}`);
    await officer.getByTestId('procedure-facts').getByText('随容错决定责令纠错').waitFor();
    await act(officer, 'record_refusal');
    await officer
      .getByRole('textbox', { name: '拒不整改的事实' })
      .fill('责任单位书面答复不予整改，经约谈仍拒不整改。');
    await submitDangerDialog(officer);
    await expectStatus(officer, '已报请领导处理');
    await officer.context().close();

    const leader = await newUserPage(h, 'desktop', 'leader');
    await signInAs(leader, h.baseUrl, 'leader');
    await leader.goto(`${h.baseUrl}/corrections/${correctionId}`);
    await leader.getByTestId('action-reorder').waitFor();
    await leader.getByTestId('action-terminate').waitFor();
    await look(leader, 'detail-escalated-leader');
    await snap(leader, FOLDER, '14-leader-escalated-desktop');
    await leader.getByTestId('tolerance-link').click();
    await leader.waitForURL(`**/matters/${toleranceId}`);
    const reopen = leader.getByTestId('action-reopen');
    await reopen.waitFor();
    await expect(reopen.textContent()).resolves.toContain('重新研究容错认定');
    await snap(leader, FOLDER, '15-leader-tolerance-reopen-offered-desktop', false);
    await reopen.click();
    await leader
      .getByLabel('理由', { exact: true })
      .fill('责任单位拒不整改，原容错认定的前提发生变化，提请重新研究。');
    await submitDangerDialog(leader, 'action-submit');
    await expectStatus(leader, '待集体研究');
    await leader.goto(`${h.baseUrl}/corrections/${correctionId}`);
    await expectStatus(leader, '已终止');
    await leader.getByTestId('records').getByText('领导已决定重新研究所依据的容错认定').waitFor();
    await snap(leader, FOLDER, '16-leader-correction-ended-desktop');
    await leader.context().close();
  });

  it('showed no console errors, no English or raw keys, and no serious accessibility violations', () => {
    expect(h.problems).toEqual([]);
    expect(foreign).toEqual([]);
    expect(axe).toEqual([]);
  });
});
