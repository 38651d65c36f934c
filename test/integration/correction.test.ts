/**
 * 纠错 end to end through the API on both engines: the order that comes with a decision, the unit's
 * reports and evidence, acceptance, the look-back after the period, closing; overdue and refused
 * correction escalated to the leader, who reopens the tolerance decision (its own audited step);
 * a standalone order; documents rendered and verified.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { rebuildMatterStats } from '../../src/db/repos/stats.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import type { App } from '../../src/server/build-app.ts';
import { loadCalendar } from '../../src/usecases/policy-context.ts';
import { CorrectionFlow } from '../support/correction-flow.ts';
import { createTestApp, createTestPlatform, ENGINES, type TestPlatform } from '../support/platform.ts';

describe.each(ENGINES)('error correction on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  let flow: CorrectionFlow;
  /** The correction of the first scenario, accepted in March and looked back on in June. */
  let observed: string;

  const auditOf = async (id: string) =>
    (
      await platform.deps.db
        .selectFrom('audit_events')
        .select(['action', 'data'])
        .where('entity_id', '=', id)
        .where('action', '!=', 'document.downloaded')
        .orderBy('seq')
        .execute()
    ).map((e) => e.action);
  const statusOf = async (id: string) =>
    await platform.deps.db
      .selectFrom('matters')
      .select(['status', 'closed_at', 'received_on'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const counters = () =>
    platform.deps.db
      .selectFrom('matter_stats_daily')
      .select(['jurisdiction_id', 'day', 'metric', 'count'])
      .where('type', '=', 'tolerance')
      .where('count', '!=', 0)
      .orderBy('jurisdiction_id')
      .orderBy('day')
      .orderBy('metric')
      .execute();

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    flow = new CorrectionFlow(app, platform);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('opens the correction a decision orders, with its order document, in the unit’s and the officer’s lists', async () => {
    const toleranceId = await flow.decidedWithCorrection();
    observed = await flow.correctionOf(toleranceId);
    const seen = await flow.correction('officer', observed);
    expect(seen.matter).toMatchObject({
      status: 'rectifying',
      route: 'from_decision',
      statusLabel: { zh: '整改中', en: 'Rectifying' },
      // 2026-03-02 plus ten working days.
      deadline: { kind: 'rectification', dueDate: '2026-03-16', status: 'on_time' },
      order: {
        origin: 'from_decision',
        measures: ['补办村集体资金使用审批手续', '修订村级垫付资金管理办法'],
        responsibleUnit: { id: DEMO_PEOPLE.unitLeader.unitId },
        responsiblePerson: '城关镇党委书记李华',
        deadlineWorkingDays: 10,
        orderedOn: '2026-03-02',
        deadline: '2026-03-16',
      },
      toleranceMatter: { id: toleranceId },
    });
    const determination = (await flow.detail('officer', toleranceId)).documents.find(
      (d) => d.kind === 'tolerance_exempt',
    )!;
    expect((seen.matter.order as { determination: unknown }).determination).toEqual({
      id: determination.id,
      number: determination.number,
      title: determination.title,
    });
    expect(seen.documents.map((d) => d.kind)).toEqual(['correction_order']);
    // Not overdue yet: escalation is not offered.
    expect(seen.allowedActions.map((a) => a.action).sort()).toEqual([
      'add_evidence',
      'record_refusal',
      'report_completion',
      'report_progress',
    ]);

    for (const user of ['officer', 'unit']) {
      const list = await flow.get(user, '/api/matters?type=correction');
      const items = list.json<{
        items: { id: string; type: string; statusLabel: unknown; deadline: unknown }[];
      }>().items;
      expect(items.every((i) => i.type === 'correction')).toBe(true);
      expect(items.find((i) => i.id === observed)).toMatchObject({
        statusLabel: { zh: '整改中' },
        deadline: { kind: 'rectification', dueDate: '2026-03-16' },
      });
    }
    // 张明 is in another unit: the correction answers exactly like a missing one.
    expect((await flow.get('cadre', `/api/corrections/${observed}`)).statusCode).toBe(404);
    expect((await flow.get('officer', `/api/corrections/${toleranceId}`)).statusCode).toBe(404);
  });

  it('renders the correction order and verifies it publicly', async () => {
    const order = (await flow.correction('unit', observed)).documents[0]!;
    const pdf = await flow.get('unit', `/api/documents/${order.id}.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-correction-')), 'order.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    for (const expected of [
      '关于责令',
      '限期纠错整改的通知书',
      '2026年3月16日前（10个工作日内）',
      '补办村集体资金使用审批手续',
      '拒不整改',
      order.code,
    ])
      expect(text).toContain(expected);
    const verified = await app.inject({ url: `/api/verify?code=${order.code}`, remoteAddress: '10.1.0.1' });
    expect(verified.json()).toMatchObject({
      valid: true,
      status: 'valid',
      document: { kind: 'correction_order', number: order.number },
    });
  });

  it('takes the unit’s reports and evidence, and accepts the rectification only on evidence', async () => {
    const unitView = await flow.correction('unit', observed);
    expect(unitView.allowedActions.map((a) => a.action).sort()).toEqual([
      'add_evidence',
      'report_completion',
      'report_progress',
    ]);
    await flow.correct('unit', observed, 'report_progress', {
      progress: '已召开村民代表会议，补办手续材料正在准备。',
      percentDone: 50,
    });
    await flow.correct('officer', observed, 'accept_rectification', { findings: '—' }, 409);
    const completed = (
      await flow.correct('unit', observed, 'report_completion', {
        report: '审批手续已补办，管理办法已修订印发。',
      })
    ).json();
    expect(completed.matter).toMatchObject({ status: 'awaiting_acceptance', deadline: null });

    const bare = await flow.correct(
      'officer',
      observed,
      'accept_rectification',
      { findings: '手续齐全。' },
      409,
    );
    expect(bare.json().code).toBe('correction.evidence_missing');
    const uploaded = await flow.upload(
      'unit',
      `/api/corrections/${observed}/evidence`,
      '整改报告.pdf',
      '整改报告',
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json().matter.files).toHaveLength(1);
    const fileUrl = `/api/matters/${observed}/files/${uploaded.json().file.id}`;
    const downloaded = await flow.get('officer', fileUrl);
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.headers['content-type']).toBe('application/pdf');
    expect((await flow.get('cadre', fileUrl)).statusCode).toBe(404);

    flow.setDay('2026-03-04');
    const accepted = (
      await flow.correct('officer', observed, 'accept_rectification', {
        findings: '经实地查看，手续齐全，办法已执行。',
        method: 'site_visit',
      })
    ).json();
    // 回头看: three months after acceptance (K County inherits the default period).
    expect(accepted.matter).toMatchObject({
      status: 'observing',
      deadline: { kind: 'look_back', dueDate: '2026-06-04' },
    });
    expect(accepted.records.find((r: { kind: string }) => r.kind === 'acceptance')).toMatchObject({
      data: { method: 'site_visit', lookBackDue: '2026-06-04', fileIds: [uploaded.json().file.id] },
      text: '经实地查看，手续齐全，办法已执行。',
    });
    const early = await flow.correct(
      'officer',
      observed,
      'look_back',
      { result: 'sustained', findings: '—' },
      409,
    );
    expect(early.json()).toMatchObject({
      code: 'correction.look_back_not_due',
      message: '回头看应在 2026-06-04 及以后进行',
    });
    const progress = (await flow.correction('unit', observed)).records.find(
      (r) => r.kind === 'progress_report',
    );
    expect(progress).toMatchObject({
      data: { percentDone: 50, reportedBy: 'unit' },
      text: '已召开村民代表会议，补办手续材料正在准备。',
    });
  });

  it('escalates an overdue correction and lets the leader reopen the decision, which ends the correction (audited)', async () => {
    flow.setDay('2026-03-05');
    const toleranceId = await flow.decidedWithCorrection({ deadlineWorkingDays: 3 });
    await flow.act('officer', toleranceId, 'notify');
    const correctionId = await flow.correctionOf(toleranceId);
    // 03-05 plus three working days: the last day is 03-10.
    expect((await flow.correction('officer', correctionId)).matter.deadline).toMatchObject({
      dueDate: '2026-03-10',
    });

    flow.setDay('2026-03-10');
    const early = await flow.correct('officer', correctionId, 'escalate', {}, 409);
    expect(early.json()).toMatchObject({
      code: 'correction.not_overdue',
      message: '整改期限至 2026-03-10 届满前不能按逾期报请处理',
    });
    const notYet = await flow.act('leader', toleranceId, 'reopen', { reason: '拟重新研究' }, 409);
    expect(notYet.json().code).toBe('matter.correction_not_escalated');
    expect(
      (await flow.get('leader', `/api/matters/${toleranceId}`))
        .json()
        .allowedActions.map((a: { action: string }) => a.action),
    ).not.toContain('reopen');

    flow.setDay('2026-03-11');
    const escalated = (
      await flow.correct('officer', correctionId, 'escalate', { note: '逾期未报告整改情况。' })
    ).json();
    expect(escalated.matter.status).toBe('escalated');
    expect(escalated.records.find((r: { kind: string }) => r.kind === 'escalation')).toMatchObject({
      data: { ground: 'overdue', deadline: '2026-03-10' },
    });
    // The escalation is the commission's internal work: the unit sees the status, not the record.
    expect((await flow.correction('unit', correctionId)).records.map((r) => r.kind)).not.toContain(
      'escalation',
    );
    const leaderView = await flow.get('leader', `/api/matters/${toleranceId}`);
    expect(leaderView.json().allowedActions.map((a: { action: string }) => a.action)).toContain('reopen');
    expect(
      (await flow.correction('leader', correctionId)).allowedActions.map((a) => a.action).sort(),
    ).toEqual(['reorder', 'terminate']);

    const reopened = (
      await flow.act('leader', toleranceId, 'reopen', {
        reason: '责任单位逾期未纠错，提请常委会重新研究容错认定。',
      })
    ).json();
    expect(reopened.matter).toMatchObject({ status: 'awaiting_decision', outcome: 'exempt' });
    expect(await statusOf(correctionId)).toMatchObject({ status: 'terminated' });
    const reopenEvent = await platform.deps.db
      .selectFrom('audit_events')
      .select(['data', 'actor'])
      .where('entity_id', '=', toleranceId)
      .where('action', '=', 'tolerance.reopen')
      .executeTakeFirstOrThrow();
    expect(reopenEvent.data).toMatchObject({
      from: 'notified',
      to: 'awaiting_decision',
      corrections: [correctionId],
      outcome: 'exempt',
    });
    const terminated = await platform.deps.db
      .selectFrom('audit_events')
      .select('data')
      .where('entity_id', '=', correctionId)
      .where('action', '=', 'correction.terminate')
      .executeTakeFirstOrThrow();
    expect(terminated.data).toMatchObject({
      from: 'escalated',
      to: 'terminated',
      ground: 'tolerance_reopened',
      toleranceMatterId: toleranceId,
    });

    // The committee decides again: tolerance refused over the refusal to correct; a new determination.
    await flow.convene(toleranceId, ['leader', 'committee1', 'committee2', 'committee3']);
    await flow.vote(toleranceId, ['committee1', 'committee2', 'committee3', 'leader'], 'refuse');
    const decided = (
      await flow.act('leader', toleranceId, 'decide', {
        minutes: '责任单位逾期不纠错，不予容错。',
        departureReason: '责令纠错后逾期未整改，不再符合容错条件。',
      })
    ).json();
    expect(decided.matter).toMatchObject({ status: 'decided', outcome: 'refuse' });
    expect(decided.documents.map((d: { kind: string }) => d.kind)).toEqual([
      'acceptance_notice',
      'tolerance_exempt',
      'outcome_letter',
      'tolerance_refused',
    ]);
    // The dashboard counters moved with every step: rebuilding them from the matters changes nothing.
    const live = await counters();
    await rebuildMatterStats(platform.deps.db, await loadCalendar(platform.deps.db));
    expect(await counters()).toEqual(live);
  });

  it('escalates a refused correction, orders further rectification, and reopens a closed decision on a second refusal', async () => {
    flow.setDay('2026-03-12');
    const toleranceId = await flow.decidedWithCorrection();
    await flow.act('officer', toleranceId, 'notify');
    await flow.act('officer', toleranceId, 'record_delivery', {
      deliveredOn: '2026-03-12',
      method: 'in_person',
    });
    flow.setDay('2026-04-14');
    await flow.act('officer', toleranceId, 'close');
    const correctionId = await flow.correctionOf(toleranceId);

    await flow.correct('unit', correctionId, 'record_refusal', { facts: '—' }, 403);
    await flow.correct('officer', correctionId, 'record_refusal', {
      facts: '镇政府书面答复认为无需补办手续，拒绝整改。',
    });
    await flow.correct(
      'officer',
      correctionId,
      'reorder',
      { deadlineWorkingDays: 5, instructions: '—' },
      403,
    );
    const reordered = (
      await flow.correct('leader', correctionId, 'reorder', {
        deadlineWorkingDays: 5,
        instructions: '限五个工作日内完成整改，逾期严肃问责。',
      })
    ).json();
    // 04-14 plus five working days.
    expect(reordered.matter).toMatchObject({
      status: 'rectifying',
      deadline: { kind: 'rectification', dueDate: '2026-04-21' },
    });
    expect(reordered.records.find((r: { kind: string }) => r.kind === 'reorder')).toMatchObject({
      data: { deadlineWorkingDays: 5, deadline: '2026-04-21' },
    });

    flow.setDay('2026-04-16');
    await flow.correct('officer', correctionId, 'record_refusal', { facts: '再次拒绝整改。' });
    const reopened = (
      await flow.act('leader', toleranceId, 'reopen', { reason: '拒不纠错，重新研究。' })
    ).json();
    expect(reopened.matter).toMatchObject({
      status: 'awaiting_decision',
      receivedOn: null,
      appealDeadline: null,
    });
    expect(await statusOf(toleranceId)).toMatchObject({ closed_at: null, received_on: null });
    expect(await statusOf(correctionId)).toMatchObject({ status: 'terminated' });
    expect(await auditOf(correctionId)).toEqual([
      'correction.opened',
      'document.issued',
      'correction.record_refusal',
      'correction.reorder',
      'correction.record_refusal',
      'correction.terminate',
    ]);
    const live = await counters();
    await rebuildMatterStats(platform.deps.db, await loadCalendar(platform.deps.db));
    expect(await counters()).toEqual(live);
  });

  it('looks back once the period has passed, then closes; the unit follows every step', async () => {
    flow.setDay('2026-06-04');
    const looked = (
      await flow.correct('officer', observed, 'look_back', {
        result: 'sustained',
        findings: '回头看：手续完备，办法执行良好，未出现反弹。',
      })
    ).json();
    expect(looked.matter).toMatchObject({ status: 'looked_back', deadline: null });
    const closed = (
      await flow.correct('officer', observed, 'close', { note: '整改到位，予以销号。' })
    ).json();
    expect(closed.matter.status).toBe('closed');
    expect(closed.allowedActions).toEqual([]);
    expect((await statusOf(observed)).closed_at).not.toBeNull();
    expect(await auditOf(observed)).toEqual([
      'correction.opened',
      'document.issued',
      'correction.report_progress',
      'correction.report_completion',
      'correction.add_evidence',
      'correction.accept_rectification',
      'correction.look_back',
      'correction.close',
    ]);
    const unitView = await flow.correction('unit', observed);
    // Steps on one test day share a timestamp, so compare as a set.
    expect(unitView.records.map((r) => r.kind).sort()).toEqual([
      'acceptance',
      'closure',
      'completion_report',
      'look_back',
      'progress_report',
    ]);
    expect(unitView.timeline.map((e) => e.action)).not.toContain('document.downloaded');
    // The organisation department sees a closed correction's outcome, not the reports.
    const orgDept = await flow.correction('orgdept', observed);
    expect(orgDept.matter).toMatchObject({ view: 'outcome', status: 'closed', problem: null });
    expect(orgDept.records).toEqual([]);
  });

  it('orders a standalone correction; a failed acceptance counts the same period on; a relapse means rectifying again', async () => {
    flow.setDay('2026-06-08');
    const body = {
      title: '村级集体资金使用管理',
      problem: '垫付集体资金未经村民代表会议表决。\n资金往来未入账。',
      responsibleUnitId: DEMO_PEOPLE.unitLeader.unitId,
      responsiblePerson: '城关镇镇长',
      measures: '补开村民代表会议\n补记账目',
      deadlineWorkingDays: 10,
    };
    const refused = await flow.post('cadre', '/api/corrections', body);
    expect(refused.statusCode).toBe(403);
    const outOfScope = await flow.post('officer', '/api/corrections', {
      ...body,
      responsibleUnitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(outOfScope.json()).toMatchObject({ code: 'correction.unit_unknown', field: 'responsibleUnitId' });
    const opened = await flow.post('officer', '/api/corrections', body);
    expect(opened.statusCode, opened.body).toBe(201);
    const { id, number } = opened.json<{ id: string; number: string }>();
    expect(number).toMatch(/^K纠〔2026〕\d+号$/);
    const seen = await flow.correction('unit', id);
    expect(seen.matter).toMatchObject({
      route: 'standalone',
      problem: '垫付集体资金未经村民代表会议表决。\n资金往来未入账。',
      toleranceMatter: null,
      order: { origin: 'standalone', determination: null, deadline: '2026-06-23' },
      subject: null,
    });
    // 06-08 plus ten working days, across the Dragon Boat Festival (06-19).
    expect(seen.matter.deadline).toMatchObject({ dueDate: '2026-06-23' });

    await flow.correct('unit', id, 'report_completion', { report: '已补开会议。' });
    expect(
      (await flow.upload('unit', `/api/corrections/${id}/evidence`, '会议记录.pdf', '会议记录')).statusCode,
    ).toBe(201);
    flow.setDay('2026-06-11');
    const rejected = (
      await flow.correct('officer', id, 'reject_rectification', { reasons: '账目尚未补记。' })
    ).json();
    // Stopped 06-08 → 06-11: three working days did not count, so the last day moves on to 06-26.
    expect(rejected.matter).toMatchObject({ status: 'rectifying', deadline: { dueDate: '2026-06-26' } });
    await flow.correct('unit', id, 'report_completion', { report: '账目已补记。' });
    await flow.correct('officer', id, 'accept_rectification', { findings: '已整改。' });

    flow.setDay('2026-09-14');
    const missing = await flow.correct(
      'officer',
      id,
      'look_back',
      { result: 'relapsed', findings: '又出现未表决垫付。' },
      400,
    );
    expect(missing.json()).toMatchObject({
      code: 'correction.deadline_required',
      field: 'deadlineWorkingDays',
    });
    const relapsed = (
      await flow.correct('officer', id, 'look_back', {
        result: 'relapsed',
        findings: '又出现未表决垫付。',
        deadlineWorkingDays: 5,
      })
    ).json();
    // 09-14 plus five working days, the fifth being the make-up Sunday 09-20.
    expect(relapsed.matter).toMatchObject({
      status: 'rectifying',
      deadline: { kind: 'rectification', dueDate: '2026-09-20' },
    });
  });

  it('leaves an intact audit chain', async () => {
    expect((await verifyAuditChain(platform.deps.db)).ok).toBe(true);
  });
});
