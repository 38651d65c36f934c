/**
 * 回访教育 and 重新使用 end to end through the API on both engines: a sanction recorded with its
 * influence period (policy data, fixed when recorded) → a visit planned inside the window → the
 * register form refused with one visitor and taken with two → graded → reuse recommended, returned
 * by the leader, recommended again → approved and sent with the signed register form to the
 * organisation department, which signs for it → the form rendered and verified publicly; a grade
 * other than good, and 开除, rule reuse out; the influence-period block refuses an appointment up to
 * the last day of the longest period and allows it the day after; the audit chain verifies.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { loadDemoFollowUps } from '../../src/db/seed/demo-follow-up.ts';
import { DEMO_JURISDICTION_IDS, DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import type { App } from '../../src/server/build-app.ts';
import { followUpOutcomesOfCadre } from '../../src/usecases/follow-up/outcomes.ts';
import { CorrectionFlow } from '../support/correction-flow.ts';
import { createTestApp, createTestPlatform, ENGINES, type TestPlatform } from '../support/platform.ts';

type Described = { action: string; fields: { name: string; required: boolean }[] };
type SanctionBody = {
  id: string;
  typeLabel: { zh: string };
  influence: { months: number | null; endsOn: string | null; running: boolean; reusable: boolean };
  followUps: { id: string; status: string }[];
  followUpDue: boolean;
  summary: string | null;
  allowedActions: Described[];
};
type FollowUpBody = {
  matter: {
    status: string;
    view: string;
    statusLabel: { zh: string; en: string };
    deadline: { kind: string; dueDate: string } | null;
    window: { from: string; until: string | null } | null;
    plan: { plannedOn: string; outline: string | null; mentor: string | null } | null;
    visit: Record<string, unknown> | null;
    grade: { grade: string; label: { zh: string } } | null;
    reuse: {
      recommended: boolean;
      reasons: string;
      deliveredOn: string | null;
      receivedOn: string | null;
    } | null;
    registerForm: { documentId: string; code: string; number: string } | null;
  };
  allowedActions: Described[];
  documents: {
    id: string;
    kind: string;
    code: string;
    number: string;
    title: string;
    recipient: string | null;
  }[];
  records: { kind: string; text: string | null }[];
  timeline: { action: string }[];
};

const TWO_VISITORS = [
  { name: '王强', position: '县纪委监委第一纪检监察室主任' },
  { name: '刘洋', position: '县纪委监委干部' },
];
const REGISTER = {
  visitedOn: '2026-03-10',
  place: '城关镇政府会议室',
  methods: ['listen', 'observe', 'talk'],
  politicalThinking: '能够主动学习党纪法规，正确对待组织处理。',
  conduct: '处分后未发现新的违规违纪问题。',
  work: '牵头完成汛前河道清淤，群众评价较好。',
  sanctionExecution: '处分决定已当面宣布并存入个人档案。',
  attitude: '对所犯错误认识深刻，表示引以为戒。',
  talk: '回访组与本人谈心谈话，了解其思想动态和工作生活困难。',
  unitOpinion: '同意回访组意见。',
};

describe.each(ENGINES)('follow-up visits and reuse on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  let flow: CorrectionFlow;
  let cadreId: string;
  let warningId: string;
  let demeritId: string;
  let followUpId: string;

  const sanction = (username: string, id: string, body: object, status = 201) =>
    flow.post(username, `/api/cadres/${id}/sanctions`, body).then((res) => {
      expect(res.statusCode, `${username}: ${res.body}`).toBe(status);
      return res.json<
        SanctionBody & { code?: string; field?: string; message?: string; messageEn?: string }
      >();
    });
  const step = async (username: string, id: string, action: string, body: object = {}, status = 200) => {
    const res = await flow.post(username, `/api/follow-ups/${id}/actions/${action}`, body);
    expect(res.statusCode, `${username} ${action}: ${res.body}`).toBe(status);
    return res.json<FollowUpBody & { code?: string; field?: string; message?: string; messageEn?: string }>();
  };
  const detail = async (username: string, id: string, status = 200) => {
    const res = await flow.get(username, `/api/follow-ups/${id}`);
    expect(res.statusCode, res.body).toBe(status);
    return res.json<FollowUpBody>();
  };
  const plan = async (sanctionId: string, plannedOn: string, status = 201) => {
    const res = await flow.post('officer', '/api/follow-ups', {
      sanctionId,
      plannedOn,
      visitors: TWO_VISITORS,
      outline: '一、对处分的认识；二、处分后的工作表现；三、思想和生活上的困难。',
      mentor: '城关镇党委副书记',
    });
    expect(res.statusCode, res.body).toBe(status);
    return res.json<{ id: string; number: string; code?: string; field?: string }>();
  };
  const count = async (table: 'sanctions' | 'appointment_proposals' | 'matters') =>
    Number(
      (
        await platform.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    flow = new CorrectionFlow(app, platform);
    cadreId = await flow.unitCadreId();
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('records sanctions with their influence periods counted under the policy, and refuses bad ones with bilingual errors', async () => {
    const warning = await sanction('officer', cadreId, {
      type: 'party_warning',
      decidedOn: '2026-01-08',
      effectiveOn: '2026-01-10',
      decidedBy: '中共K县纪律检查委员会',
      documentNumber: 'K纪处〔2026〕2号',
      summary: '违规发放津补贴。',
    });
    warningId = warning.id;
    expect(warning).toMatchObject({
      typeLabel: { zh: '党内警告' },
      category: 'party_discipline',
      effectiveOn: '2026-01-10',
      policy: { id: 'k-county', version: '2024-01-01' },
      // One year from the effective day: barred until the day before 2027-01-10.
      influence: { months: 12, endsOn: '2027-01-09', running: true, reusable: true, verified: true },
      summary: '违规发放津补贴。',
      followUps: [],
      followUpDue: true,
    });
    expect(warning.allowedActions.map((a) => a.action)).toEqual(['plan_follow_up']);
    const demerit = await sanction('leader', cadreId, {
      type: 'public_major_demerit',
      decidedOn: '2026-01-10',
      effectiveOn: '2026-01-10',
      decidedBy: 'K县监察委员会',
    });
    demeritId = demerit.id;
    expect(demerit.influence).toMatchObject({ months: 18, endsOn: '2027-07-09' });

    const before = await count('sanctions');
    const backwards = await sanction(
      'officer',
      cadreId,
      { type: 'admonishment', decidedOn: '2026-02-10', effectiveOn: '2026-02-01', decidedBy: '县委组织部' },
      400,
    );
    expect(backwards).toMatchObject({
      code: 'sanction.effective_before_decision',
      field: 'effectiveOn',
      message: '生效日期 2026-02-01 早于决定日期 2026-02-10',
      messageEn: 'The effective date 2026-02-01 is before the decision date 2026-02-10',
    });
    expect(
      await sanction(
        'officer',
        cadreId,
        { type: 'admonishment', decidedOn: '2026-03-01', effectiveOn: '2026-03-05', decidedBy: '县委组织部' },
        400,
      ),
    ).toMatchObject({ code: 'sanction.date_in_future', field: 'effectiveOn' });
    expect(
      await sanction(
        'officer',
        cadreId,
        {
          type: 'public_scolding',
          decidedOn: '2026-03-01',
          effectiveOn: '2026-03-01',
          decidedBy: '县委组织部',
        },
        400,
      ),
    ).toMatchObject({ code: 'request.invalid' });
    const body = {
      type: 'admonishment',
      decidedOn: '2026-03-01',
      effectiveOn: '2026-03-01',
      decidedBy: '县委组织部',
    };
    // Members read but do not record; cadres and the organisation department neither.
    for (const who of ['committee1', 'orgdept', 'cadre'])
      expect((await sanction(who, cadreId, body, 403)).code).toBe('auth.forbidden');
    // 回避: not about oneself.
    expect((await sanction('officer', DEMO_PEOPLE.officer.cadreId, body, 403)).code).toBe(
      'procedure.recused',
    );
    const lCadre = await platform.deps.db
      .selectFrom('cadres')
      .select('id')
      .where('jurisdiction_id', '=', DEMO_JURISDICTION_IDS.L)
      .executeTakeFirstOrThrow();
    expect((await sanction('officer', lCadre.id, body, 404)).code).toBe('record.not_found');
    expect(await count('sanctions')).toBe(before);

    const audit = await platform.deps.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('entity_type', '=', 'sanction')
      .where('entity_id', '=', warningId)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'sanction.recorded',
        data: expect.objectContaining({ type: 'party_warning', influenceEndsOn: '2027-01-09', cadreId }),
      }),
    ]);
  });

  it('shows who may read what: the commission with the summary, the organisation department without, others not at all', async () => {
    const orgView = (await flow.get('orgdept', `/api/cadres/${cadreId}/sanctions`)).json<{
      sanctions: SanctionBody[];
      influence: { blocked: boolean; until: string };
      allowedActions: Described[];
    }>();
    expect(orgView.sanctions.map((s) => s.typeLabel.zh)).toEqual(['记大过', '党内警告']);
    expect(orgView.sanctions.every((s) => s.summary === null)).toBe(true);
    expect(orgView.influence).toMatchObject({ blocked: true, until: '2027-07-09' });
    expect(orgView.allowedActions).toEqual([]);
    const officerView = (await flow.get('officer', `/api/cadres/${cadreId}/sanctions`)).json<{
      allowedActions: Described[];
    }>();
    const record = officerView.allowedActions.find((a) => a.action === 'record_sanction')!;
    expect(record.fields.map((f) => f.name)).toEqual([
      'type',
      'decidedOn',
      'effectiveOn',
      'decidedBy',
      'documentNumber',
      'summary',
      'sourceMatterId',
    ]);
    expect((await flow.get('admin', `/api/cadres/${cadreId}/sanctions`)).statusCode).toBe(403);
    expect((await flow.get('cadre', `/api/cadres/${cadreId}/sanctions`)).statusCode).toBe(404);
    expect((await flow.get('cadre', `/api/cadres/${DEMO_PEOPLE.cadre.cadreId}/sanctions`)).statusCode).toBe(
      200,
    );
    const listed = (await flow.get('officer', '/api/sanctions?followUp=missing&pageSize=50')).json<{
      items: SanctionBody[];
      total: number;
    }>();
    expect(listed.items.map((s) => s.id).sort()).toEqual([warningId, demeritId].sort());
  });

  it('plans a visit inside the window, one at a time per sanction', async () => {
    expect(await plan(demeritId, '2027-07-10', 400)).toMatchObject({
      code: 'follow_up.plan_outside_window',
      field: 'plannedOn',
    });
    expect(await plan(warningId, '2026-03-01', 400)).toMatchObject({
      code: 'follow_up.plan_in_past',
      field: 'plannedOn',
    });
    const opened = await plan(warningId, '2026-03-10');
    followUpId = opened.id;
    expect(opened.number).toMatch(/^K访〔2026〕\d+号$/);
    expect(await plan(warningId, '2026-03-12', 409)).toMatchObject({ code: 'follow_up.already_open' });
    const seen = await detail('officer', followUpId);
    expect(seen.matter).toMatchObject({
      status: 'planned',
      statusLabel: { zh: '待回访', en: 'Visit planned' },
      deadline: { kind: 'visit', dueDate: '2026-03-10' },
      window: { from: '2026-01-10', until: '2027-01-09' },
      plan: {
        plannedOn: '2026-03-10',
        mentor: '城关镇党委副书记',
        outline: expect.stringContaining('对处分的认识'),
      },
      sanction: { typeLabel: { zh: '党内警告' }, influenceEndsOn: '2027-01-09' },
    });
    expect(seen.allowedActions.map((a) => a.action)).toEqual(['reschedule', 'record_visit', 'cancel']);
    const visit = seen.allowedActions.find((a) => a.action === 'record_visit')!;
    expect(visit.fields.filter((f) => f.required).map((f) => f.name)).toEqual([
      'visitedOn',
      'methods',
      'visitors',
      'politicalThinking',
      'conduct',
      'work',
      'sanctionExecution',
      'attitude',
      'talk',
    ]);
    // The leader of the cadre's unit sees the plan, not the outline; the department nothing yet.
    const unit = await detail('unit', followUpId);
    expect(unit.matter).toMatchObject({
      view: 'party',
      plan: { plannedOn: '2026-03-10', outline: null },
      visit: null,
    });
    expect(unit.allowedActions).toEqual([]);
    await detail('orgdept', followUpId, 404);
    await detail('cadre', followUpId, 404);
    const inbox = (await flow.get('officer', '/api/matters?type=follow_up')).json<{
      items: { id: string; statusLabel: { zh: string } }[];
    }>();
    expect(inbox.items.find((m) => m.id === followUpId)?.statusLabel.zh).toBe('待回访');
  });

  it('refuses the register form with one visitor and takes it with two', async () => {
    flow.setDay('2026-03-10');
    const one = await step(
      'officer',
      followUpId,
      'record_visit',
      { ...REGISTER, visitors: [TWO_VISITORS[0]] },
      400,
    );
    expect(one).toMatchObject({
      code: 'follow_up.visitors_too_few',
      field: 'visitors',
      message: '回访组应由至少 2 名不同人员组成（现为 1 名）',
      messageEn: 'A visit needs at least 2 different visitors (1 given)',
    });
    const twice = await step(
      'officer',
      followUpId,
      'record_visit',
      { ...REGISTER, visitors: [TWO_VISITORS[0], { ...TWO_VISITORS[0], position: '主任' }] },
      400,
    );
    expect(twice.code).toBe('follow_up.visitors_too_few');
    expect(
      (
        await step(
          'officer',
          followUpId,
          'record_visit',
          { ...REGISTER, visitedOn: '2026-03-11', visitors: TWO_VISITORS },
          400,
        )
      ).code,
    ).toBe('follow_up.visit_in_future');
    expect((await detail('officer', followUpId)).matter.status).toBe('planned');
    const visited = await step('officer', followUpId, 'record_visit', {
      ...REGISTER,
      visitors: TWO_VISITORS,
    });
    expect(visited.matter).toMatchObject({
      status: 'visited',
      deadline: null,
      visit: {
        visitedOn: '2026-03-10',
        visitors: TWO_VISITORS,
        attitude: REGISTER.attitude,
        methodLabels: [{ zh: '听' }, { zh: '察' }, { zh: '谈' }],
      },
    });
    expect(visited.records.find((r) => r.kind === 'visit')?.text).toBeNull();
    expect(visited.allowedActions.map((a) => a.action)).toEqual(['grade', 'cancel']);
    // The free text is stored encrypted.
    const stored = await platform.deps.db
      .selectFrom('matter_records')
      .select('text_enc')
      .where('matter_id', '=', followUpId)
      .where('kind', '=', 'visit')
      .executeTakeFirstOrThrow();
    expect(stored.text_enc).not.toContain('认识深刻');
  });

  it('grades, recommends reuse with reasons, and the leader returns it once before sending it on', async () => {
    const graded = await step('officer', followUpId, 'grade', {
      grade: 'good',
      reasons: '认识深刻，转变明显，工作实绩突出。',
    });
    expect(graded.matter).toMatchObject({ status: 'graded', grade: { grade: 'good', label: { zh: '好' } } });
    expect(graded.allowedActions.map((a) => a.action)).toEqual(['recommend_reuse', 'decline_reuse']);
    await step('officer', followUpId, 'recommend_reuse', { reasons: '影响期届满后可结合工作需要使用。' });
    const leader = await detail('leader', followUpId);
    expect(leader.matter.status).toBe('reuse_recommended');
    expect(leader.allowedActions.map((a) => a.action)).toEqual(['return_for_revision', 'deliver']);
    expect((await step('officer', followUpId, 'deliver', {}, 403)).code).toBe('auth.forbidden');
    const returned = await step('leader', followUpId, 'return_for_revision', { reasons: '请写明使用方向。' });
    expect(returned.matter).toMatchObject({ status: 'graded', reuse: null });
    await step('officer', followUpId, 'recommend_reuse', {
      reasons: '回访评定为好，影响期届满后可结合工作需要使用。',
      suggestedUse: '可在乡镇安排适当岗位',
    });
    flow.setDay('2026-03-12');
    const sent = await step('leader', followUpId, 'deliver', { note: '同意，送县委组织部。' });
    expect(sent.matter).toMatchObject({
      status: 'notified',
      reuse: {
        recommended: true,
        suggestedUse: '可在乡镇安排适当岗位',
        deliveredOn: '2026-03-12',
        receivedOn: null,
      },
    });
    expect(sent.documents).toEqual([
      expect.objectContaining({ kind: 'follow_up_register', recipient: 'org_dept' }),
    ]);
    expect(sent.matter.registerForm?.documentId).toBe(sent.documents[0]!.id);
  });

  it('lets the organisation department read the register form and sign for it; the cadre’s unit does not see it', async () => {
    const org = await detail('orgdept', followUpId);
    expect(org.matter).toMatchObject({
      view: 'outcome',
      status: 'notified',
      visit: { talk: REGISTER.talk },
      grade: { grade: 'good' },
      reuse: { recommended: true },
    });
    expect(org.allowedActions.map((a) => a.action)).toEqual(['acknowledge']);
    const unit = await detail('unit', followUpId);
    expect(unit.documents).toEqual([]);
    expect(unit.matter).toMatchObject({ visit: null, grade: null, reuse: null, registerForm: null });
    const closed = await step('orgdept', followUpId, 'acknowledge', { note: '已收悉，存入干部档案。' });
    expect(closed.matter).toMatchObject({ status: 'closed', reuse: { receivedOn: '2026-03-12' } });
    const warning = (await flow.get('officer', `/api/sanctions/${warningId}`)).json<SanctionBody>();
    expect(warning.followUps).toEqual([expect.objectContaining({ id: followUpId, status: 'closed' })]);
    expect(warning.followUpDue).toBe(false);
    expect(warning.allowedActions.map((a) => a.action)).toEqual(['plan_follow_up']);
  });

  it('renders the register form to .pdf and .docx and verifies it publicly', async () => {
    const form = (await detail('orgdept', followUpId)).documents[0]!;
    const pdf = await flow.get('orgdept', `/api/documents/${form.id}.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-follow-up-')), 'register.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    // Whitespace and the page numbers (—1—) a page break puts inside a sentence are not the text.
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      .replace(/\s+/g, '')
      .replace(/—\d+—/g, '');
    for (const expected of [
      '同志回访教育情况登记表',
      '中共K县委组织部',
      '处分（处理）：党内警告',
      '影响期：12个月，至2027年1月9日届满',
      '回访人员：王强（县纪委监委第一纪检监察室主任）、刘洋（县纪委监委干部），共二人',
      '评定等次：好',
      '可在乡镇安排适当岗位',
      form.code,
    ])
      expect(text).toContain(expected);
    const docx = await flow.get('orgdept', `/api/documents/${form.id}.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const verified = await app.inject({ url: `/api/verify?code=${form.code}`, remoteAddress: '10.3.0.1' });
    expect(verified.json()).toMatchObject({
      valid: true,
      status: 'valid',
      document: { kind: 'follow_up_register', number: form.number },
    });
  });

  it('rules reuse out after a grade other than good, and after 开除', async () => {
    const second = await plan(demeritId, '2026-03-12');
    await step('officer', second.id, 'record_visit', {
      ...REGISTER,
      visitedOn: '2026-03-12',
      visitors: TWO_VISITORS,
    });
    await step('officer', second.id, 'grade', { grade: 'average', reasons: '认识尚不够深刻。' });
    const refused = await step('officer', second.id, 'recommend_reuse', { reasons: '拟使用。' }, 409);
    expect(refused).toMatchObject({
      code: 'follow_up.grade_not_good',
      message: '回访评定为“一般”：评定为“好”的方可提出使用建议',
    });
    const declined = await step('officer', second.id, 'decline_reuse', {
      reasons: '回访评定为一般，暂不建议使用。',
    });
    expect(declined.matter).toMatchObject({ status: 'reuse_not_recommended', reuse: { recommended: false } });

    const expelledCadre = await platform.deps.db
      .selectFrom('cadres')
      .select('id')
      .where('unit_id', '=', DEMO_PEOPLE.unitLeader.unitId)
      .where('id', 'not in', [cadreId, DEMO_PEOPLE.unitLeader.cadreId])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const expulsion = await sanction('officer', expelledCadre.id, {
      type: 'party_expulsion',
      decidedOn: '2026-02-01',
      effectiveOn: '2026-02-01',
      decidedBy: '中共K县委员会',
    });
    expect(expulsion.influence).toMatchObject({ months: null, endsOn: null, reusable: false });
    const third = await plan(expulsion.id, '2026-03-12');
    await step('officer', third.id, 'record_visit', {
      ...REGISTER,
      visitedOn: '2026-03-12',
      visitors: TWO_VISITORS,
    });
    await step('officer', third.id, 'grade', { grade: 'good', reasons: '认识深刻。' });
    expect((await step('officer', third.id, 'recommend_reuse', { reasons: '拟使用。' }, 409)).code).toBe(
      'follow_up.not_reusable',
    );
    const barred = await flow.post('orgdept', `/api/cadres/${expelledCadre.id}/appointments`, {
      kind: 'promotion',
      post: '城关镇副镇长',
    });
    expect(barred.statusCode).toBe(409);
    expect(barred.json()).toMatchObject({
      code: 'appointment.barred',
      message: '该干部受到开除党籍，不得提拔或者重新使用',
    });
    expect((await detail('officer', third.id)).allowedActions.map((a) => a.action)).toEqual([
      'decline_reuse',
    ]);
  });

  it('blocks an appointment until the last day of the longest period and allows it the day after', async () => {
    const influence = (await flow.get('orgdept', `/api/cadres/${cadreId}/influence`)).json<{
      blocked: boolean;
      until: string;
      clearFrom: string;
      running: { type: string }[];
      refusal: { code: string; message: string } | null;
      allowedActions: Described[];
    }>();
    expect(influence).toMatchObject({
      blocked: true,
      until: '2027-07-09',
      clearFrom: '2027-07-10',
      allowedActions: [],
    });
    expect(influence.running.map((b) => b.type)).toEqual(['public_major_demerit', 'party_warning']);
    expect(influence.refusal?.message).toContain('2027-07-09');
    const cadreDetail = (await flow.get('orgdept', `/api/cadres/${cadreId}`)).json<{
      influence: { blocked: boolean; until: string } | null;
    }>();
    expect(cadreDetail.influence).toMatchObject({ blocked: true, until: '2027-07-09' });
    // The roster is wider than the readers of sanctions.
    expect(
      (await flow.get('admin', `/api/cadres/${cadreId}`)).json<{ influence: unknown }>().influence,
    ).toBeNull();

    const proposal = { kind: 'promotion', post: '城关镇党委副书记', note: '换届考察' };
    const refused = await flow.post('orgdept', `/api/cadres/${cadreId}/appointments`, proposal);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'appointment.blocked',
      message:
        '该干部受到记大过、党内警告，影响期至 2027-07-09 届满，届满前不得提拔或者进一步使用（2027-07-10 起方可提出）',
      messageEn: expect.stringContaining('runs until 2027-07-09'),
    });
    // After the warning ends the demerit still bars, up to and including its last day.
    flow.setDay('2027-07-09');
    const lastDay = await flow.post('orgdept', `/api/cadres/${cadreId}/appointments`, proposal);
    expect(lastDay.statusCode).toBe(409);
    expect(lastDay.json<{ message: string }>().message).toBe(
      '该干部受到记大过，影响期至 2027-07-09 届满，届满前不得提拔或者进一步使用（2027-07-10 起方可提出）',
    );
    expect(await count('appointment_proposals')).toBe(0);
    flow.setDay('2027-07-10');
    const after = await flow.post('orgdept', `/api/cadres/${cadreId}/appointments`, proposal);
    expect(after.statusCode, after.body).toBe(201);
    expect(after.json()).toMatchObject({
      appointment: {
        kind: 'promotion',
        post: '城关镇党委副书记',
        proposedOn: '2027-07-10',
        kindLabel: { zh: '提拔任职' },
      },
      influence: {
        blocked: false,
        until: null,
        appointments: [expect.objectContaining({ post: '城关镇党委副书记' })],
      },
    });
    // Only the organisation department records, never about itself.
    expect((await flow.post('officer', `/api/cadres/${cadreId}/appointments`, proposal)).statusCode).toBe(
      403,
    );
    expect(
      (
        await flow.post('orgdept', `/api/cadres/${DEMO_PEOPLE.orgDept.cadreId}/appointments`, proposal)
      ).json(),
    ).toMatchObject({
      code: 'procedure.recused',
    });
  });

  it('gives the outcome ledger each sanction and each reuse decision, and leaves an intact audit chain', async () => {
    const outcomes = await followUpOutcomesOfCadre(platform.deps.db, cadreId);
    expect(outcomes.sanctions.map((s) => [s.type, s.influenceEndsOn])).toEqual([
      ['party_warning', '2027-01-09'],
      ['public_major_demerit', '2027-07-09'],
    ]);
    expect(outcomes.reuseDecisions).toEqual([
      expect.objectContaining({
        followUpId,
        grade: 'good',
        recommended: true,
        deliveredOn: '2026-03-12',
        receivedOn: '2026-03-12',
      }),
    ]);
    const actions = (
      await platform.deps.db
        .selectFrom('audit_events')
        .select('action')
        .where('entity_id', '=', followUpId)
        .orderBy('seq')
        .execute()
    ).map((e) => e.action);
    expect(actions.filter((a) => a !== 'document.downloaded')).toEqual([
      'follow_up.opened',
      'follow_up.record_visit',
      'follow_up.grade',
      'follow_up.recommend_reuse',
      'follow_up.return_for_revision',
      'follow_up.recommend_reuse',
      'document.issued',
      'follow_up.deliver',
      'follow_up.acknowledge',
    ]);
    expect((await verifyAuditChain(platform.deps.db)).ok).toBe(true);
  });
});

describe('K County demo follow-ups (PGlite)', () => {
  let platform: TestPlatform;
  let app: App;
  let flow: CorrectionFlow;
  beforeAll(async () => {
    platform = await createTestPlatform('pglite', { seed: true, now: '2026-11-27T09:00:00+08:00' });
    expect(await loadDemoFollowUps(platform.deps)).toBe(4);
    app = await createTestApp(platform);
    flow = new CorrectionFlow(app, platform);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('has a visit graded good and recommended for reuse, one planned, and cadres in and past their influence periods', async () => {
    const inbox = (await flow.get('officer', '/api/matters?type=follow_up')).json<{
      items: { id: string; status: string; deadline: { dueDate: string } | null }[];
    }>();
    expect(inbox.items.map((m) => m.status).sort()).toEqual(['closed', 'planned']);
    expect(inbox.items.find((m) => m.status === 'planned')?.deadline?.dueDate).toBe('2026-12-04');
    const done = await flow.get(
      'orgdept',
      `/api/follow-ups/${inbox.items.find((m) => m.status === 'closed')!.id}`,
    );
    const body = done.json<FollowUpBody>();
    expect(body.matter).toMatchObject({
      grade: { grade: 'good' },
      reuse: { recommended: true },
      view: 'outcome',
    });
    expect(body.documents.map((d) => d.kind)).toEqual(['follow_up_register']);
    const verified = await app.inject({
      url: `/api/verify?code=${body.documents[0]!.code}`,
      remoteAddress: '10.3.0.2',
    });
    expect(verified.json()).toMatchObject({ valid: true });

    const sanctions = (await flow.get('officer', '/api/sanctions?pageSize=50')).json<{
      items: (SanctionBody & { type: string; cadre: { id: string } })[];
    }>();
    expect(sanctions.items.map((s) => [s.type, s.influence.running, s.followUpDue]).sort()).toEqual(
      [
        ['admonishment', true, true],
        ['party_warning', true, false],
        ['public_major_demerit', true, false],
        ['public_warning', false, false],
      ].sort(),
    );
    const admonished = sanctions.items.find((s) => s.type === 'admonishment')!.cadre.id;
    expect((await flow.get('orgdept', `/api/cadres/${admonished}/influence`)).json()).toMatchObject({
      blocked: true,
    });
    const lapsed = sanctions.items.find((s) => s.type === 'public_warning')!.cadre.id;
    expect((await flow.get('orgdept', `/api/cadres/${lapsed}/influence`)).json()).toMatchObject({
      blocked: false,
      appointments: [expect.objectContaining({ kind: 'promotion' })],
    });
    expect((await verifyAuditChain(platform.deps.db)).ok).toBe(true);
  });
});
