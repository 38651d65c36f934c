/**
 * 认定尺度统一 in the browser, in Chinese: three matters with a major loss (G5 failed) were refused by
 * the committee although the engine recommends mitigation. On a fourth like them, the case officer
 * sees the similar decided matters beside the determination, proposes mitigation, sees the
 * divergence alert, is stopped until a reason is given, gives it — the proposal records it. The
 * committee votes; the leader issuing the decision sees the alert again with the proposal's reason,
 * and the decision records it. The supervisor opens the outcome mix by unit and decision-maker
 * (desktop, then a phone). Screenshots go to /tmp/shots/consistency.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitId } from '../../src/db/seed/k-county.ts';
import { EXEMPT_FACTS, ToleranceFlow } from '../support/tolerance-flow.ts';
import { newUserPage, signInAs, startHarness, type Harness } from './support/browser.ts';
import { checkPage, foreignText, snap } from './support/shots.ts';

const FOLDER = 'consistency';
const LOSS_FACTS = { ...EXEMPT_FACTS, gates: { ...EXEMPT_FACTS.gates, G5: false } };
const REASON = '当事人已主动挽回大部分损失，情节明显轻于前三件，故拟减责。';

let h: Harness;
let flow: ToleranceFlow;
let matterId = '';
const axe: string[] = [];
const foreign: string[] = [];

async function look(page: Page, name: string, phone = false): Promise<void> {
  await checkPage(page, axe, name, phone);
  for (const word of await foreignText(page)) foreign.push(`${name}: ${word}`);
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
  flow = new ToleranceFlow(h.app, h.platform);
  const db = h.platform.deps.db;
  const subjects = await db
    .selectFrom('cadres')
    .select('id')
    .where('unit_id', '=', unitId('K-U011'))
    .where('status', '=', 'in_office')
    .orderBy('id')
    .limit(4)
    .execute();
  const members = ['leader', 'committee1', 'committee2', 'committee3'];
  const present = await Promise.all(members.map((u) => flow.userId(u)));
  const open = async (subject: string, title: string) => {
    const res = await flow.post('officer', '/api/matters', {
      route: 'ex_officio',
      subjectCadreId: subject,
      title,
      summary: '因项目前期论证不充分，设备采购后闲置，造成较大经济损失。',
      conductDate: EXEMPT_FACTS.conductDate,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<{ id: string }>();
    await flow.act('officer', id, 'record_facts', {
      facts: LOSS_FACTS,
      findings: '经核实，采购经集体研究，未发现谋取私利，但造成较大损失，尚未挽回。',
    });
    return id;
  };
  // Three refusals: the committee held these losses too great for tolerance.
  for (const [i, subject] of subjects.slice(0, 3).entries()) {
    const id = await open(subject.id, `设备采购闲置造成损失问题容错审查（${i + 1}）`);
    const departure = { departureReason: '损失重大且未挽回，常委会从严把握。' };
    await flow.act('officer', id, 'propose', { outcome: 'refuse', analysis: '损失重大。', ...departure });
    await flow.act('leader', id, 'convene_meeting', { heldOn: flow.today(), present });
    for (const member of members)
      await flow.act(member, id, 'cast_vote', { vote: 'refuse', opinion: '不予容错。' });
    await flow.act('leader', id, 'decide', { minutes: '会议研究决定不予容错。', ...departure });
  }
  // Another unit whose five matters were all exempted: far above the rest (1 of 4 tolerated) — the shield flag.
  const others = await db
    .selectFrom('cadres')
    .select('id')
    .where('unit_id', '=', unitId('K-U010'))
    .where('status', '=', 'in_office')
    .orderBy('id')
    .limit(5)
    .execute();
  for (const [i, subject] of others.entries()) {
    const res = await flow.post('officer', '/api/matters', {
      route: 'ex_officio',
      subjectCadreId: subject.id,
      title: `土地整理项目先行实施容错审查（${i + 1}）`,
      summary: '土地整理项目在方案批复前先行实施，后经集体研究补办手续。',
      conductDate: EXEMPT_FACTS.conductDate,
    });
    const { id } = res.json<{ id: string }>();
    await flow.act('officer', id, 'record_facts', {
      facts: EXEMPT_FACTS,
      findings: '经核实，先行实施经集体研究，未谋取私利。',
    });
    await flow.act('officer', id, 'propose', { outcome: 'exempt', analysis: '符合免责情形。' });
    await flow.act('leader', id, 'convene_meeting', { heldOn: flow.today(), present });
    for (const member of members)
      await flow.act(member, id, 'cast_vote', { vote: 'exempt', opinion: '同意免责。' });
    await flow.act('leader', id, 'decide', { minutes: '会议研究决定予以免责。' });
  }
  matterId = await open(subjects[3]!.id, '设备采购闲置造成损失问题容错审查（拟减责）');
}, 300_000);

afterAll(async () => {
  await h?.close();
  expect(axe, 'serious accessibility violations').toEqual([]);
  expect(foreign, 'English words or raw keys on Chinese pages').toEqual([]);
  expect(h?.problems ?? [], 'console errors and failed requests').toEqual([]);
});

describe('consistency of determinations in the browser', () => {
  it('the officer sees the similar decided matters, proposes against them, and must give a reason', async () => {
    const page = await newUserPage(h, 'desktop', 'officer');
    await signInAs(page, h.baseUrl, 'officer');
    await page.goto(`${h.baseUrl}/matters/${matterId}`);
    const similar = page.getByTestId('similar');
    await similar.getByTestId('similar-item').nth(2).waitFor();
    // The three refusals like it come first and are counted; the exempted land matters (G5 held) after.
    const items = similar.getByTestId('similar-item');
    for (const i of [0, 1, 2])
      await expect(items.nth(i).innerText()).resolves.toMatch(/不予容错[\s\S]*计入参照/);
    await expect(items.nth(3).innerText()).resolves.toContain('G5 不同');
    await expect(similar.getByTestId('practice').innerText()).resolves.toContain('3 件“不予容错”');
    await snap(page, FOLDER, '01-officer-similar-matters');
    await look(page, 'workspace with similar matters');

    await page.getByTestId('action-propose').click();
    // The engine recommends mitigation, and the form starts from it: the alert is there at once.
    const form = page.getByTestId('form-propose');
    await form.getByTestId('divergence-alert').waitFor();
    await page.getByLabel('“三个区分开来”分析与理由').fill('当事人出于公心，事后积极挽回损失。');
    await page.getByLabel('处理措施').fill('批评教育');
    await page.getByTestId('action-submit').click();
    // Refused until the reason is written (the form checks as the server does).
    await form.locator('.ant-form-item-explain-error', { hasText: '请填写此项' }).first().waitFor();
    await snap(page, FOLDER, '02-officer-divergence-alert', false);
    await look(page, 'propose with divergence alert');
    await page.getByLabel('与类似事项多数结果不一致的理由').fill(REASON);
    await submitDialog(page);
    await expectStatus(page, '待集体研究');
    // Awaiting the committee, the page opens on the meeting; the proposal is on the overview.
    await page.getByRole('tab', { name: '概况' }).click();
    const recorded = page.getByTestId('proposal').getByTestId('recorded-divergence');
    await recorded.waitFor();
    await expect(recorded.innerText()).resolves.toContain(REASON);
    await snap(page, FOLDER, '03-officer-proposal-recorded');
    await page.context().close();
  });

  it('the leader decides with the alert before him, and the decision records it', async () => {
    const members = ['leader', 'committee1', 'committee2', 'committee3'];
    await flow.act('leader', matterId, 'convene_meeting', {
      heldOn: flow.today(),
      present: await Promise.all(members.map((u) => flow.userId(u))),
    });
    for (const member of members)
      await flow.act(member, matterId, 'cast_vote', { vote: 'mitigate', opinion: '同意减责。' });

    const page = await newUserPage(h, 'desktop', 'leader');
    await signInAs(page, h.baseUrl, 'leader');
    await page.goto(`${h.baseUrl}/matters/${matterId}?tab=meeting`);
    await page.getByTestId('action-decide').first().click();
    const form = page.getByTestId('form-decide');
    await form.getByTestId('divergence-alert').waitFor();
    await expect(form.innerText()).resolves.toContain(REASON);
    await page
      .getByLabel('会议纪要')
      .fill('常委会认为本事项损失已大部分挽回，情节轻于以往同类事项，表决予以减责。');
    await page.getByLabel('处理措施').fill('批评教育');
    await snap(page, FOLDER, '04-leader-decide-alert', false);
    await look(page, 'decide with divergence alert');
    await submitDialog(page);
    await expectStatus(page, '已决定待送达');
    await page.getByRole('tab', { name: '概况' }).click();
    const recorded = page.getByTestId('decision').getByTestId('recorded-divergence');
    await recorded.waitFor();
    await expect(recorded.innerText()).resolves.toContain(REASON);
    await snap(page, FOLDER, '05-leader-decision-recorded');
    await page.context().close();

    const decide = await h.platform.deps.db
      .selectFrom('audit_events')
      .select('data')
      .where('entity_id', '=', matterId)
      .where('action', '=', 'tolerance.decide')
      .executeTakeFirstOrThrow();
    expect(decide.data).toMatchObject({
      consistency: {
        diverges: true,
        outcome: 'mitigate',
        majority: 'refuse',
        reason: REASON,
        mix: { refuse: 3 },
      },
    });
  });

  it('the supervisor reads the outcome mix by unit and decision-maker, on a desktop and a phone', async () => {
    const page = await newUserPage(h, 'desktop', 'supervisor');
    await signInAs(page, h.baseUrl, 'supervisor');
    await page.getByRole('link', { name: '认定尺度' }).first().click();
    await page.getByTestId('outcome-mix').waitFor();
    const unit = page.getByTestId('mix-unit');
    await unit.getByText('辖区合计').waitFor();
    // Counts of 1–4 are withheld from the higher level; the unit that exempted all five is flagged.
    await expect(unit.innerText()).resolves.toContain('<5');
    await unit.getByTestId('shield-flag').waitFor();
    // Without its p-value: ¼⁵ would tell the higher level it was five of five.
    await expect(unit.innerText()).resolves.not.toContain('p =');
    await page.getByTestId('mix-proposer').getByText('王强').waitFor();
    await page.getByTestId('mix-decider').getByText('陈刚').waitFor();
    await snap(page, FOLDER, '06-supervisor-outcome-mix');
    await look(page, 'outcome mix');
    await page.context().close();

    const phone = await newUserPage(h, 'phone', 'supervisor phone');
    await signInAs(phone, h.baseUrl, 'supervisor');
    await phone.goto(`${h.baseUrl}/consistency`);
    await phone.getByTestId('mix-unit').waitFor();
    await snap(phone, FOLDER, '07-supervisor-outcome-mix-phone');
    await look(phone, 'outcome mix on a phone', true);
    await phone.context().close();

    // The commission leader reads the same view over the county, unsuppressed: figures and the chart.
    const leader = await newUserPage(h, 'desktop', 'leader');
    await signInAs(leader, h.baseUrl, 'leader');
    await leader.goto(`${h.baseUrl}/consistency`);
    await leader.getByTestId('chart-mix').waitFor();
    const flagged = leader.getByTestId('mix-unit').locator('tr.rc-mix-flagged');
    await expect(flagged.innerText()).resolves.toMatch(/5\s+5\s+0\s+0\s+100%/);
    await snap(leader, FOLDER, '09-leader-outcome-mix-flag');
    await look(leader, 'outcome mix, commission leader');
    await leader.context().close();

    // English is complete too.
    const english = await newUserPage(h, 'desktop', 'supervisor english');
    await signInAs(english, h.baseUrl, 'supervisor');
    await english.evaluate(() => localStorage.setItem('rongcuo.language', 'en'));
    await english.goto(`${h.baseUrl}/consistency`);
    await english.getByRole('heading', { name: 'Consistency: outcome mix' }).waitFor();
    await english.getByRole('heading', { name: "By the cadre's unit" }).waitFor();
    await snap(english, FOLDER, '08-supervisor-outcome-mix-en');
    await english.context().close();
  });
});
