/**
 * The whole tolerance route through the API (DESIGN §3.1): application → acceptance → verification →
 * proposal → collective decision → notice → receipt → filing → appeal → independent review → closed,
 * then the procedure's refusals: races, roles, scope, quorum, departure, the appeal window and the
 * review that may never be heavier.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { addUser } from '../../src/usecases/users/manage-users.ts';
import { SYSTEM_ACTOR } from '../../src/audit/append.ts';
import { DEMO_JURISDICTION_IDS, DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { createTestApp, createTestPlatform, ENGINES, type TestPlatform } from '../support/platform.ts';
import { EXEMPT_FACTS, ToleranceFlow } from '../support/tolerance-flow.ts';
import type { App } from '../../src/server/build-app.ts';

const DAY = 86_400_000;

// No shipped policy requires the higher level's approval; one test switches it on for its matters.
const approval = vi.hoisted(() => ({ required: false }));
vi.mock('../../src/usecases/policy-context.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/usecases/policy-context.ts')>();
  return {
    ...original,
    policyVersion: (id: string, version: string) => ({
      ...original.policyVersion(id, version),
      higherLevelApprovalRequired: approval.required,
    }),
  };
});

describe.each(ENGINES)('tolerance lifecycle on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  let flow: ToleranceFlow;

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    flow = new ToleranceFlow(app, platform);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('runs the whole route, leaves a verifiable audit chain and a timeline of every step', async () => {
    const started = performance.now();
    const requestsBefore = flow.requests;
    const id = await flow.apply();
    expect((await flow.detail('cadre', id)).matter.status).toBe('submitted');

    await flow.act('officer', id, 'accept');
    let detail = await flow.detail('officer', id);
    expect(detail.matter.status).toBe('verifying');
    expect(detail.documents.map((d) => d.kind)).toEqual(['acceptance_notice']);

    platform.clock.advance(3 * DAY);
    await flow.act('officer', id, 'record_facts', {
      facts: EXEMPT_FACTS,
      findings: '经核实，垫资事项经镇党委会集体研究决定。\n工程已按期完工，垫资款项已全部收回。',
    });
    expect((await flow.detail('officer', id)).matter.recommendation).toMatchObject({
      recommendation: 'exempt',
    });
    await flow.act('officer', id, 'propose', {
      outcome: 'exempt',
      analysis: '出于公心推动民生工程，属于探索性失误。',
    });

    platform.clock.advance(2 * DAY);
    await flow.convene(id, ['leader', 'committee1', 'committee2', 'committee3']);
    await flow.vote(id, ['committee1', 'committee2', 'committee3'], 'exempt');
    // Three of six members is not "more than half of the members" (default quorum, passBase members).
    const short = await flow.act('leader', id, 'decide', { minutes: '会议纪要' }, 409);
    expect(short.json()).toMatchObject({ code: 'meeting.no_majority' });
    await flow.vote(id, ['leader'], 'exempt');
    await flow.act('leader', id, 'decide', { minutes: '会议听取汇报，一致同意予以容错免责。' });
    detail = await flow.detail('officer', id);
    expect(detail.matter).toMatchObject({ status: 'decided', outcome: 'exempt' });
    expect(detail.matter.decision).toMatchObject({
      outcome: 'exempt',
      tally: { tally: { exempt: 4, mitigate: 0, refuse: 0 }, presentCount: 4, membersCount: 6 },
    });
    // The minutes are sensitive: stored only encrypted, on the meeting.
    const meeting = await platform.deps.db
      .selectFrom('meetings')
      .select(['id', 'minutes_enc'])
      .where('id', '=', (detail.matter.decision as { meetingId: string }).meetingId)
      .executeTakeFirstOrThrow();
    expect(meeting.minutes_enc).not.toContain('容错免责');
    expect(platform.deps.keyring.decrypt(meeting.minutes_enc!, `meeting.minutes:${meeting.id}`)).toBe(
      '会议听取汇报，一致同意予以容错免责。',
    );
    expect(JSON.stringify(detail.matter.decision)).not.toContain('会议听取汇报');
    const determination = detail.documents.find((d) => d.kind === 'tolerance_exempt')!;
    expect(determination.title).toBe('关于张明同志容错免责的认定决定书');

    platform.clock.advance(3_600_000);
    await flow.act('officer', id, 'notify');
    detail = await flow.detail('officer', id);
    expect(detail.documents.map((d) => d.kind)).toEqual([
      'acceptance_notice',
      'tolerance_exempt',
      'outcome_letter',
    ]);
    platform.clock.advance(DAY);
    const received = await flow.act('cadre', id, 'acknowledge_receipt');
    const receivedMatter = received.json<{ matter: { receivedOn: string; appealDeadline: string } }>().matter;
    expect(receivedMatter.receivedOn).toBe(flow.today());
    expect(receivedMatter.appealDeadline > receivedMatter.receivedOn).toBe(true);

    // 备案: the higher level sees the matter only once it is filed with it.
    expect((await flow.get('supervisor', `/api/matters/${id}`)).statusCode).toBe(404);
    await flow.act('officer', id, 'file_with_higher');
    expect((await flow.get('supervisor', `/api/matters/${id}`)).statusCode).toBe(200);

    platform.clock.advance(5 * DAY);
    await flow.act('cadre', id, 'appeal', {
      appealType: 'party_accountability',
      contested: 'tolerance',
      grounds: '认为认定书对整改情况表述不完整。',
    });
    detail = await flow.detail('officer', id);
    // The decision is not suspended by the appeal.
    expect(detail.matter).toMatchObject({ status: 'under_review', outcome: 'exempt' });

    const overlapping = await flow.act(
      'leader',
      id,
      'assign_review_panel',
      { members: [await flow.userId('committee1'), await flow.userId('committee4')] },
      400,
    );
    expect(overlapping.json()).toMatchObject({ code: 'meeting.panel_overlap', details: { names: ['刘洋'] } });
    await flow.act('leader', id, 'assign_review_panel', {
      members: [await flow.userId('committee4'), await flow.userId('committee5')],
    });
    const notOnPanel = await flow.act(
      'committee3',
      id,
      'review_decide',
      { result: 'upheld', reasons: '维持' },
      403,
    );
    expect(notOnPanel.json()).toMatchObject({ code: 'meeting.not_on_panel' });
    await flow.act('committee4', id, 'review_decide', {
      result: 'upheld',
      reasons: '原认定事实清楚，适用规定正确。',
    });
    detail = await flow.detail('officer', id);
    expect(detail.matter).toMatchObject({ status: 'closed', outcome: 'exempt' });
    expect(detail.documents.at(-1)).toMatchObject({
      kind: 'review_decision',
      title: '关于张明同志申诉的复核决定书',
    });
    const elapsed = performance.now() - started;
    console.log(
      `[${engine}] full tolerance lifecycle through the API: ${elapsed.toFixed(0)} ms, ${flow.requests - requestsBefore} requests (sign-ins included)`,
    );

    expect(await verifyAuditChain(platform.handle.db)).toMatchObject({ ok: true });
    const steps = detail.timeline.map((e) => e.action);
    for (const step of [
      'opened',
      'submit',
      'accept',
      'record_facts',
      'propose',
      'convene_meeting',
      'cast_vote',
      'decide',
      'notify',
      'acknowledge_receipt',
      'file_with_higher',
      'appeal',
      'assign_review_panel',
      'review_decide',
    ]) {
      expect(steps).toContain(`tolerance.${step}`);
    }
    expect(steps.filter((s) => s === 'tolerance.cast_vote')).toHaveLength(4);
    expect(steps.filter((s) => s === 'document.issued')).toHaveLength(4);
  });

  it('lets exactly one of two concurrent acceptances through', async () => {
    const id = await flow.apply();
    const s = await flow.session('officer');
    const accept = () =>
      app.inject({
        method: 'POST',
        url: `/api/matters/${id}/actions/accept`,
        payload: {},
        cookies: s.cookies,
        headers: s.headers,
      });
    const results = await Promise.all([accept(), accept()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!.json<{ code: string }>();
    expect(['record.conflict', 'procedure.wrong_state']).toContain(loser.code);
    const notices = await platform.deps.db
      .selectFrom('documents')
      .select('id')
      .where('matter_id', '=', id)
      .execute();
    expect(notices).toHaveLength(1);
  });

  it('refuses a step to the wrong role (403) and hides an out-of-jurisdiction matter exactly like a missing one (404)', async () => {
    const id = await flow.apply();
    expect((await flow.act('cadre', id, 'accept', {}, 403)).json()).toMatchObject({ code: 'auth.forbidden' });
    expect((await flow.act('committee1', id, 'accept', {}, 403)).json()).toMatchObject({
      code: 'auth.forbidden',
    });

    // An L County case officer opens a check on an L County cadre.
    const lCadre = await platform.deps.db
      .selectFrom('cadres as c')
      .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
      .select('c.id')
      .where('j.path', 'like', `%${DEMO_JURISDICTION_IDS.L}%`)
      .orderBy('c.id')
      .executeTakeFirstOrThrow();
    await addUser(platform.deps, SYSTEM_ACTOR, {
      username: 'l-officer',
      displayName: 'L县承办人',
      password: 'rongcuo-demo-2026',
      roles: [{ role: 'case_officer', jurisdictionCode: 'L' }],
    });
    const opened = await flow.post('l-officer', '/api/matters', {
      route: 'ex_officio',
      subjectCadreId: lCadre.id,
      title: 'L县某事项',
      summary: '问责调查中同步开展容错核查。',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const lMatter = opened.json<{ id: string }>().id;
    expect((await flow.get('l-officer', `/api/matters/${lMatter}`)).statusCode).toBe(200);

    const missing = '00000000-0000-4000-8000-000000000000';
    const [outOfScope, absent] = await Promise.all([
      flow.get('officer', `/api/matters/${lMatter}`),
      flow.get('officer', `/api/matters/${missing}`),
    ]);
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.body).toBe(absent.body);
    const [actOut, actAbsent] = [
      await flow.post('officer', `/api/matters/${lMatter}/actions/add_task`, {
        kind: 'interview',
        description: '谈话',
      }),
      await flow.post('officer', `/api/matters/${missing}/actions/add_task`, {
        kind: 'interview',
        description: '谈话',
      }),
    ];
    expect(actOut.statusCode).toBe(404);
    expect(actOut.body).toBe(actAbsent.body);
  });

  it('convenes only members, recuses on declaration, and lets a member change their vote', async () => {
    const id = await flow.awaitingDecision();
    const officerId = await flow.userId('officer');
    const notMember = await flow.act(
      'leader',
      id,
      'convene_meeting',
      { heldOn: flow.today(), present: [await flow.userId('leader'), officerId] },
      400,
    );
    expect(notMember.json()).toMatchObject({
      code: 'meeting.not_a_member',
      field: 'present[1]',
      details: { id: officerId },
    });

    await flow.convene(id, ['leader', 'committee1', 'committee2', 'committee3', 'committee4']);
    await flow.vote(id, ['committee1'], 'refuse');
    await flow.vote(id, ['committee1'], 'exempt');
    const votes = await platform.deps.db
      .selectFrom('audit_events')
      .select('data')
      .where('entity_id', '=', id)
      .where('action', '=', 'tolerance.cast_vote')
      .orderBy('seq')
      .execute();
    expect(votes.map((v) => v.data)).toMatchObject([
      { vote: 'refuse' },
      { vote: 'exempt', replaced: 'refuse' },
    ]);

    await flow.vote(id, ['committee2'], 'exempt');
    await flow.act('committee2', id, 'declare_conflict', { reason: '当事人系本人近亲属' });
    const second = await flow.act(
      'committee2',
      id,
      'cast_vote',
      { vote: 'exempt', opinion: '再次表决' },
      403,
    );
    expect(second.json()).toMatchObject({ code: 'procedure.recused' });
    // committee5 was absent: not attending, so no vote.
    expect(
      (await flow.act('committee5', id, 'cast_vote', { vote: 'exempt', opinion: '缺席' }, 403)).json(),
    ).toMatchObject({ code: 'meeting.not_attending' });

    const detail = await flow.detail('leader', id);
    const byUser = new Map(detail.meeting!.participants.map((p) => [p.userId, p]));
    expect(byUser.get(await flow.userId('committee1'))).toMatchObject({ vote: 'exempt', recused: false });
    expect(byUser.get(await flow.userId('committee2'))).toMatchObject({ vote: null, recused: true });
    // The recused member now sees no more than that the matter exists.
    expect((await flow.detail('committee2', id)).matter.view).toBe('limited');
  });

  it('refuses a decision without quorum (409 with the counts) and a departure without a written reason (400)', async () => {
    const thin = await flow.awaitingDecision();
    await flow.convene(thin, ['leader', 'committee1']);
    await flow.vote(thin, ['leader', 'committee1'], 'exempt');
    const noQuorum = await flow.act('leader', thin, 'decide', { minutes: '纪要' }, 409);
    expect(noQuorum.json()).toMatchObject({ code: 'meeting.no_quorum', details: { present: 2, members: 6 } });

    const departing = await flow.awaitingDecision();
    await flow.convene(departing, ['leader', 'committee1', 'committee2', 'committee3']);
    await flow.vote(departing, ['leader', 'committee1', 'committee2', 'committee3'], 'mitigate');
    const noReason = await flow.act(
      'leader',
      departing,
      'decide',
      { minutes: '纪要', measure: '诫勉谈话' },
      400,
    );
    expect(noReason.json()).toMatchObject({
      code: 'matter.departure_reason_required',
      field: 'departureReason',
    });
    const noMeasure = await flow.act(
      'leader',
      departing,
      'decide',
      { minutes: '纪要', departureReason: '造成一定负面影响' },
      400,
    );
    expect(noMeasure.json()).toMatchObject({ code: 'matter.measure_required' });
    await flow.act('leader', departing, 'decide', {
      minutes: '纪要',
      measure: '对其进行诫勉谈话',
      departureReason: '造成一定负面影响，宜减责处理',
      correctionOrder: {
        measures: '完善垫资审批程序',
        responsible: '城关镇人民政府',
        deadlineWorkingDays: 10,
      },
    });
    const decided = await flow.detail('officer', departing);
    expect(decided.matter).toMatchObject({
      status: 'decided',
      outcome: 'mitigate',
      decision: {
        departs: true,
        flags: ['departure'],
        measure: '对其进行诫勉谈话',
        correctionOrder: { deadlineWorkingDays: 10 },
      },
    });
    expect(decided.documents.map((d) => d.kind).sort()).toEqual(['acceptance_notice', 'tolerance_mitigate']);
  });

  it('closes the appeal window after the deadline (409), then lets the matter be closed', async () => {
    const id = await flow.received();
    const { appealDeadline } = (await flow.detail('cadre', id)).matter as { appealDeadline: string };
    expect((await flow.act('officer', id, 'close', {}, 409)).json()).toMatchObject({
      code: 'matter.appeal_window_open',
    });
    await flow.act('officer', id, 'publicize', { scope: '在县农业农村局内部公示', until: flow.today() });
    expect((await flow.detail('officer', id)).matter.publishedAt).toEqual(expect.any(String));
    expect((await flow.act('officer', id, 'publicize', { scope: '再次公示' }, 409)).json()).toMatchObject({
      code: 'matter.publicity_not_required',
    });
    platform.clock.set(new Date(new Date(`${appealDeadline}T09:00:00+08:00`).getTime() + DAY));
    const late = await flow.act(
      'cadre',
      id,
      'appeal',
      { appealType: 'party_accountability', contested: 'tolerance', grounds: '迟到的申诉' },
      409,
    );
    expect(late.json()).toMatchObject({
      code: 'matter.appeal_window_closed',
      details: { deadline: appealDeadline },
    });
    await flow.act('officer', id, 'close');
    expect((await flow.detail('officer', id)).matter.status).toBe('closed');
  });

  it('never makes the outcome heavier on review (400)', async () => {
    const id = await flow.received();
    await flow.act('cadre', id, 'appeal', {
      appealType: 'party_accountability',
      contested: 'both',
      grounds: '申诉理由',
    });
    await flow.act('officer', id, 'assign_review_panel', {
      members: [await flow.userId('committee4'), await flow.userId('committee5')],
    });
    const heavier = await flow.act(
      'committee5',
      id,
      'review_decide',
      { result: 'changed', outcome: 'refuse', reasons: '复核认为不应容错' },
      400,
    );
    expect(heavier.json()).toMatchObject({ code: 'matter.heavier_on_review' });
    expect((await flow.detail('officer', id)).matter).toMatchObject({
      status: 'under_review',
      outcome: 'exempt',
    });
  });

  it('lightens on review: the original decision is kept and the organisation department is told again', async () => {
    const id = await flow.awaitingDecision();
    await flow.convene(id, ['leader', 'committee1', 'committee2', 'committee3']);
    await flow.vote(id, ['leader', 'committee1', 'committee2', 'committee3'], 'mitigate');
    await flow.act('leader', id, 'decide', {
      minutes: '纪要',
      measure: '对其进行诫勉谈话',
      departureReason: '造成一定负面影响',
    });
    await flow.act('officer', id, 'notify');
    await flow.act('officer', id, 'record_delivery', { deliveredOn: flow.today(), method: 'in_person' });
    await flow.act('cadre', id, 'appeal', {
      appealType: 'party_accountability',
      contested: 'tolerance',
      grounds: '已主动挽回全部损失，应予免责',
    });
    await flow.act('leader', id, 'assign_review_panel', {
      members: [await flow.userId('committee4'), await flow.userId('committee5')],
    });
    await flow.act('committee4', id, 'review_decide', {
      result: 'changed',
      outcome: 'exempt',
      reasons: '申诉人已全部挽回损失，原决定情节认定不当',
    });
    const detail = await flow.detail('officer', id);
    expect(detail.matter).toMatchObject({
      status: 'closed',
      outcome: 'exempt',
      decision: {
        outcome: 'exempt',
        measure: null,
        review: { result: 'varied' },
        original: { outcome: 'mitigate', measure: '对其进行诫勉谈话' },
      },
    });
    // Issued at the same frozen instant here, so compared as a set.
    expect(detail.documents.map((d) => d.kind).sort()).toEqual([
      'acceptance_notice',
      'outcome_letter',
      'outcome_letter',
      'review_decision',
      'tolerance_mitigate',
    ]);
  });

  it('waits for the higher level where the policy says so: withheld approval goes back to the committee', async () => {
    approval.required = true;
    try {
      const id = await flow.awaitingDecision();
      const decideOnce = async () => {
        await flow.convene(id, ['leader', 'committee1', 'committee2', 'committee3']);
        await flow.vote(id, ['leader', 'committee1', 'committee2', 'committee3'], 'exempt');
        await flow.act('leader', id, 'decide', { minutes: '纪要' });
      };
      await decideOnce();
      let detail = await flow.detail('supervisor', id);
      expect(detail.matter).toMatchObject({ status: 'awaiting_approval', outcome: 'exempt' });
      expect(detail.documents.map((d) => d.kind)).toEqual(['acceptance_notice']);
      // The step commits; the response then shows the detail, which the supervisor no longer sees once
      // the matter leaves awaiting_approval unfiled (404, see the report) — so check through the officer.
      const withheld = await flow.post('supervisor', `/api/matters/${id}/actions/reject_approval`, {
        reason: '事实部分需补充说明资金来源',
      });
      expect(withheld.statusCode).toBe(204);
      detail = await flow.detail('officer', id);
      expect(detail.matter).toMatchObject({ status: 'awaiting_decision', outcome: null, decision: null });

      // Same frozen instant: the reconvened meeting must still order after the abandoned one.
      await decideOnce();
      const approved = await flow.post('supervisor', `/api/matters/${id}/actions/approve`, { note: '同意' });
      expect(approved.statusCode).toBe(204);
      detail = await flow.detail('officer', id);
      expect(detail.matter).toMatchObject({
        status: 'decided',
        outcome: 'exempt',
        decision: { approval: { approvedBy: await flow.userId('supervisor') } },
      });
      expect(detail.documents.map((d) => d.kind).sort()).toEqual(['acceptance_notice', 'tolerance_exempt']);
      // The second meeting, not the abandoned one, decided.
      const meetings = await platform.deps.db
        .selectFrom('meetings as mt')
        .innerJoin('meeting_participants as p', 'p.meeting_id', 'mt.id')
        .select('mt.id')
        .distinct()
        .where('p.matter_id', '=', id)
        .execute();
      expect(meetings).toHaveLength(2);
      const latest = await platform.deps.db
        .selectFrom('meetings')
        .select('id')
        .where(
          'id',
          'in',
          meetings.map((m) => m.id),
        )
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(detail.matter.decision).toMatchObject({ meetingId: latest.id });
    } finally {
      approval.required = false;
    }
  });

  // Last: it adds a seventh member to the K County committee.
  it("recuses a member from the subject's unit automatically, outside the quorum", async () => {
    const colleague = await platform.deps.db
      .selectFrom('cadres')
      .select('id')
      .where('unit_id', '=', DEMO_PEOPLE.cadre.unitId)
      .where('id', '!=', DEMO_PEOPLE.cadre.cadreId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await addUser(platform.deps, SYSTEM_ACTOR, {
      username: 'committee6',
      displayName: '同单位委员',
      password: 'rongcuo-demo-2026',
      cadreId: colleague.id,
      roles: [{ role: 'committee_member', jurisdictionCode: 'K' }],
    });
    const id = await flow.awaitingDecision();
    await flow.convene(id, ['leader', 'committee1', 'committee2', 'committee3', 'committee6']);
    const row = await platform.deps.db
      .selectFrom('meeting_participants')
      .selectAll()
      .where('matter_id', '=', id)
      .where('user_id', '=', await flow.userId('committee6'))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ present: true, recused: true, recusal_reason: '与当事人同一单位' });
    expect(
      (await flow.act('committee6', id, 'cast_vote', { vote: 'exempt', opinion: '同意' }, 403)).json(),
    ).toMatchObject({ code: 'procedure.recused' });
    await flow.vote(id, ['leader', 'committee1', 'committee2', 'committee3'], 'exempt');
    await flow.act('leader', id, 'decide', { minutes: '纪要' });
    expect((await flow.detail('officer', id)).matter).toMatchObject({
      outcome: 'exempt',
      decision: { tally: { membersCount: 7, recusedCount: 1, entitledCount: 6, eligibleCount: 4 } },
    });
  });
});
