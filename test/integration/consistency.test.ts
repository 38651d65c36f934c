/**
 * 认定尺度统一 through the API on both engines, on a prepared set of decided matters:
 * - ranking: the same gates, situations and exclusions first, then the text of the facts; ties go to
 *   the later decision;
 * - the divergence alert: a proposal against the settled practice of its nearest neighbours needs a
 *   reason, and the check is recorded with the proposal, the decision and in their audit events;
 * - scope: a K County officer sees L County's matter only once it is a published typical case, and
 *   then with no name, number or county;
 * - the supervisor's outcome mix, with the figures worked out by hand, the shield flag, and small
 *   cells withheld.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import type { OutcomeMix, SimilarMatters } from '../../src/contracts/consistency.ts';
import { unitId } from '../../src/db/seed/k-county.ts';
import type { App } from '../../src/server/build-app.ts';
import { createMatrixUsers, L_UNIT } from '../support/authz-fixtures.ts';
import { createTestApp, createTestPlatform, ENGINES, type TestPlatform } from '../support/platform.ts';
import { EXEMPT_FACTS, ToleranceFlow } from '../support/tolerance-flow.ts';

const MET = EXEMPT_FACTS.gates;
/** G5 (no major loss) failed: the engine recommends mitigation. */
const LOSS_FACTS = { ...EXEMPT_FACTS, gates: { ...MET, G5: false } };
const GATE3_FACTS = { ...EXEMPT_FACTS, gates: { ...MET, G3: 'no' } };
const S2_FACTS = { ...EXEMPT_FACTS, situations: ['S2'] };

const ACCOUNT =
  '为赶在汛期前完成排水管网改造，经镇党委会集体研究，由镇财政先行垫资启动施工，工程按期完工，垫资款项全部收回。';
const CLOSE = '汛期前排水管网改造工程由镇财政先行垫资启动施工，后因上级资金拨付延迟被问责，垫资款项已收回。';
const FAR = '为帮助合作社打开销路，在展会主办方限期缴费时先行垫付参展费用，事后补办预算调整手续。';
const FINDINGS = '经核实，相关决定经集体研究，未发现谋取私利。';

type Decided = { id: string; number: string };

describe.each(ENGINES)('consistency of determinations on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  let flow: ToleranceFlow;
  const m: Record<string, Decided> = {};
  let target = '';
  let diverging = '';
  let u1 = '';
  let u2 = '';
  let lSubject = '';

  /** The first cadre in office of a unit, other than `except`. */
  async function cadreOf(unit: string, skip = 0): Promise<string> {
    const rows = await platform.deps.db
      .selectFrom('cadres')
      .select('id')
      .where('unit_id', '=', unit)
      .where('status', '=', 'in_office')
      .orderBy('id')
      .execute();
    return rows[skip]!.id;
  }

  /** An ex-officio matter with these facts, proposed (and, with `outcome`, decided) as given. */
  async function matter(opts: {
    county?: 'K' | 'L';
    subject: string;
    title: string;
    account: string;
    facts: object;
    propose: 'exempt' | 'mitigate' | 'refuse';
    decide?: boolean;
    departureReason?: string;
  }): Promise<Decided> {
    const l = opts.county === 'L';
    const officer = l ? 'officer_l' : 'officer';
    const leader = l ? 'leader_l' : 'leader';
    const members = l
      ? ['leader_l', 'committee_l1', 'committee_l2', 'committee_l3']
      : ['leader', 'committee1', 'committee2', 'committee3'];
    const opened = await flow.post(officer, '/api/matters', {
      route: 'ex_officio',
      subjectCadreId: opts.subject,
      title: opts.title,
      summary: opts.account,
      conductDate: EXEMPT_FACTS.conductDate,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { id, number } = opened.json<Decided>();
    await flow.act(officer, id, 'record_facts', { facts: opts.facts, findings: FINDINGS });
    const measure = opts.propose === 'mitigate' ? { measure: '批评教育' } : {};
    const departure = opts.departureReason ? { departureReason: opts.departureReason } : {};
    await flow.act(officer, id, 'propose', {
      outcome: opts.propose,
      analysis: '经对照“三个区分开来”分析。',
      ...measure,
      ...departure,
    });
    if (opts.decide === false) return { id, number };
    const ids = await Promise.all(members.map((u) => flow.userId(u)));
    await flow.act(leader, id, 'convene_meeting', { heldOn: flow.today(), present: ids });
    for (const member of members)
      await flow.act(member, id, 'cast_vote', { vote: opts.propose, opinion: '同意。' });
    await flow.act(leader, id, 'decide', { minutes: '会议研究决定。', ...measure, ...departure });
    return { id, number };
  }

  async function similar(user: string, id: string, query = ''): Promise<SimilarMatters> {
    const res = await flow.get(user, `/api/matters/${id}/similar${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SimilarMatters>();
  }

  const day = () => platform.clock.advance(86_400_000);

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    flow = new ToleranceFlow(app, platform);
    await createMatrixUsers(flow);
    u1 = unitId('K-U010');
    u2 = unitId('K-U011');
    const [a, b, c, d] = await Promise.all([cadreOf(u1, 0), cadreOf(u1, 1), cadreOf(u1, 2), cadreOf(u2, 0)]);
    lSubject = await cadreOf(L_UNIT, 0);
    // Unit 1: five decided matters, all tolerated. Each a day after the one before.
    m.A = await matter({
      subject: a,
      title: '排水管网改造先行垫资',
      account: CLOSE,
      facts: EXEMPT_FACTS,
      propose: 'exempt',
    });
    day();
    m.B = await matter({
      subject: b,
      title: '展会费用先行垫付（一）',
      account: FAR,
      facts: EXEMPT_FACTS,
      propose: 'exempt',
    });
    day();
    m.F = await matter({
      subject: c,
      title: '展会费用先行垫付（二）',
      account: FAR,
      facts: EXEMPT_FACTS,
      propose: 'exempt',
    });
    day();
    // One gate differs (no collective decision), but the account is the target's own.
    m.C = await matter({
      subject: a,
      title: '排水管网改造未经集体研究',
      account: ACCOUNT,
      facts: GATE3_FACTS,
      propose: 'mitigate',
    });
    day();
    // Same gates, another situation.
    m.D = await matter({
      subject: b,
      title: '改革试点中的垫资',
      account: ACCOUNT,
      facts: S2_FACTS,
      propose: 'exempt',
    });
    day();
    // Unit 2: the committee refused three matters with a major loss where the engine recommends mitigation.
    for (const n of [1, 2, 3]) {
      m[`N${n}`] = await matter({
        subject: d,
        title: `重大损失事项（${n}）`,
        account: `因项目论证不充分造成重大损失（${n}）。`,
        facts: LOSS_FACTS,
        propose: 'refuse',
        departureReason: '损失重大，常委会从严把握。',
      });
      day();
    }
    // L County: the target's very account, decided exempt.
    m.E = await matter({
      county: 'L',
      subject: lSubject,
      title: '排水管网改造先行垫资（外县）',
      account: ACCOUNT,
      facts: EXEMPT_FACTS,
      propose: 'exempt',
    });
    day();
    target = (
      await matter({
        subject: c,
        title: '排水管网改造先行垫资启动施工',
        account: ACCOUNT,
        facts: EXEMPT_FACTS,
        propose: 'exempt',
        decide: false,
      })
    ).id;
  }, 600_000);

  afterAll(async () => {
    await app?.close();
    await platform?.close();
  });

  it('ranks the same gates, situations and exclusions first, then the text; ties to the later decision', async () => {
    const res = await similar('officer', target);
    expect(res.factsRecorded).toBe(true);
    const order = res.items.map((i) => i.number);
    // A: identical structure, close text. F and B: identical structure and text, F decided later.
    // C: one gate differs (⌊500 × 6/7⌋ + 250 + 250 = 928) although its text is the target's own.
    // D: another situation (500 + 0 + 250 = 750). N1–N3: G5 differs, as C, but their text is far.
    // N1–N3: G5 differs (928, like C) and their accounts are alike but for a number: the later first.
    expect(order).toEqual([m.A, m.F, m.B, m.C, m.N3, m.N2, m.N1, m.D].map((x) => x!.number));
    const byNumber = new Map(res.items.map((i) => [i.number, i]));
    expect(byNumber.get(m.A!.number)!.similarity).toMatchObject({
      structure: 100,
      identical: true,
      gatesDiffer: [],
    });
    expect(byNumber.get(m.A!.number)!.similarity.text).toBeGreaterThan(
      byNumber.get(m.B!.number)!.similarity.text,
    );
    expect(byNumber.get(m.F!.number)!.similarity.text).toBe(byNumber.get(m.B!.number)!.similarity.text);
    expect(byNumber.get(m.C!.number)!.similarity).toMatchObject({
      structure: 92.8,
      gatesDiffer: ['G3'],
      text: 100,
    });
    expect(byNumber.get(m.D!.number)!.similarity).toMatchObject({
      structure: 75,
      situationsShared: [],
      parts: { gates: 500, situations: 0, exclusions: 250 },
    });
    // L County's matter is not in a K County officer's scope, and not published.
    expect(res.items.some((i) => i.title?.includes('外县'))).toBe(false);
    // Named, because the officer may read them.
    expect(byNumber.get(m.A!.number)).toMatchObject({
      outcome: 'exempt',
      year: 2026,
      jurisdiction: { generalised: false },
    });
    expect(byNumber.get(m.A!.number)!.subject).toBeTruthy();
    // The practice: A, F, B, D count (same gates and exclusions); C and N1–N3 do not.
    expect(res.practice).toMatchObject({
      counted: 4,
      mix: { exempt: 4, mitigate: 0, refuse: 0 },
      majority: 'exempt',
      proposed: 'exempt',
    });
    expect(res.practice.divergesFor).toEqual({ exempt: false, mitigate: true, refuse: true });
    expect(
      res.items
        .filter((i) => i.counted)
        .map((i) => i.number)
        .sort(),
    ).toEqual([m.A, m.B, m.D, m.F].map((x) => x!.number).sort());
    // The limit cuts the list, not the ranking.
    expect((await similar('officer', target, '?limit=2')).items.map((i) => i.number)).toEqual([
      m.A!.number,
      m.F!.number,
    ]);
  });

  it('requires a reason to diverge from the practice, and records it with the proposal, the decision and the audit chain', async () => {
    const d = await cadreOf(u2, 0);
    // The engine recommends mitigation (G5 failed); the three nearest matters like it were refused.
    const opened = await flow.post('officer', '/api/matters', {
      route: 'ex_officio',
      subjectCadreId: d,
      title: '重大损失事项（拟减责）',
      summary: '因项目论证不充分造成重大损失，当事人主动挽回部分损失。',
      conductDate: EXEMPT_FACTS.conductDate,
    });
    diverging = opened.json<{ id: string }>().id;
    await flow.act('officer', diverging, 'record_facts', { facts: LOSS_FACTS, findings: FINDINGS });
    const before = await similar('officer', diverging);
    expect(before.practice).toMatchObject({
      counted: 3,
      mix: { refuse: 3 },
      majority: 'refuse',
      divergesFor: { mitigate: true, refuse: false },
    });
    const proposal = { outcome: 'mitigate', analysis: '当事人主动挽回损失。', measure: '批评教育' };
    const refused = await flow.act('officer', diverging, 'propose', proposal, 400);
    expect(refused.json()).toMatchObject({
      code: 'matter.divergence_reason_required',
      field: 'divergenceReason',
    });
    expect(refused.json<{ message: string }>().message).toContain('3 件“不予容错”');
    const reason = '当事人已挽回大部分损失，与前三件情形不同。';
    const proposed = await flow.act('officer', diverging, 'propose', {
      ...proposal,
      divergenceReason: reason,
    });
    const neighbours = [m.N1, m.N2, m.N3].map((x) => x!.id).sort();
    const stored = proposed.json<{
      matter: {
        proposal: {
          consistency: {
            neighbours: { id: string }[];
            diverges: boolean;
            mix: object;
            reason: string;
            majority: string;
          };
        };
      };
    }>().matter.proposal.consistency;
    expect(stored).toMatchObject({
      diverges: true,
      majority: 'refuse',
      mix: { exempt: 0, mitigate: 0, refuse: 3 },
      reason,
    });
    expect(stored.neighbours.map((n) => n.id).sort()).toEqual(neighbours);

    // The committee carries the proposal; the leader gives no new reason: the proposal's stands.
    const members = ['leader', 'committee1', 'committee2', 'committee3'];
    await flow.act('leader', diverging, 'convene_meeting', {
      heldOn: flow.today(),
      present: await Promise.all(members.map((u) => flow.userId(u))),
    });
    for (const member of members)
      await flow.act(member, diverging, 'cast_vote', { vote: 'mitigate', opinion: '同意减责。' });
    expect((await similar('leader', diverging)).practice).toMatchObject({
      carried: 'mitigate',
      proposed: 'mitigate',
    });
    const decided = await flow.act('leader', diverging, 'decide', {
      minutes: '会议研究决定。',
      measure: '批评教育',
    });
    const decision = decided.json<{
      matter: { decision: { consistency: { diverges: boolean; reason: string; outcome: string } } };
    }>().matter.decision;
    expect(decision.consistency).toMatchObject({
      diverges: true,
      reason,
      outcome: 'mitigate',
      proposed: 'mitigate',
    });

    const events = await platform.deps.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('entity_id', '=', diverging)
      .where('action', 'in', ['tolerance.propose', 'tolerance.decide'])
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['tolerance.propose', 'tolerance.decide']);
    for (const e of events) {
      const c = (
        e.data as {
          consistency: {
            neighbours: string[];
            mix: object;
            outcome: string;
            reason: string;
            diverges: boolean;
          };
        }
      ).consistency;
      expect(c).toMatchObject({ mix: { refuse: 3 }, outcome: 'mitigate', reason, diverges: true });
      if (e.action === 'tolerance.decide') expect(c).toMatchObject({ proposed: 'mitigate' });
      expect([...c.neighbours].sort()).toEqual(neighbours);
    }
    expect((await verifyAuditChain(platform.deps.db)).ok).toBe(true);
    // Once decided, the matter is a neighbour itself, with its own outcome.
    const row = await platform.deps.db
      .selectFrom('decision_signatures')
      .selectAll()
      .where('matter_id', '=', diverging)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      outcome: 'mitigate',
      gate_key: 'G1=y,G2=y,G3=y,G4=y,G5=n,G6=y,G7=y',
      item_key: 'S3|',
    });
    // Four bytes a term: the account and the findings give dozens.
    expect(row.terms.byteLength / 4).toBeGreaterThan(10);
  });

  it('keeps other counties’ matters out of sight until published, and then names no one from them', async () => {
    const l = await platform.deps.db
      .selectFrom('cadres as c')
      .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
      .select(['c.name', 'j.name as county'])
      .where('c.id', '=', lSubject)
      .executeTakeFirstOrThrow();
    const prepared = await flow.post('officer_l', '/api/case-library', { matterId: m.E!.id });
    expect(prepared.statusCode, prepared.body).toBe(201);
    const caseId = prepared.json<{ id: string }>().id;
    for (const [user, action] of [
      ['officer_l', 'propose'],
      ['leader_l', 'approve'],
    ] as const) {
      const res = await flow.post(user, `/api/case-library/${caseId}/actions/${action}`, {});
      expect(res.statusCode, res.body).toBe(200);
    }
    const res = await flow.get('officer', `/api/matters/${target}/similar`);
    expect(res.statusCode).toBe(200);
    const body = res.json<SimilarMatters>();
    // The target's own account, same structure: first — as the published case only.
    expect(body.items[0]).toMatchObject({
      matterId: null,
      number: null,
      subject: null,
      unit: null,
      case: { id: caseId },
      jurisdiction: { name: '示范省某县', generalised: true },
      outcome: 'exempt',
      similarity: { structure: 100, text: 100 },
    });
    expect(res.body).not.toContain(l.name);
    expect(res.body).not.toContain(l.county);
    expect(res.body).not.toContain(m.E!.number);
    expect(res.body).not.toContain(m.E!.id);
  });

  it('answers only those who read the matter in full', async () => {
    for (const user of ['cadre', 'unit', 'orgdept', 'officer_l']) {
      const res = await flow.get(user, `/api/matters/${target}/similar`);
      expect(res.statusCode, user).toBe(404);
    }
    expect((await flow.get('officer', `/api/matters/${target}/similar?limit=99`)).statusCode).toBe(400);
  });

  it('shows the outcome mix by unit and decision-maker, computed by hand, and flags the shield', async () => {
    const res = await flow.get('leader', '/api/stats/consistency');
    expect(res.statusCode, res.body).toBe(200);
    const mix = res.json<OutcomeMix>();
    expect(mix).toMatchObject({ suppressed: false, period: { from: '2026-01-01' } });
    // K County, decided: unit 1 — A, B, F, D exempt, C mitigated; unit 2 — N1–N3 refused, the
    // diverging matter mitigated. Officer 王强 proposed and leader 陈刚 issued all nine.
    const row = (table: OutcomeMix['byUnit'], id: string) => table.rows.find((r) => r.id === id)!;
    expect(row(mix.byUnit, u1)).toMatchObject({
      decided: 5,
      outcomes: { exempt: 4, mitigate: 1, refuse: 0 },
      rate: 1,
    });
    expect(row(mix.byUnit, u2)).toMatchObject({
      decided: 4,
      outcomes: { exempt: 0, mitigate: 1, refuse: 3 },
      rate: 0.25,
    });
    expect(mix.byUnit.total).toEqual({
      decided: 9,
      outcomes: { exempt: 4, mitigate: 2, refuse: 3 },
      rate: 0.667,
    });
    // Unit 1 against the rest (1 of 4 tolerated): P(X ≥ 5 | 5, ¼) = ¼⁵ = 0.0009766 < 0.05 / 1 tested.
    expect(row(mix.byUnit, u1)).toMatchObject({ flagged: true, pValue: 0.0009766 });
    expect(row(mix.byUnit, u2)).toMatchObject({ flagged: false, pValue: null });
    const officer = await flow.userId('officer');
    const leader = await flow.userId('leader');
    expect(mix.byProposer.rows).toEqual([
      expect.objectContaining({
        id: officer,
        name: '王强',
        decided: 9,
        outcomes: { exempt: 4, mitigate: 2, refuse: 3 },
        flagged: false,
      }),
    ]);
    expect(mix.byDecider.rows).toEqual([expect.objectContaining({ id: leader, decided: 9 })]);
    // A period with no decision.
    const empty = (
      await flow.get('leader', '/api/stats/consistency?from=2026-01-01&to=2026-01-31')
    ).json<OutcomeMix>();
    expect(empty.byUnit).toEqual({
      rows: [],
      total: { decided: 0, outcomes: { exempt: 0, mitigate: 0, refuse: 0 }, rate: null },
    });
  });

  it('withholds small cells from the supervisor, and refuses those without the view', async () => {
    const res = await flow.get('supervisor', '/api/stats/consistency');
    expect(res.statusCode, res.body).toBe(200);
    const mix = res.json<OutcomeMix>();
    expect(mix.suppressed).toBe(true);
    // The city: K County's nine and L County's one.
    for (const table of [mix.byUnit, mix.byProposer, mix.byDecider]) {
      const rows = [...table.rows, table.total];
      for (const r of rows) {
        for (const c of [r.decided, r.outcomes.exempt, r.outcomes.mitigate, r.outcomes.refuse])
          expect(typeof c === 'number' && c >= 1 && c <= 4).toBe(false);
        const cells = [r.decided, r.outcomes.exempt, r.outcomes.mitigate, r.outcomes.refuse];
        expect(cells.filter((c) => c === '<5').length).not.toBe(1);
      }
    }
    // Against the rest of the city (2 of 5 tolerated): flagged, but the p-value (0.4⁵) would give the
    // counts back, so the higher level gets the flag alone.
    expect(mix.byUnit.rows.find((r) => r.id === u1)).toMatchObject({
      decided: 5,
      outcomes: { exempt: '<5', mitigate: '<5', refuse: 0 },
      rate: 1,
      flagged: true,
      pValue: null,
    });
    expect(mix.byUnit.total.decided).toBe(10);
    expect((await flow.get('officer', '/api/stats/consistency')).statusCode).toBe(403);
    expect((await flow.get('cadre', '/api/stats/consistency')).statusCode).toBe(403);
    const lCounty = await platform.deps.db
      .selectFrom('jurisdictions')
      .select('id')
      .where('code', '=', 'L')
      .executeTakeFirstOrThrow();
    expect((await flow.get('leader', `/api/stats/consistency?jurisdictionId=${lCounty.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await flow.get('leader', '/api/stats/consistency?from=2026-03-01&to=2026-02-01')).statusCode,
    ).toBe(400);
  });
});

describe('K County demo (PGlite)', () => {
  it('shows similar decided matters beside a determination, and has a recorded divergence alert', async () => {
    const platform = await createTestPlatform('pglite', { seed: 'with-matters' });
    const app = await createTestApp(platform);
    try {
      const flow = new ToleranceFlow(app, platform);
      const db = platform.deps.db;
      const pending = await db
        .selectFrom('matters')
        .select('id')
        .where('title', '=', '自然资源局土地整理项目容错审查')
        .executeTakeFirstOrThrow();
      const res = await flow.get('officer', `/api/matters/${pending.id}/similar`);
      expect(res.statusCode, res.body).toBe(200);
      const similar = res.json<SimilarMatters>();
      expect(similar.items.length).toBeGreaterThanOrEqual(4);
      expect(similar.practice).toMatchObject({
        majority: 'exempt',
        proposed: 'exempt',
        divergesFor: { exempt: false },
      });
      const diverged = await db
        .selectFrom('matters')
        .select(['id', 'title', 'decision'])
        .where(sql<boolean>`(decision -> 'consistency' ->> 'diverges')::boolean`)
        .execute();
      expect(diverged.map((d) => d.title)).toEqual(['乡村振兴衔接资金先行调度容错审查']);
      expect(diverged[0]!.decision).toMatchObject({
        outcome: 'mitigate',
        consistency: { majority: 'exempt', diverges: true },
      });
      const event = await db
        .selectFrom('audit_events')
        .select('data')
        .where('entity_id', '=', diverged[0]!.id)
        .where('action', '=', 'tolerance.decide')
        .executeTakeFirstOrThrow();
      expect(event.data).toMatchObject({
        consistency: { diverges: true, majority: 'exempt', outcome: 'mitigate' },
      });
    } finally {
      await app.close();
      await platform.close();
    }
  }, 300_000);
});
