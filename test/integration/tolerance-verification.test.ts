import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestPlatform,
  ENGINES,
  signIn,
  type TestPlatform,
} from '../support/platform.ts';
import type { App } from '../../src/server/build-app.ts';
import { DEMO_PEOPLE, DEMO_JURISDICTION_IDS } from '../../src/db/seed/k-county.ts';
import { verifyAuditChain } from '../../src/audit/verify.ts';

/** FACTS.md example C02: every gate met, S3 (pushing key work), nothing outstanding → exempt. */
const C02_FACTS = {
  conductDate: '2025-06-10',
  gates: { G1: true, G2: true, G3: 'yes', G4: true, G5: true, G6: true, G7: true },
  situations: ['S3'],
  exclusions: [],
  preRegistration: 'not_required',
  breachOutstanding: false,
  mitigating: ['M1'],
  aggravating: [],
};

describe.each(ENGINES)('tolerance verification on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  type Session = Awaited<ReturnType<typeof signIn>>;
  let officer: Session;
  let leader: Session;
  let unit: Session;
  let cadre: Session;
  /** A matter the unit (李华, 城关镇) filed for one of its cadres, accepted by the officer. */
  let matterId: string;
  let subjectId: string;
  const post = (s: Session, url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, payload: payload as object, cookies: s.cookies, headers: s.headers });
  const act = (s: Session, id: string, action: string, payload: unknown) =>
    post(s, `/api/matters/${id}/actions/${action}`, payload);
  const get = (s: Session, url: string) => app.inject({ url, cookies: s.cookies });
  const detail = async (s: Session, id: string) => (await get(s, `/api/matters/${id}`)).json();
  const row = (id: string) =>
    platform.handle.db.selectFrom('matters').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const kinds = (d: { records: { kind: string }[] }) => d.records.map((r) => r.kind);

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    [officer, leader, unit, cadre] = [
      await signIn(app, 'officer'),
      await signIn(app, 'leader'),
      await signIn(app, 'unit'),
      await signIn(app, 'cadre'),
    ];
    const subject = await platform.handle.db
      .selectFrom('cadres')
      .select('id')
      .where('unit_id', '=', DEMO_PEOPLE.unitLeader.unitId)
      .where('id', '!=', DEMO_PEOPLE.unitLeader.cadreId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    subjectId = subject.id;
    const opened = await post(unit, '/api/matters', {
      route: 'unit_application',
      subjectCadreId: subjectId,
      title: '关于城关镇垫付集体资金抢收抢种的容错申请',
      summary: '为抢收抢种，经村两委集体研究后垫付集体资金，事后已全部收回。',
      submit: true,
    });
    expect(opened.statusCode).toBe(201);
    matterId = opened.json().id;
    expect((await act(officer, matterId, 'accept', {})).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('adds a verification task and completes it; the result is stored encrypted and the task cannot be completed twice', async () => {
    const officerId = (
      await platform.handle.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'officer')
        .executeTakeFirstOrThrow()
    ).id;
    const added = await act(officer, matterId, 'add_task', {
      kind: 'interview',
      description: '与当事人及村两委成员谈话',
      assigneeUserId: officerId,
      dueOn: '2026-03-10',
    });
    expect(added.statusCode).toBe(200);
    const task = added.json().records.find((r: { kind: string }) => r.kind === 'task');
    expect(task).toMatchObject({
      status: 'open',
      data: {
        kind: 'interview',
        description: '与当事人及村两委成员谈话',
        assigneeUserId: officerId,
        dueOn: '2026-03-10',
      },
    });
    expect(added.json().matter.status).toBe('verifying');

    const done = await act(officer, matterId, 'complete_task', {
      taskId: task.id,
      result: '谈话笔录：资金用于抢收，未谋私利。',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().records.find((r: { id: string }) => r.id === task.id)).toMatchObject({
      status: 'done',
      text: '谈话笔录：资金用于抢收，未谋私利。',
      data: { completedOn: '2026-03-02' },
    });
    const stored = await platform.handle.db
      .selectFrom('matter_records')
      .select('text_enc')
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(stored.text_enc).not.toContain('谈话笔录');
    const events = await platform.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', matterId)
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['tolerance.add_task', 'tolerance.complete_task']),
    );

    const again = await act(officer, matterId, 'complete_task', { taskId: task.id, result: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('matter.task_not_open');
    const missing = await act(officer, matterId, 'complete_task', {
      taskId: crypto.randomUUID(),
      result: 'x',
    });
    expect(missing.json()).toMatchObject({ code: 'matter.task_not_found', field: 'taskId' });
    expect(missing.statusCode).toBe(400);
  });

  it('refuses a task for someone outside the commission or due in the past', async () => {
    const cadreUser = await platform.handle.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'cadre')
      .executeTakeFirstOrThrow();
    const outsider = await act(officer, matterId, 'add_task', {
      kind: 'inquiry',
      description: '函询',
      assigneeUserId: cadreUser.id,
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json()).toMatchObject({ code: 'matter.assignee_invalid', field: 'assigneeUserId' });
    const past = await act(officer, matterId, 'add_task', {
      kind: 'site_visit',
      description: '实地查看',
      dueOn: '2026-03-01',
    });
    expect(past.json()).toMatchObject({ code: 'deadline.date_out_of_order', field: 'dueOn' });
  });

  it('the unit leader records the unit opinion, which the unit sees while internal work stays hidden', async () => {
    const res = await act(unit, matterId, 'record_unit_opinion', {
      stance: 'support',
      opinion: '该同志出于公心，建议予以免责。',
    });
    expect(res.statusCode).toBe(200);
    const seen = res.json();
    expect(seen.matter.view).toBe('party');
    expect(seen.records.find((r: { kind: string }) => r.kind === 'unit_opinion')).toMatchObject({
      data: { stance: 'support', recordedBy: 'unit' },
      text: '该同志出于公心，建议予以免责。',
    });
    expect(kinds(seen)).not.toContain('task');
    // Another cadre's unit opinion is not the demo cadre's business: 张明 is in another unit.
    expect((await get(cadre, `/api/matters/${matterId}`)).statusCode).toBe(404);
  });

  it('the leader extends verification once: the due date moves, a second extension is refused', async () => {
    const before = (await detail(officer, matterId)).matter.deadline;
    expect(before.kind).toBe('verification');
    expect(
      (await act(officer, matterId, 'extend_verification', { reason: '需补充调取财务凭证' })).statusCode,
    ).toBe(403);
    const res = await act(leader, matterId, 'extend_verification', {
      reason: '涉及多个村组，需补充调取财务凭证',
    });
    expect(res.statusCode).toBe(200);
    const after = res.json().matter.deadline;
    expect(after.dueDate > before.dueDate).toBe(true);
    const m = await row(matterId);
    expect(m.due_on).toBe(after.dueDate);
    expect((m.clocks as { verification: { extension: unknown } }).verification.extension).toMatchObject({
      by: { unit: 'calendar_days', amount: 30 },
      approvedBy: '陈刚',
      reason: '涉及多个村组，需补充调取财务凭证',
      approvedOn: '2026-03-02',
    });
    const second = await act(leader, matterId, 'extend_verification', { reason: '再延' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('matter.already_extended');
  });

  it('records the facts: route and jurisdiction come from the matter, the recommendation and its exact policy version are stored', async () => {
    const res = await act(officer, matterId, 'record_facts', {
      facts: C02_FACTS,
      findings: '经核实，资金已全部收回，未造成损失。',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.matter.recommendation).toMatchObject({
      recommendation: 'exempt',
      correctionRequired: false,
      policy: { id: 'k-county', version: '2024-01-01', jurisdiction: 'K' },
    });
    expect(body.matter.policy).toEqual({ id: 'k-county', version: '2024-01-01' });
    expect(body.matter.facts).toMatchObject({
      route: 'unit_application',
      jurisdiction: 'K',
      situations: ['S3'],
    });
    expect(body.matter.conductDate).toBe('2025-06-10');
    expect(body.records.find((r: { kind: string }) => r.kind === 'findings')).toMatchObject({
      text: '经核实，资金已全部收回，未造成损失。',
    });

    // Re-evaluation: conduct before the 2024 revision → the 2019 version applies and is what the matter keeps.
    const again = await act(officer, matterId, 'record_facts', {
      facts: { ...C02_FACTS, conductDate: '2023-06-15' },
      findings: '补充核实：行为发生于2023年。',
    });
    expect(again.json().matter.policy).toEqual({ id: 'k-county', version: '2019-06-01' });
    const m = await row(matterId);
    expect([m.policy_id, m.policy_version, m.conduct_date]).toEqual(['k-county', '2019-06-01', '2023-06-15']);
  });

  it('malformed facts are refused naming the field', async () => {
    const unknown = await act(officer, matterId, 'record_facts', {
      facts: { ...C02_FACTS, situations: ['S3', 'S99'] },
      findings: 'x',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'facts.unknown_item', field: 'facts.situations[1]' });
    const typed = await act(officer, matterId, 'record_facts', {
      facts: { ...C02_FACTS, route: 'ex_officio' },
      findings: 'x',
    });
    expect(typed.statusCode).toBe(400);
    const future = await act(officer, matterId, 'record_facts', {
      facts: { ...C02_FACTS, conductDate: '2026-04-01' },
      findings: 'x',
    });
    expect(future.json()).toMatchObject({ code: 'facts.conduct_after_decision', field: 'facts.conductDate' });
  });

  it('a proposal departing from the recommendation needs a written reason and is flagged; proposing stops the clock', async () => {
    const base = {
      outcome: 'mitigate',
      analysis: '对照“三个区分开来”：出于公心，但程序有瑕疵。',
      measure: '批评教育',
    };
    const noMeasure = await act(officer, matterId, 'propose', { ...base, measure: undefined });
    expect(noMeasure.json()).toMatchObject({ code: 'matter.measure_required', field: 'measure' });
    const noReason = await act(officer, matterId, 'propose', base);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({
      code: 'matter.departure_reason_required',
      field: 'departureReason',
    });
    expect((await row(matterId)).status).toBe('verifying');

    const ok = await act(officer, matterId, 'propose', {
      ...base,
      departureReason: '垫付资金未履行镇级审批，宜减责处理。',
    });
    expect(ok.statusCode).toBe(200);
    const body = ok.json();
    expect(body.matter.status).toBe('awaiting_decision');
    expect(body.matter.deadline).toBeNull();
    expect(body.matter.proposal).toMatchObject({
      outcome: 'mitigate',
      measure: '批评教育',
      recommendation: 'exempt',
      flags: ['departure'],
      departureReason: '垫付资金未履行镇级审批，宜减责处理。',
      proposedByName: '王强',
      proposedOn: '2026-03-02',
    });
    expect((await row(matterId)).due_on).toBeNull();
  });

  it('the parties never see facts, recommendation, proposal or internal records', async () => {
    const seen = await detail(unit, matterId);
    expect(seen.matter).toMatchObject({ view: 'party', facts: null, recommendation: null, proposal: null });
    expect(kinds(seen)).toEqual(['unit_opinion']);
    expect(seen.timeline.map((e: { action: string }) => e.action)).not.toContain('tolerance.add_task');
  });

  it('proposing before the facts are recorded is refused', async () => {
    const opened = await post(officer, '/api/matters', {
      route: 'ex_officio',
      subjectCadreId: subjectId,
      title: '问责案件同步开展容错核查',
      summary: '随问责调查同步核查。',
    });
    const id = opened.json().id;
    const res = await act(officer, id, 'propose', { outcome: 'exempt', analysis: '—' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('matter.facts_missing');
  });

  it('the pre-registration status comes from the linked pre-registration, not from what was typed', async () => {
    // K County 2024: S2 pilots need pre-registration; typed 'not_filed' alone would only allow mitigation.
    const pilot = { ...C02_FACTS, situations: ['S2'], preRegistration: 'not_filed' };
    const preRegistrationId = crypto.randomUUID();
    const now = platform.clock.now();
    await platform.handle.db
      .insertInto('matters')
      .values({
        id: preRegistrationId,
        type: 'pre_registration',
        number: 'K备〔2025〕1号',
        jurisdiction_id: DEMO_JURISDICTION_IDS.K,
        status: 'acknowledged',
        subject_cadre_id: DEMO_PEOPLE.cadre.cadreId,
        title: '高标准农田先行先试报备',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const open = async (link: boolean) => {
      const opened = await post(cadre, '/api/matters', {
        route: link ? 'pre_registration' : 'own_application',
        title: '先行先试容错申请',
        summary: '试点。',
        submit: true,
        ...(link ? { preRegistrationId, subjectCadreId: DEMO_PEOPLE.cadre.cadreId } : {}),
      });
      expect(opened.statusCode, opened.body).toBe(201);
      const { id } = opened.json();
      expect((await act(officer, id, 'accept', {})).statusCode).toBe(200);
      const recorded = await act(officer, id, 'record_facts', { facts: pilot, findings: '已核实。' });
      expect(recorded.statusCode, recorded.body).toBe(200);
      return recorded.json().matter;
    };
    const linked = await open(true);
    expect(linked.facts).toMatchObject({ route: 'pre_registration', preRegistration: 'filed_acknowledged' });
    expect(linked.recommendation.recommendation).toBe('exempt');
    const unlinked = await open(false);
    expect(unlinked.facts.preRegistration).toBe('not_filed');
    expect(unlinked.recommendation.recommendation).toBe('mitigate');
  });

  it('leaves an intact audit chain', async () => {
    expect((await verifyAuditChain(platform.handle.db)).ok).toBe(true);
  });
});
