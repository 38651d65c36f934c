/**
 * 澄清正名 end to end through the API on both engines: opened on an accusation concluded untrue, the
 * trigger check (a Jiangxi exclusion prevails), the cadre's consent (no clearing without it; a plan
 * and a clearing never beyond it), the leader's approval, the clearing within the deadline and its
 * letter rendered and verified publicly, the accuser classified and referred, wrong handling put
 * right through a correction order, the copy to the organisation department; the deadline, its
 * extension and a late clearing; who sees what; the audit chain.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import type { App } from '../../src/server/build-app.ts';
import { accusation, NameClearingFlow } from '../support/name-clearing-flow.ts';
import { createTestApp, createTestPlatform, ENGINES, type TestPlatform } from '../support/platform.ts';

describe.each(ENGINES)('name clearing on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  let flow: NameClearingFlow;
  /** 张明's clearing, followed from opening to filing. */
  let zhang: string;

  const auditOf = async (id: string) =>
    platform.deps.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('entity_id', '=', id)
      .where('action', '!=', 'document.downloaded')
      .orderBy('seq')
      .execute();
  const actions = (detail: { allowedActions: { action: string }[] }) =>
    detail.allowedActions.map((a) => a.action).sort();

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    flow = new NameClearingFlow(app, platform);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('opens a clearing on a complaint concluded untrue, with its deadline, for the commission and the cadre only', async () => {
    expect((await flow.post('cadre', '/api/name-clearings', accusation())).statusCode).toBe(403);
    const future = await flow.post(
      'officer',
      '/api/name-clearings',
      accusation({ concludedOn: '2026-03-03' }),
    );
    expect(future.json()).toMatchObject({ code: 'name_clearing.concluded_in_future', field: 'concludedOn' });
    const numberless = await flow.post(
      'officer',
      '/api/name-clearings',
      accusation({ complaintNumber: undefined }),
    );
    expect(numberless.json()).toMatchObject({
      code: 'name_clearing.complaint_number_required',
      field: 'complaintNumber',
    });
    const nameless = await flow.post(
      'officer',
      '/api/name-clearings',
      accusation({ accuser: { anonymous: false } }),
    );
    expect(nameless.json()).toMatchObject({
      code: 'name_clearing.accuser_name_required',
      field: 'accuser.name',
    });
    const elsewhere = await flow.post(
      'officer',
      '/api/name-clearings',
      accusation({ subjectCadreId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(elsewhere.json()).toMatchObject({ code: 'cadre.unknown', field: 'subjectCadreId' });
    // The officer's own unit (县纪委监委): recused.
    const colleague = await flow.cadreOf(DEMO_PEOPLE.officer.unitId);
    expect(
      (await flow.post('officer', '/api/name-clearings', accusation({ subjectCadreId: colleague }))).json()
        .code,
    ).toBe('procedure.recused');

    const res = await flow.post('officer', '/api/name-clearings', accusation());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().number).toMatch(/^K澄〔2026〕\d+号$/);
    zhang = res.json().id;
    const seen = await flow.clearing('officer', zhang);
    expect(seen.matter).toMatchObject({
      status: 'trigger_check',
      statusLabel: { zh: '待研判是否澄清' },
      view: 'full',
      title: '关于张明同志被反映问题的澄清正名',
      subject: { id: DEMO_PEOPLE.cadre.cadreId, name: '张明', unitName: DEMO_PEOPLE.cadre.unitName },
      // 2026-03-02 plus the policy's 20 working days.
      deadline: { kind: 'clearing', dueDate: '2026-03-30', status: 'on_time' },
      accusation: {
        source: 'complaint_record',
        complaintNumber: 'K信〔2026〕15号',
        finding: 'untrue',
        findingLabel: { zh: '不属实' },
        allegation: '在农村公路项目中收受施工方好处费',
        accuser: { anonymous: false },
      },
      policy: { id: 'k-county', period: { unit: 'working_days', amount: 20 } },
    });
    expect(actions(seen)).toEqual(['check_triggers']);
    const check = seen.allowedActions[0]!;
    expect(check.fields.find((f) => f.name === 'exclusions')!.options!.map((o) => o.value)).toEqual([
      'E1',
      'E2',
      'E3',
    ]);
    // Who accused is not in the detail at all, not even the commission's: it is asked for separately.
    expect(JSON.stringify(seen)).not.toContain('赵某举');

    const cadre = await flow.clearing('cadre', zhang);
    expect(cadre.matter).toMatchObject({
      view: 'party',
      accusation: { accuser: null, complaintNumber: null },
    });
    expect(cadre.allowedActions).toEqual([]);
    expect(cadre.records.map((r) => r.kind)).toEqual(['conclusion']);
    expect(JSON.stringify(cadre)).not.toContain('赵某举');
    for (const user of ['orgdept', 'supervisor', 'admin']) await flow.clearing(user, zhang, 404);
    const inbox = (await flow.get('officer', '/api/name-clearings')).json();
    expect(inbox.items.find((i: { id: string }) => i.id === zhang)).toMatchObject({
      result: 'open',
      concludedOn: '2026-03-02',
      deadline: { dueDate: '2026-03-30' },
    });
    expect((await flow.get('cadre', '/api/name-clearings')).json().total).toBe(1);
    expect((await flow.get('orgdept', '/api/name-clearings')).json().total).toBe(0);
  });

  it('shows who accused only to commission staff who ask, and audits every look', async () => {
    const revealed = await flow.post('officer', `/api/name-clearings/${zhang}/accuser`, {});
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json()).toEqual({
      anonymous: false,
      name: '赵某举',
      contact: '13900001111',
      note: '实名来信',
    });
    expect((await flow.post('cadre', `/api/name-clearings/${zhang}/accuser`, {})).statusCode).toBe(403);
    expect((await flow.post('orgdept', `/api/name-clearings/${zhang}/accuser`, {})).statusCode).toBe(404);
    const events = (await auditOf(zhang)).filter((e) => e.action === 'name_clearing.accuser_revealed');
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.data)).not.toContain('赵某举');
  });

  it('keeps a clearing from the cadre’s unit leader, and lets a Jiangxi exclusion end it without clearing', async () => {
    const townCadre = await flow.unitCadreId();
    const id = await flow.open(
      accusation({
        subjectCadreId: townCadre,
        source: 'officer_entry',
        complaintNumber: undefined,
        accuser: { anonymous: true, note: '匿名信件' },
        allegation: '违规为亲属办理低保',
      }),
    );
    // 李华 leads the cadre's unit: nothing of the accusation reaches her, in any list.
    await flow.clearing('unit', id, 404);
    expect((await flow.get('unit', '/api/name-clearings')).json().total).toBe(0);
    const inbox = (await flow.get('unit', '/api/matters?pageSize=200')).json();
    expect(inbox.items.map((i: { id: string }) => i.id)).not.toContain(id);

    const unknown = await flow.clear(
      'officer',
      id,
      'check_triggers',
      { triggers: ['T9'], exclusions: [], analysis: '—' },
      400,
    );
    expect(unknown.json()).toMatchObject({ code: 'name_clearing.unknown_item', field: 'triggers[0]' });
    const open = await flow.clear(
      'officer',
      id,
      'check_triggers',
      { triggers: ['T4'], exclusions: [], analysis: '—' },
      400,
    );
    expect(open.json()).toMatchObject({
      code: 'name_clearing.item_reason_required',
      field: 'itemReasons.T4',
    });
    // Reported again, but the only "harm" was the routine verification talk: E3 prevails over T3.
    const excluded = (
      await flow.clear('officer', id, 'check_triggers', {
        triggers: ['T3'],
        exclusions: ['E3'],
        analysis: '所谓影响仅为核查谈话，未对其造成实际不良影响。',
      })
    ).json();
    expect(excluded.matter).toMatchObject({
      status: 'not_cleared',
      deadline: null,
      triggerCheck: { result: 'excluded', exclusions: [{ id: 'E3' }], triggers: [{ id: 'T3' }] },
    });
    expect(excluded.records.find((r: { kind: string }) => r.kind === 'trigger_check')).toMatchObject({
      data: { result: 'excluded', exclusions: ['E3'] },
      text: '所谓影响仅为核查谈话，未对其造成实际不良影响。',
    });
    expect(actions(excluded)).toEqual(['close', 'handle_accuser', 'order_correction']);
    // Nothing cleared: even closed, the organisation department receives nothing.
    await flow.clear('officer', id, 'close', { note: '不予澄清，办结。' });
    await flow.clearing('orgdept', id, 404);
    expect((await auditOf(id)).map((e) => e.action)).toEqual([
      'name_clearing.opened',
      'name_clearing.check_triggers',
      'name_clearing.close',
    ]);
  });

  it('refuses a clearing without the cadre’s consent, and a plan beyond it', async () => {
    await flow.clear('officer', zhang, 'check_triggers', {
      triggers: ['T1', 'T2'],
      exclusions: [],
      analysis: '举报发生在其作为提拔考察对象期间，考察被暂停。',
    });
    const consulting = await flow.clearing('officer', zhang);
    expect(consulting.matter.status).toBe('consulting');
    expect(actions(consulting)).toEqual(['decline', 'record_consent']);
    const refused = await flow.clear(
      'officer',
      zhang,
      'submit_for_approval',
      { forms: ['written'], scope: 'self', arrangements: '—' },
      409,
    );
    expect(refused.json()).toMatchObject({
      code: 'name_clearing.consent_missing',
      message: '未取得本人对澄清方式和范围的同意，不能澄清正名',
    });
    // The officer recording for the cadre must say how and when the cadre was consulted.
    const how = await flow.clear(
      'officer',
      zhang,
      'record_consent',
      { forms: ['written'], scope: 'self' },
      400,
    );
    expect(how.json()).toMatchObject({
      code: 'name_clearing.consultation_method_required',
      field: 'consultedVia',
    });
    const incoherent = await flow.clear(
      'cadre',
      zhang,
      'record_consent',
      { forms: ['meeting'], scope: 'self' },
      400,
    );
    expect(incoherent.json()).toMatchObject({ code: 'name_clearing.form_needs_wider_scope', field: 'scope' });

    const cadreView = await flow.clearing('cadre', zhang);
    expect(actions(cadreView)).toEqual(['decline', 'record_consent']);
    expect(
      cadreView.allowedActions.find((a) => a.action === 'record_consent')!.fields.map((f) => f.name),
    ).toEqual(['forms', 'scope', 'opinion']);
    const consented = (
      await flow.clear('cadre', zhang, 'record_consent', {
        forms: ['written', 'meeting'],
        scope: 'unit',
        opinion: '同意在单位范围内澄清，不同意公开通报。',
      })
    ).json();
    expect(consented.matter.consent).toMatchObject({
      forms: [{ value: 'written' }, { value: 'meeting' }],
      scope: { value: 'unit', label: { zh: '本人所在单位范围内' } },
      recordedBy: 'cadre',
      consultedVia: 'online',
      consentedOn: '2026-03-02',
    });
    const planFields = (await flow.clearing('officer', zhang)).allowedActions.find(
      (a) => a.action === 'submit_for_approval',
    )!;
    expect(planFields.fields.find((f) => f.name === 'forms')!.options!.map((o) => o.value)).toEqual([
      'written',
      'meeting',
    ]);

    const announced = await flow.clear(
      'officer',
      zhang,
      'submit_for_approval',
      { forms: ['written', 'announcement'], scope: 'unit', arrangements: '—' },
      400,
    );
    expect(announced.json()).toMatchObject({ code: 'name_clearing.form_not_consented', field: 'forms[1]' });
    const wider = await flow.clear(
      'officer',
      zhang,
      'submit_for_approval',
      { forms: ['written'], scope: 'region', arrangements: '—' },
      400,
    );
    expect(wider.json()).toMatchObject({
      code: 'name_clearing.scope_exceeds_consent',
      field: 'scope',
      message: '澄清范围“本系统或本地区一定范围内”超出本人同意的范围“本人所在单位范围内”',
    });
    await flow.clear('officer', zhang, 'submit_for_approval', {
      forms: ['written', 'meeting'],
      scope: 'party_organisation',
      arrangements: '在其所在党组织会议上宣读澄清正名书，并向主要负责人当面说明。',
    });

    // The cadre changes their mind: back to consultation; the leader has nothing to approve.
    flow.setDay('2026-03-03');
    const withdrawn = (
      await flow.clear('cadre', zhang, 'withdraw_consent', { reason: '想再考虑一下。' })
    ).json();
    expect(withdrawn.matter).toMatchObject({ status: 'consulting', consent: null, plan: null });
    const approveNothing = await flow.clear('leader', zhang, 'approve', {}, 409);
    expect(approveNothing.json().code).toBe('procedure.wrong_state');
    expect(actions(await flow.clearing('officer', zhang))).toEqual(['decline', 'record_consent']);

    await flow.clear('officer', zhang, 'record_consent', {
      forms: ['written', 'meeting'],
      scope: 'unit',
      consultedVia: 'in_person',
      consultedOn: '2026-03-03',
    });
    await flow.clear('officer', zhang, 'submit_for_approval', {
      forms: ['written', 'meeting'],
      scope: 'party_organisation',
      arrangements: '在其所在党组织会议上宣读澄清正名书。',
    });
    await flow.clear('officer', zhang, 'approve', {}, 403);
    const leader = await flow.clearing('leader', zhang);
    expect(actions(leader)).toEqual(['approve', 'extend_deadline', 'return_plan']);
    const approved = (await flow.clear('leader', zhang, 'approve', { opinion: '同意澄清方案。' })).json();
    expect(approved.matter).toMatchObject({
      status: 'executing',
      approval: { approvedOn: '2026-03-03', approvedBy: '陈刚' },
      deadline: { kind: 'clearing', dueDate: '2026-03-30' },
    });
  });

  it('carries the clearing out only within consent and plan, and issues a letter that verifies publicly', async () => {
    flow.setDay('2026-03-05');
    const execute = (await flow.clearing('officer', zhang)).allowedActions.find(
      (a) => a.action === 'execute',
    )!;
    expect(execute.fields.find((f) => f.name === 'scope')!.options!.map((o) => o.value)).toEqual([
      'self',
      'party_organisation',
    ]);
    const body = { executedOn: '2026-03-05', details: '在城关镇党委会议上宣读了澄清正名书。' };
    const publicly = await flow.clear(
      'officer',
      zhang,
      'execute',
      { ...body, forms: ['written', 'announcement'], scope: 'unit' },
      400,
    );
    expect(publicly.json()).toMatchObject({ code: 'name_clearing.form_not_consented', field: 'forms[1]' });
    const region = await flow.clear(
      'officer',
      zhang,
      'execute',
      { ...body, forms: ['written'], scope: 'region' },
      400,
    );
    expect(region.json()).toMatchObject({ code: 'name_clearing.scope_exceeds_consent' });
    const beyondPlan = await flow.clear(
      'officer',
      zhang,
      'execute',
      { ...body, forms: ['written'], scope: 'unit' },
      400,
    );
    expect(beyondPlan.json()).toMatchObject({ code: 'name_clearing.scope_exceeds_approval', field: 'scope' });
    const early = await flow.clear(
      'officer',
      zhang,
      'execute',
      { ...body, forms: ['written'], scope: 'self', executedOn: '2026-03-02' },
      400,
    );
    expect(early.json()).toMatchObject({ code: 'name_clearing.date_out_of_range', field: 'executedOn' });

    const cleared = (
      await flow.clear('officer', zhang, 'execute', {
        ...body,
        forms: ['written', 'meeting'],
        scope: 'party_organisation',
      })
    ).json();
    expect(cleared.matter).toMatchObject({
      status: 'cleared',
      deadline: null,
      execution: { executedOn: '2026-03-05', onTime: true, scope: { value: 'party_organisation' } },
    });
    expect(cleared.documents.map((d: { kind: string }) => d.kind)).toEqual(['name_clearing_letter']);
    const letter = cleared.documents[0];
    expect(letter.title).toBe('关于张明同志被反映问题的澄清正名书');

    const docs = (await flow.get('cadre', `/api/name-clearings/${zhang}/documents`)).json();
    expect(docs.items).toEqual([
      expect.objectContaining({ id: letter.id, pdf: `/api/documents/${letter.id}.pdf`, code: letter.code }),
    ]);
    const pdf = await flow.get('cadre', `/api/documents/${letter.id}.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-clearing-')), 'letter.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    for (const expected of [
      '关于张明同志被反映问题的澄清正名书',
      '反映',
      '在农村公路项目中收受施工方好处费的问题',
      '所反映问题不属实',
      '经我委主要负责人批准，并征得张明同志本人同意',
      '澄清方式：书面澄清、会议澄清。澄清范围：本人及所在党组织主要负责人。',
      '不是对张明同志的全面评价',
      '中共K县委组织部',
      letter.code,
    ])
      expect(text).toContain(expected);
    // Only the scope used: never the wider one consented to, never the accuser.
    expect(text).not.toContain('本人所在单位范围内');
    expect(text).not.toContain('赵某举');
    const docx = await flow.get('officer', `/api/documents/${letter.id}.docx`);
    expect(docx.statusCode).toBe(200);
    const verified = await app.inject({ url: `/api/verify?code=${letter.code}`, remoteAddress: '10.3.0.1' });
    expect(verified.json()).toMatchObject({
      valid: true,
      status: 'valid',
      document: {
        kind: 'name_clearing_letter',
        number: letter.number,
        title: '关于张某同志被反映问题的澄清正名书',
      },
    });
    const uploaded = await app.inject({
      method: 'POST',
      url: '/api/verify',
      remoteAddress: '10.3.0.2',
      ...(await import('../support/roster-files.ts')).multipart(
        'letter.pdf',
        new Uint8Array(pdf.rawPayload),
        'application/pdf',
      ),
    });
    expect(uploaded.json()).toMatchObject({ valid: true, status: 'valid' });
  });

  it('refers a malicious accuser, corrects the wrong handling, and copies the outcome to the organisation department', async () => {
    flow.setDay('2026-03-06');
    const missing = await flow.clear(
      'officer',
      zhang,
      'handle_accuser',
      { classification: 'malicious', reasons: '—' },
      400,
    );
    expect(missing.json()).toMatchObject({ code: 'name_clearing.referral_required', field: 'referredTo' });
    const mistaken = await flow.clear(
      'officer',
      zhang,
      'handle_accuser',
      { classification: 'mistaken', reasons: '—', referredTo: 'public_security' },
      400,
    );
    expect(mistaken.json()).toMatchObject({ code: 'name_clearing.referral_unexpected' });
    const referred = (
      await flow.clear('officer', zhang, 'handle_accuser', {
        classification: 'malicious',
        reasons: '举报人明知其未收受财物，仍捏造事实在其提拔考察期间多次举报，意图阻挠其提拔。',
        referredTo: 'case_review',
      })
    ).json();
    expect(referred.matter.accuserHandling).toMatchObject({
      classification: 'malicious',
      classificationLabel: { zh: '诬告陷害' },
      referredTo: 'case_review',
    });
    const again = await flow.clear(
      'officer',
      zhang,
      'handle_accuser',
      { classification: 'mistaken', reasons: '—' },
      409,
    );
    expect(again.json().code).toBe('name_clearing.accuser_already_handled');

    const ordered = (
      await flow.clear('officer', zhang, 'order_correction', {
        route: 'order',
        wrongHandling: '因该举报暂停了其作为副科级领导职务人选的考察程序。',
        responsibleUnitId: DEMO_PEOPLE.cadre.unitId,
        responsiblePerson: '单位主要负责人',
        measures: '恢复考察程序\n在年度考核中不作负面评价',
        deadlineWorkingDays: 10,
      })
    ).json();
    const correction = ordered.matter.corrections[0].correction;
    expect(correction.number).toMatch(/^K纠〔2026〕\d+号$/);
    // The correction is its own matter, which the cadre follows as the one it concerns.
    const followed = (await flow.get('cadre', `/api/corrections/${correction.id}`)).json();
    expect(followed.matter).toMatchObject({
      status: 'rectifying',
      route: 'standalone',
      problem: '因该举报暂停了其作为副科级领导职务人选的考察程序。',
      order: {
        measures: ['恢复考察程序', '在年度考核中不作负面评价'],
        responsibleUnit: { id: DEMO_PEOPLE.cadre.unitId },
      },
    });
    expect(followed.documents.map((d: { kind: string }) => d.kind)).toEqual(['correction_order']);
    await flow.clear('officer', zhang, 'order_correction', {
      route: 'recommend',
      wrongHandling: '年度评优时因举报未予推荐。',
      recommendTo: '中共K县委组织部',
      recommendation: '建议在下一次评先评优中不受该举报影响。',
    });

    // The cadre sees what was put right, not how the accuser is handled.
    const cadre = await flow.clearing('cadre', zhang);
    expect(cadre.matter.corrections.map((c) => c.route)).toEqual(['order', 'recommend']);
    expect(cadre.matter).toMatchObject({ accuserHandling: null });
    expect(cadre.records.map((r) => r.kind)).not.toContain('accuser_handling');
    expect(cadre.timeline.map((e) => e.action)).not.toContain('name_clearing.handle_accuser');
    expect(cadre.timeline.map((e) => e.action)).not.toContain('name_clearing.accuser_revealed');

    await flow.clearing('orgdept', zhang, 404);
    const archived = (
      await flow.clear('officer', zhang, 'archive', {
        integrityFileRef: 'K廉档〔2026〕031',
        note: '已抄送并归档。',
      })
    ).json();
    expect(archived.matter).toMatchObject({
      status: 'closed',
      archive: { on: '2026-03-06', orgDept: '中共K县委组织部', integrityFileRef: 'K廉档〔2026〕031' },
    });
    expect(archived.allowedActions).toEqual([]);

    // The organisation department's copy: the outcome, not the deliberations or the accuser.
    const orgDept = await flow.clearing('orgdept', zhang);
    expect(orgDept.matter).toMatchObject({
      view: 'outcome',
      status: 'closed',
      execution: { scope: { value: 'party_organisation' }, onTime: true },
      consent: null,
      triggerCheck: null,
      accuserHandling: null,
      accusation: { conclusion: null, accuser: null, allegation: '在农村公路项目中收受施工方好处费' },
    });
    expect(orgDept.records).toEqual([]);
    expect(orgDept.documents.map((d) => d.kind)).toEqual(['name_clearing_letter']);
    expect((await flow.get('orgdept', `/api/documents/${orgDept.documents[0]!.id}.pdf`)).statusCode).toBe(
      200,
    );
    expect((await flow.get('orgdept', '/api/name-clearings')).json().items).toEqual([
      expect.objectContaining({ id: zhang, result: 'cleared' }),
    ]);
    expect((await flow.get('orgdept', `/api/name-clearings/${zhang}/documents`)).json().items).toHaveLength(
      1,
    );

    expect((await auditOf(zhang)).map((e) => e.action)).toEqual([
      'name_clearing.opened',
      'name_clearing.accuser_revealed',
      'name_clearing.check_triggers',
      'name_clearing.record_consent',
      'name_clearing.submit_for_approval',
      'name_clearing.withdraw_consent',
      'name_clearing.record_consent',
      'name_clearing.submit_for_approval',
      'name_clearing.approve',
      'document.issued',
      'name_clearing.execute',
      'name_clearing.handle_accuser',
      'name_clearing.order_correction',
      'name_clearing.order_correction',
      'name_clearing.archive',
    ]);
  });

  it('flags an overdue clearing, extends it once with the leader’s approval, and records a late clearing as late', async () => {
    flow.setDay('2026-04-01');
    const cadreId = await flow.unitCadreId();
    const id = await flow.open(
      accusation({ subjectCadreId: cadreId, concludedOn: '2026-03-02', accuser: { anonymous: true } }),
    );
    const overdue = await flow.clearing('officer', id);
    expect(overdue.matter.deadline).toMatchObject({
      dueDate: '2026-03-30',
      status: 'overdue',
      workingDaysRemaining: -2,
    });
    const list = (await flow.get('officer', '/api/name-clearings?overdueOnly=true')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(
      (await flow.get('officer', '/api/matters?type=name_clearing&overdueOnly=true')).json().items,
    ).toEqual([expect.objectContaining({ id, deadline: expect.objectContaining({ status: 'overdue' }) })]);

    await flow.clear('officer', id, 'extend_deadline', { amount: 5, reason: '—' }, 403);
    const tooLong = await flow.clear(
      'leader',
      id,
      'extend_deadline',
      { amount: 21, reason: '本人外出学习' },
      400,
    );
    expect(tooLong.json()).toMatchObject({ code: 'deadline.extension_exceeds_limit' });
    const extended = (
      await flow.clear('leader', id, 'extend_deadline', {
        amount: 10,
        reason: '本人外出学习，待返回后当面征求意见。',
      })
    ).json();
    // 03-30 plus ten working days, across Qingming: 04-14.
    expect(extended.matter).toMatchObject({
      deadline: { dueDate: '2026-04-14', status: 'on_time' },
      extension: { amount: 10, unit: 'working_days', approvedOn: '2026-04-01', approvedBy: '陈刚' },
    });
    expect(actions(extended)).not.toContain('extend_deadline');
    const twice = await flow.clear('leader', id, 'extend_deadline', { amount: 1, reason: '再延' }, 409);
    expect(twice.json()).toMatchObject({ code: 'deadline.already_extended' });

    flow.setDay('2026-04-15');
    await flow.approved(id, 'officer');
    expect((await flow.clearing('officer', id)).matter.deadline).toMatchObject({ status: 'overdue' });
    const late = (
      await flow.clear('officer', id, 'execute', {
        forms: ['written'],
        scope: 'self',
        executedOn: '2026-04-15',
        details: '向本人送达澄清正名书。',
      })
    ).json();
    expect(late.matter).toMatchObject({ status: 'cleared', deadline: null, execution: { onTime: false } });
    const event = (await auditOf(id)).find((e) => e.action === 'name_clearing.execute')!;
    expect(event.data).toMatchObject({ from: 'executing', to: 'cleared', onTime: false, scope: 'self' });
  });

  it('lets the cadre decline a clearing, which is then closed without one', async () => {
    const cadreId = await flow.unitCadreId();
    const id = await flow.open(
      accusation({ subjectCadreId: cadreId, concludedOn: '2026-04-15', receivedOn: '2026-04-01' }),
    );
    await flow.clear('officer', id, 'check_triggers', { triggers: ['T2'], exclusions: [], analysis: '—' });
    const declined = (
      await flow.clear('officer', id, 'decline', {
        reason: '本人不希望再提及此事。',
        consultedVia: 'in_writing',
        consultedOn: '2026-04-15',
      })
    ).json();
    expect(declined.matter).toMatchObject({
      status: 'not_cleared',
      declined: { on: '2026-04-15', recordedBy: 'commission' },
      consent: null,
    });
    expect(actions(declined)).toEqual(['close', 'handle_accuser', 'order_correction']);
  });

  it('leaves an intact audit chain', async () => {
    expect((await verifyAuditChain(platform.deps.db)).ok).toBe(true);
  });
});
