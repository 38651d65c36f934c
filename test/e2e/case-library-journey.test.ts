/**
 * The typical case library in the browser: the case officer prepares a decided matter as a case,
 * sees the personal data the automatic de-identification left marked, types a name back in (marked
 * red, proposing no longer offered), has it de-identified again and proposes; the commission leader approves;
 * an anonymous visitor on a phone finds the case on the public page by searching in Chinese and
 * reads it — with no name, ID or phone number in it. Screenshots go to /tmp/shots/case-library/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXEMPT_FACTS, ToleranceFlow } from '../support/tolerance-flow.ts';
import {
  horizontalOverflow,
  newUserPage,
  seriousAxeViolations,
  signInAs,
  startHarness,
  type Harness,
} from './support/browser.ts';

const SHOTS = '/tmp/shots/case-library';
const TITLE = '关于老旧小区改造先行垫资启动施工的容错申请';
const CASE_TITLE = '老旧小区改造先行垫资启动施工获容错免责';
const PERSONAL = ['张明', '110101198206151234', '13812345678', '王小虎', '城关镇人民政府', '李华'];

let h: Harness;
let matterNumber = '';
let caseUrl = '';
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

beforeAll(async () => {
  h = await startHarness();
  // A decided matter whose account carries names, an ID number, a phone and a unit.
  const flow = new ToleranceFlow(h.app, h.platform);
  const opened = await flow.post('cadre', '/api/matters', {
    route: 'own_application',
    title: TITLE,
    summary:
      '2026年1月15日，K县城关镇人民政府召开党委会，为赶在汛期前完成排水改造，决定由镇财政先行垫资8万元启动施工，' +
      '由县农业农村局副局长张明（身份证号110101198206151234，手机13812345678）协调资金。村民王小虎反映施工占用其承包地。',
    conductDate: EXEMPT_FACTS.conductDate,
    submit: true,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const { id, number } = opened.json<{ id: string; number: string }>();
  matterNumber = number;
  await flow.act('officer', id, 'accept');
  await flow.act('officer', id, 'record_facts', {
    facts: EXEMPT_FACTS,
    findings: '经核实，垫资事项经党委会集体研究决定，工程已按期完工，垫资款项已全部收回。',
  });
  await flow.act('officer', id, 'propose', {
    outcome: 'exempt',
    analysis: '张明同志出于公心推动民生工程，未谋取私利。',
  });
  await flow.convene(id, ['leader', 'committee1', 'committee2', 'committee3']);
  await flow.vote(id, ['committee1', 'committee2', 'committee3', 'leader'], 'exempt');
  await flow.act('leader', id, 'decide', { minutes: '会议同意予以容错免责。' });
  await flow.act('officer', id, 'notify');
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('typical case library in the browser', () => {
  it('the case officer prepares the case, reviews the highlighted personal data and proposes it', async () => {
    const page = await newUserPage(h, 'desktop', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.getByRole('link', { name: '典型案例' }).first().click();
    await page.getByRole('heading', { level: 1, name: '典型案例库' }).waitFor();
    await page.getByTestId('tab-candidates').click();
    await page.getByTestId(`prepare-${matterNumber}`).waitFor();
    await checkPage(page, 'candidates');
    await shot(page, '01-officer-candidates', false);
    await page.getByTestId(`prepare-${matterNumber}`).click();

    await page.getByRole('heading', { level: 1, name: CASE_TITLE }).waitFor();
    caseUrl = new URL(page.url()).pathname;
    const facts = page.getByTestId('case-facts');
    for (const gone of PERSONAL) await expect(facts.textContent()).resolves.not.toContain(gone);
    await expect(facts.textContent()).resolves.toContain(
      '县某局副局长张某（身份证号（身份证号码略），手机（手机号码略））',
    );
    await page.getByTestId('case-clean').waitFor();
    await checkPage(page, 'draft');
    await shot(page, '02-officer-draft');

    // A name and a phone number typed back in are marked red, and the proposal is refused.
    await page.getByTestId('case-action-revise').click();
    await page
      .getByTestId('case-edit-significance')
      .fill('本案经李华同志介绍（联系电话13900001111），由宜昌早安香市场管理有限公司施工。');
    await shot(page, '03-officer-revise', false);
    await page.getByTestId('case-revise-save').click();
    await page.getByTestId('case-blocking').waitFor();
    const significance = page.getByTestId('case-significance');
    await expect(significance.locator('mark.rc-pd-certain').allTextContents()).resolves.toEqual([
      '李华',
      '13900001111',
    ]);
    await expect(significance.locator('mark.rc-pd-suspected').allTextContents()).resolves.toEqual([
      '宜昌早安香市场管理有限公司',
    ]);
    await checkPage(page, 'highlighted');
    await shot(page, '04-officer-highlighted');
    // The table's guard: while something identifies a person, proposing is not offered at all.
    await expect(page.getByTestId('case-blocking').textContent()).resolves.toContain(
      '仍有 2 处可识别个人的信息',
    );
    await expect(page.getByTestId('case-action-propose').count()).resolves.toBe(0);

    // De-identified again, the officer writes the lesson without the company and proposes.
    await page.getByTestId('case-action-revise').click();
    await page
      .getByTestId('case-edit-significance')
      .fill('为民担当、集体决策、事后及时补正的先行垫资，应当依规容错免责。');
    await page.getByTestId('case-edit-redeidentify').check();
    await page.getByTestId('case-revise-save').click();
    await page.getByTestId('case-clean').waitFor();
    await page.getByTestId('case-action-propose').click();
    await page.getByTestId('case-step-text').fill('请审批发布');
    await page.getByTestId('case-step-submit').click();
    await page.getByTestId('case-status').filter({ hasText: '待审批' }).waitFor();
    await expect(page.getByTestId('case-action-approve').count()).resolves.toBe(0);
    await shot(page, '06-officer-proposed');
    await page.context().close();
  });

  it('the commission leader approves it for publication', async () => {
    const page = await newUserPage(h, 'desktop', 'leader');
    await signInAs(page, h.baseUrl, 'leader');
    await page.goto(`${h.baseUrl}/case-library?status=proposed`);
    const result = page.getByTestId('case-result').filter({ hasText: CASE_TITLE });
    await result.waitFor();
    await checkPage(page, 'library-proposed');
    await shot(page, '07-leader-library', false);
    await result.getByRole('link').first().click();
    await page.waitForURL(`**${caseUrl}`);
    await expect(page.getByTestId('case-action-revise').count()).resolves.toBe(0);
    await page.getByTestId('case-action-approve').click();
    await page.getByTestId('case-step-submit').click();
    await page.getByTestId('case-status').filter({ hasText: '已发布' }).waitFor();
    await page.getByTestId('case-public-link').waitFor();
    await shot(page, '08-leader-published');
    await page.context().close();
  });

  it('an anonymous visitor on a phone finds it on the public page by searching in Chinese', async () => {
    const page = await newUserPage(h, 'phone', 'visitor');
    await page.goto(`${h.baseUrl}/cases`);
    await page.getByRole('heading', { level: 1, name: '典型案例' }).waitFor();
    await page.getByRole('searchbox', { name: '搜索案例' }).fill('垫资');
    await page.getByRole('searchbox', { name: '搜索案例' }).press('Enter');
    const result = page.getByTestId('public-case-result').filter({ hasText: CASE_TITLE });
    await result.waitFor();
    await expect(result.locator('mark.rc-hit').first().textContent()).resolves.toBe('垫资');
    await checkPage(page, 'public-search', true);
    await shot(page, '09-public-search-phone');
    await result.getByRole('link').click();
    await page.getByTestId('public-case').waitFor();
    const text = (await page.getByTestId('public-case').textContent()) ?? '';
    for (const gone of [...PERSONAL, '13900001111']) expect(text).not.toContain(gone);
    expect(text).toContain('K县纪委监委');
    expect(text).toContain('县某局副局长张某');
    await checkPage(page, 'public-case', true);
    await shot(page, '10-public-case-phone');
    // Nothing of the signed-in app is reachable from here without signing in.
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.context().close();

    // The same pages at a desk.
    const desk = await newUserPage(h, 'desktop', 'visitor-desktop');
    await desk.goto(`${h.baseUrl}/cases?q=${encodeURIComponent('先行垫资')}`);
    await desk.getByTestId('public-case-result').filter({ hasText: CASE_TITLE }).waitFor();
    await checkPage(desk, 'public-search-desktop');
    await shot(desk, '11-public-search-desktop', false);
    await desk.context().close();
  });

  it('had no console errors, failed requests or serious accessibility violations', () => {
    expect(h.problems).toEqual([]);
    expect(axe).toEqual([]);
  });
});
