/**
 * The tolerance procedure end to end in the browser, each role at the screen size they would use:
 * the cadre applies from a phone with an evidence file; the case officer accepts, records the facts
 * (live recommendation beside them) and proposes; the leader convenes the standing committee; three
 * members and the leader vote; the leader decides; the officer serves the decision; the cadre
 * acknowledges it, downloads the PDF and appeals. Screenshots of every step go to screenshots/e2e/.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBeijingDate } from '../../src/domain/calendar/local-date.ts';
import {
  chooseOption,
  horizontalOverflow,
  newUserPage,
  seriousAxeViolations,
  shot,
  signInAs,
  startHarness,
  type Harness,
} from './support/browser.ts';

const FOLDER = 'e2e';
// A 1×1 PNG: what a phone photo of a meeting record looks like to the upload's type sniffing.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const TITLE = '为赶汛期工期先行垫资修建村道';

let h: Harness;
let matterUrl = '';
const axe: string[] = [];

async function checkPage(page: Page, name: string, phone = false): Promise<void> {
  await page.waitForTimeout(500); // let dialogs and toasts finish fading, or axe measures half-transparent text
  if (phone) expect({ name, overflow: await horizontalOverflow(page) }).toEqual({ name, overflow: 0 });
  for (const line of await seriousAxeViolations(page)) axe.push(`${name}: ${line}`);
}

async function act(page: Page, action: string): Promise<void> {
  await page.getByTestId(`action-${action}`).first().click();
}

async function submitDialog(page: Page): Promise<void> {
  await page.getByTestId('action-submit').click();
  await page.getByTestId('action-submit').waitFor({ state: 'detached' });
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

describe('tolerance journey in the browser', () => {
  it('the cadre applies from a phone, with evidence', async () => {
    const page = await newUserPage(h, 'phone', 'cadre');
    await signInAs(page, h.baseUrl, 'cadre');
    await page.goto(`${h.baseUrl}/apply`);
    await page.getByTestId('apply-learn').getByText('三个区分开来').waitFor();
    await checkPage(page, 'apply-learn', true);
    await shot(page, FOLDER, '01-cadre-apply-learn');

    await page.getByTestId('apply-start').click();
    await page.getByLabel('事项名称').fill(TITLE);
    await page
      .getByLabel('事情经过')
      .fill(
        '为赶在汛期前完工，经镇党委会集体研究后，由镇财政所先行垫资施工。后因上级资金延迟拨付，被认定为违规垫资。事后已补办手续。',
      );
    await page.getByLabel('事情发生的日期').fill('2026-01-15');
    await checkPage(page, 'apply-form', true);
    await shot(page, FOLDER, '02-cadre-apply-form');
    await page.getByTestId('apply-next').click();

    await page.getByTestId('apply-evidence').waitFor();
    await act(page, 'add_evidence');
    await page
      .locator('.ant-modal input[type=file]')
      .setInputFiles({ name: '镇党委会会议记录.png', mimeType: 'image/png', buffer: PNG });
    await page.getByLabel('材料说明（选填）').fill('2026年1月镇党委会会议记录（手机拍照）');
    await shot(page, FOLDER, '03-cadre-evidence-dialog', false);
    await page.getByTestId('evidence-submit').click();
    await page.getByTestId('evidence-files').getByText('镇党委会会议记录.png').waitFor();
    await checkPage(page, 'apply-evidence', true);
    await shot(page, FOLDER, '04-cadre-evidence-added');

    await page.getByTestId('apply-submit').click();
    await page.getByTestId('apply-submitted').waitFor();
    await shot(page, FOLDER, '05-cadre-submitted');
    await page.getByTestId('apply-view').click();
    await page.getByTestId('party-status').waitFor();
    matterUrl = new URL(page.url()).pathname;
    await expect(page.getByTestId('party-status').textContent()).resolves.toContain(
      '纪委监委正在审查是否受理',
    );
    await checkPage(page, 'party-submitted', true);
    await shot(page, FOLDER, '06-cadre-where-it-stands');
    await page.context().close();
  });

  it('the case officer accepts, records the facts and proposes', async () => {
    const page = await newUserPage(h, 'desktop', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.goto(`${h.baseUrl}/matters`);
    await page.getByTestId('inbox-table').getByText(TITLE).waitFor();
    await checkPage(page, 'inbox');
    await shot(page, FOLDER, '07-officer-inbox', false);
    await page.getByTestId('inbox-table').getByText(TITLE).click();

    await act(page, 'accept');
    await shot(page, FOLDER, '08-officer-accept', false);
    await submitDialog(page);
    await expectStatus(page, '核实中');
    await checkPage(page, 'workspace');

    await act(page, 'record_facts');
    const facts = page.getByTestId('form-record_facts');
    for (const row of await facts.locator('.rc-gate-row').all())
      await row.getByText('是', { exact: true }).click();
    await facts.getByText(/^S3 /).click();
    await page
      .getByLabel('核实认定的事实')
      .fill(
        '经调阅镇党委会会议记录、走访施工村组、与当事人谈话，查明：垫资经集体研究，未谋取私利，工程已按期完工。',
      );
    await page.getByTestId('recommendation').locator('.rc-outcome-exempt').waitFor();
    await shot(page, FOLDER, '09-officer-facts-live-recommendation', false);
    await submitDialog(page);

    await act(page, 'propose');
    await page
      .getByLabel('“三个区分开来”分析与理由')
      .fill('属于推进民生工程中为抢工期的无意过失，出于公心、经集体研究，符合免责情形。');
    await shot(page, FOLDER, '10-officer-propose', false);
    await submitDialog(page);
    await expectStatus(page, '待集体研究');
    await shot(page, FOLDER, '11-officer-proposed');
    await page.context().close();
  });

  it('the leader convenes the standing committee', async () => {
    const page = await newUserPage(h, 'desktop', 'leader');
    await signInAs(page, h.baseUrl, 'leader');
    await page.goto(`${h.baseUrl}/meetings`);
    await page.getByTestId('agenda').getByText(TITLE).first().waitFor();
    await checkPage(page, 'meetings');
    await shot(page, FOLDER, '12-leader-agenda');
    await page.getByTestId('agenda-item').filter({ hasText: TITLE }).click();
    await page.getByTestId('meeting').waitFor();

    await act(page, 'convene_meeting');
    const members = page.getByTestId('field-present');
    const none = page.getByTestId('no-members');
    await members.or(none).first().waitFor();
    const present = await h.platform.deps.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('username', 'in', ['leader', 'committee1', 'committee2', 'committee3'])
      .execute();
    if (await members.isVisible()) {
      for (const user of present) await members.getByText(user.display_name, { exact: true }).click();
      await shot(page, FOLDER, '13-leader-convene', false);
      await submitDialog(page);
    } else {
      // API gap: no endpoint lists the deciding body (GET /api/matters/:id/committee proposed), so the
      // form says it cannot be used; the step is taken through the API as the leader would.
      await shot(page, FOLDER, '13-leader-convene-no-members', false);
      await page.getByRole('button', { name: '取消' }).click();
      const me = (await (await page.request.get(`${h.baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
      const answer = await page.request.post(
        `${h.baseUrl}/api/matters/${matterUrl.split('/').pop()}/actions/convene_meeting`,
        {
          headers: { 'x-csrf-token': me.csrfToken },
          data: { heldOn: toBeijingDate(h.platform.clock.now()), present: present.map((u) => u.id) },
        },
      );
      expect(answer.status()).toBe(200);
      await page.reload();
    }
    await expectStatus(page, '集体研究中');
    await page.getByTestId('votes').waitFor();
    await shot(page, FOLDER, '14-leader-meeting-convened');
    await page.context().close();
  });

  it('three committee members and the leader vote', async () => {
    const voters = [
      ['committee1', 'tablet'],
      ['committee2', 'desktop'],
      ['committee3', 'desktop'],
      ['leader', 'desktop'],
    ] as const;
    for (const [index, [username, viewport]] of voters.entries()) {
      const page = await newUserPage(h, viewport, username);
      await signInAs(page, h.baseUrl, username);
      await page.goto(`${h.baseUrl}${matterUrl}?tab=meeting`);
      await page.getByTestId('meeting').waitFor();
      if (index === 0) {
        await page.getByText('应当申请回避').waitFor();
        await checkPage(page, 'meeting-member');
        await shot(page, FOLDER, '15-committee-meeting-tablet');
      }
      await act(page, 'cast_vote');
      await chooseOption(page, '表决意见', '免责');
      await page.getByLabel('意见', { exact: true }).fill('同意承办部门意见，属于可以免责的情形。');
      if (index === 0) await shot(page, FOLDER, '16-committee-vote-form', false);
      await submitDialog(page);
      await page.getByTestId('votes').getByText('同意承办部门意见').nth(index).waitFor();
      if (index === voters.length - 1) await shot(page, FOLDER, '17-votes-cast');
      await page.context().close();
    }
  });

  it('the leader decides and the officer serves the decision', async () => {
    const leader = await newUserPage(h, 'desktop', 'leader');
    await signInAs(leader, h.baseUrl, 'leader');
    await leader.goto(`${h.baseUrl}${matterUrl}?tab=meeting`);
    await act(leader, 'decide');
    await leader.getByLabel('会议纪要').fill('常委会听取承办部门汇报，经充分讨论，出席委员一致同意免责。');
    await shot(leader, FOLDER, '18-leader-decide', false);
    await submitDialog(leader);
    await expectStatus(leader, '已决定待送达');
    await leader.context().close();

    const officer = await newUserPage(h, 'desktop', 'officer');
    await signInAs(officer, h.baseUrl, 'officer');
    await officer.goto(`${h.baseUrl}${matterUrl}`);
    await act(officer, 'notify');
    await submitDialog(officer);
    await expectStatus(officer, '已送达');
    await officer.getByRole('tab', { name: '文书' }).click();
    await officer.getByTestId('documents').waitFor();
    await shot(officer, FOLDER, '19-officer-documents');
    await officer.context().close();
  });

  it('the cadre acknowledges receipt, downloads the PDF and appeals', async () => {
    const page = await newUserPage(h, 'phone', 'cadre');
    await signInAs(page, h.baseUrl, 'cadre');
    await page.goto(`${h.baseUrl}/my`);
    await page.getByTestId('my-matters').getByText(TITLE).click();
    await page.getByTestId('party-status').waitFor();
    await checkPage(page, 'party-notified', true);
    await shot(page, FOLDER, '20-cadre-decision-served');

    await act(page, 'acknowledge_receipt');
    await submitDialog(page);
    const appeal = page.getByTestId('action-appeal');
    await expect(appeal.textContent()).resolves.toMatch(/提出申诉（截至 \d{4}年\d{1,2}月\d{1,2}日）/);
    await checkPage(page, 'party-received', true);
    await shot(page, FOLDER, '21-cadre-received');

    const download = page.waitForEvent('download');
    await page.getByTestId('document-pdf').first().click();
    const file = await (await download).path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

    await appeal.click();
    await chooseOption(page, '申诉所针对的决定类型', '党内问责决定');
    await chooseOption(page, '申诉内容', '容错认定');
    await page.getByLabel('申诉理由').fill('认为决定未充分考虑事后补办手续的情况，请求复核。');
    await shot(page, FOLDER, '22-cadre-appeal-form');
    await submitDialog(page);
    await expectStatus(page, '申诉复核中');
    await checkPage(page, 'party-appealed', true);
    await shot(page, FOLDER, '23-cadre-appealed');
    await page.context().close();
  });

  it('showed no console errors and no serious accessibility violations', () => {
    expect(h.problems).toEqual([]);
    expect(axe).toEqual([]);
  });
});
