/**
 * The county scorecard (实施力度评价) on a small K/L/M dataset worked through the real use cases, every
 * figure counted by hand: K County's figures as its commission sees them; the city's table as the
 * supervisor sees it, with counts of 1–4 (and what would give them away) withheld; scores and ranks
 * under weights the city sets; drill-down within scope and refusal outside it; the Excel export read
 * back; and the event counters agreeing with a rebuild from the matters.
 *
 * Q1 2026, as of 2026-04-15 (K County: 5 working days to accept, 30 calendar days to verify):
 *   K, tolerance — A1…A5 filed Mon 03-02 (due 03-09): A5 refused 03-03, A1–A3 accepted 03-04, A4
 *     accepted 03-10 (late); A1 proposed 03-09, decided (exempt) 03-11. X1…X5 opened ex officio
 *     03-02. Still verifying on 04-15, past 30 days: A2, A3 (due 04-03), A4 (04-09), X1–X5 (04-01).
 *   K, corrections — C1 ordered 2025-10-09, done and accepted in time, closed 2026-01-26; C2 ordered
 *     the same day, escalated overdue, reordered, closed 2026-01-26 (not on time); C3 ordered 03-02
 *     with 5 working days (due 03-09), still rectifying.
 *   K, name clearings — N1 concluded 01-05, cleared 01-20 (in time); N2 concluded 02-02, due 03-06,
 *     still consulting. Follow-ups — F1 planned and visited 02-03; F2 planned 03-16, not visited.
 *   L — six matters opened ex officio 01-05, all still verifying (due 02-04). M — nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  createTestApp,
  createTestPlatform,
  ENGINES,
  signIn,
  type TestPlatform,
} from '../support/platform.ts';
import type { App } from '../../src/server/build-app.ts';
import { DEMO_JURISDICTION_IDS, DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/load-demo.ts';
import { SYSTEM_ACTOR } from '../../src/audit/append.ts';
import { addUser } from '../../src/usecases/users/manage-users.ts';
import { loadPrincipal } from '../../src/db/queries/principal.ts';
import { openMatter } from '../../src/usecases/tolerance/open-matter.ts';
import { performAction } from '../../src/usecases/tolerance/perform-action.ts';
import { openCorrection } from '../../src/usecases/correction/open-correction.ts';
import {
  addCorrectionEvidence,
  performCorrectionAction,
} from '../../src/usecases/correction/perform-correction-action.ts';
import { openNameClearing } from '../../src/usecases/name-clearing/open-name-clearing.ts';
import { performNameClearingAction } from '../../src/usecases/name-clearing/perform-name-clearing-action.ts';
import { recordSanction } from '../../src/usecases/follow-up/sanctions.ts';
import { openFollowUp } from '../../src/usecases/follow-up/open-follow-up.ts';
import { performFollowUpAction } from '../../src/usecases/follow-up/perform-follow-up-action.ts';
import { rebuildProcedureStats } from '../../src/db/repos/procedure-stats.ts';
import { rebuildMatterStats } from '../../src/db/repos/stats.ts';
import { loadCalendar } from '../../src/usecases/policy-context.ts';
import { tinyPdf } from '../../src/uploads/test-files.ts';
import type { LocalDate } from '../../src/domain/calendar/local-date.ts';
import type { IndicatorKey } from '../../src/domain/stats/scorecard-indicators.ts';

const FACTS = {
  conductDate: '2025-11-14',
  gates: { G1: true, G2: true, G3: 'yes', G4: true, G5: true, G6: true, G7: true },
  situations: ['S3'],
  exclusions: [],
  preRegistration: 'not_required',
  breachOutstanding: false,
  mitigating: [],
  aggravating: [],
} as const;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

type Body = {
  scope: { code: string };
  parent: { code: string } | null;
  suppressed: boolean;
  rows: Row[];
  total: Row;
  rankedOutOf: number | null;
  period: { from: string; to: string; key: string };
  weights: { values: Record<string, number>; setBy: { jurisdiction: { code: string } } | null };
};
type Row = {
  code: string;
  kind: string;
  cadres: number;
  cells: Record<string, number | string>;
  indicators: Record<IndicatorKey, { value: number | string | null; score: number | null }>;
  composite: number | null;
  rank: number | null;
  drillable: boolean;
};

describe.each(ENGINES)('county scorecard on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  const cadresIn: Record<'K' | 'L' | 'M', number> = { K: 0, L: 0, M: 0 };

  const principal = async (username: string) => {
    const row = await platform.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return (await loadPrincipal(platform.deps.db, row.id))!;
  };
  const at = (iso: string) => platform.clock.set(iso);
  const cadresOf = async (code: string, n: number, skip: string[] = []) => {
    const rows = await platform.deps.db
      .selectFrom('cadres as c')
      .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
      .select('c.id')
      .where('j.path', 'like', `%/${DEMO_JURISDICTION_IDS[code as 'K']}/%`)
      .where('c.status', '=', 'in_office')
      .where('c.id', 'not in', [...skip, ...Object.values(DEMO_PEOPLE).map((p) => p.cadreId)])
      // Not from the units of the demo's staff: they would have to recuse themselves.
      .where(
        'c.unit_id',
        'not in',
        Object.values(DEMO_PEOPLE).map((p) => p.unitId),
      )
      .orderBy('c.id')
      .limit(n)
      .execute();
    return rows.map((r) => r.id);
  };
  const inOffice = async (code: 'K' | 'L' | 'M') =>
    Number(
      (
        await platform.deps.db
          .selectFrom('cadres as c')
          .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('j.path', 'like', `%/${DEMO_JURISDICTION_IDS[code]}/%`)
          .where('c.status', '=', 'in_office')
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    const { deps } = platform;
    await addUser(deps, SYSTEM_ACTOR, {
      username: 'officer_l',
      displayName: 'L县承办人',
      password: DEMO_PASSWORD,
      roles: [{ role: 'case_officer', jurisdictionCode: 'L' }],
    });
    const officer = await principal('officer');
    const leader = await principal('leader');
    const cadre = await principal('cadre');
    const unit = await principal('unit');
    const officerL = await principal('officer_l');

    // ── K County corrections, ordered in October 2025 and closed in January 2026 ──
    at('2025-10-09T10:00:00+08:00');
    const order = (title: string, deadlineWorkingDays: number) =>
      openCorrection(deps, officer, {
        title,
        problem: '村集体资金使用未履行审批手续。',
        responsibleUnitId: DEMO_PEOPLE.unitLeader.unitId,
        responsiblePerson: '城关镇党委书记李华',
        measures: '补办审批手续',
        deadlineWorkingDays,
      });
    const c1 = await order('按期整改的纠错', 10);
    const c2 = await order('逾期整改的纠错', 5);
    const complete = async (id: string, reportOn: string, acceptOn: string) => {
      at(`${reportOn}T10:00:00+08:00`);
      await performCorrectionAction(deps, unit, id, 'report_completion', { report: '已补办手续。' });
      await addCorrectionEvidence(deps, unit, id, async () => ({
        bytes: tinyPdf('approval'),
        filename: '审批手续.pdf',
      }));
      at(`${acceptOn}T10:00:00+08:00`);
      await performCorrectionAction(deps, officer, id, 'accept_rectification', {
        findings: '手续齐全。',
        method: 'document_review',
      });
    };
    await complete(c1.id, '2025-10-13', '2025-10-14');
    at('2025-10-20T10:00:00+08:00');
    await performCorrectionAction(deps, officer, c2.id, 'escalate', { note: '逾期未整改。' });
    await performCorrectionAction(deps, leader, c2.id, 'reorder', {
      deadlineWorkingDays: 10,
      instructions: '限期继续整改。',
    });
    await complete(c2.id, '2025-10-22', '2025-10-23');
    at('2026-01-26T10:00:00+08:00');
    for (const id of [c1.id, c2.id]) {
      await performCorrectionAction(deps, officer, id, 'look_back', {
        result: 'sustained',
        findings: '整改成效巩固。',
      });
      await performCorrectionAction(deps, officer, id, 'close', {});
    }

    // ── K County name clearings and follow-up visits ──
    const subjects = await cadresOf('K', 6);
    at('2026-01-06T10:00:00+08:00');
    const clearing = (subjectCadreId: string, concludedOn: string) =>
      openNameClearing(deps, officer, {
        subjectCadreId,
        source: 'officer_entry',
        receivedOn: '2025-12-01',
        concludedOn,
        finding: 'untrue',
        allegation: '在项目验收中接受宴请',
        conclusion: '经核查，所反映问题不属实。',
        accuser: { anonymous: true },
      });
    const triggers = { triggers: ['T2'], exclusions: [], analysis: '举报广泛传播，应予澄清。' };
    const form = { forms: ['written'], scope: 'unit' } as const;
    const n1 = await clearing(subjects[0]!, '2026-01-05');
    await performNameClearingAction(deps, officer, n1.id, 'check_triggers', triggers as never);
    await performNameClearingAction(deps, officer, n1.id, 'record_consent', {
      ...form,
      consultedVia: 'in_person',
      consultedOn: '2026-01-06',
    } as never);
    await performNameClearingAction(deps, officer, n1.id, 'submit_for_approval', {
      ...form,
      arrangements: '向本人送达澄清正名书。',
    } as never);
    await performNameClearingAction(deps, leader, n1.id, 'approve', {});
    at('2026-01-20T10:00:00+08:00');
    await performNameClearingAction(deps, officer, n1.id, 'execute', {
      ...form,
      executedOn: '2026-01-20',
      details: '已送达澄清正名书。',
    } as never);
    at('2026-02-02T10:00:00+08:00');
    const n2 = await clearing(subjects[1]!, '2026-02-02');
    await performNameClearingAction(deps, officer, n2.id, 'check_triggers', triggers as never);

    const visitors = [
      { name: '王强', position: '纪检监察室主任' },
      { name: '刘洋', position: '纪检监察室干部' },
    ];
    at('2026-01-12T10:00:00+08:00');
    const followUp = async (subject: string, plannedOn: string) => {
      const sanction = await recordSanction(deps, officer, subject, {
        type: 'party_warning',
        decidedOn: '2026-01-08' as LocalDate,
        effectiveOn: '2026-01-10' as LocalDate,
        decidedBy: '中共K县纪律检查委员会',
      });
      return openFollowUp(deps, officer, {
        sanctionId: sanction.id,
        plannedOn: plannedOn as LocalDate,
        visitors,
      });
    };
    const f1 = await followUp(subjects[2]!, '2026-02-03');
    await followUp(subjects[3]!, '2026-03-16');
    at('2026-02-03T10:00:00+08:00');
    await performFollowUpAction(deps, officer, f1.id, 'record_visit', {
      visitedOn: '2026-02-03',
      place: '单位会议室',
      methods: ['talk'],
      visitors,
      politicalThinking: '思想稳定。',
      conduct: '遵守纪律。',
      work: '工作积极。',
      sanctionExecution: '处分已执行。',
      attitude: '认识深刻。',
      talk: '谈心谈话一小时。',
    } as never);

    // ── L County: six matters opened ex officio in January, none finished ──
    at('2026-01-05T10:00:00+08:00');
    for (const subject of await cadresOf('L', 6))
      await openMatter(deps, officerL, {
        route: 'ex_officio',
        subjectCadreId: subject,
        title: '容错情形审查',
        summary: '问责线索。',
        submit: false,
      });

    // ── K County tolerance matters of March ──
    at('2026-03-02T09:00:00+08:00'); // Monday
    const own = {
      route: 'own_application' as const,
      title: '关于先行垫资启动施工的容错申请',
      summary: '经镇党委会研究先行垫资。',
      conductDate: '2025-11-14',
      submit: true,
    };
    const a = [];
    for (let i = 0; i < 5; i++) a.push(await openMatter(deps, cadre, own));
    for (const subject of subjects.slice(4, 5).concat(await cadresOf('K', 4, subjects)))
      await openMatter(deps, officer, {
        route: 'ex_officio',
        subjectCadreId: subject,
        title: '容错情形审查',
        summary: '问责线索。',
        submit: false,
      });
    at('2026-03-02T11:00:00+08:00');
    const c3 = await order('尚在整改的纠错', 5);
    expect(c3.id).toBeTruthy();
    at('2026-03-03T10:00:00+08:00');
    await performAction(deps, officer, a[4]!.id, 'refuse_acceptance', { reasons: '不属于问责程序范围。' });
    at('2026-03-04T10:00:00+08:00');
    for (const m of a.slice(0, 3)) await performAction(deps, officer, m.id, 'accept', {});
    at('2026-03-09T10:00:00+08:00');
    await performAction(deps, officer, a[0]!.id, 'record_facts', {
      facts: FACTS as never,
      findings: '经核实，事实清楚。',
    });
    await performAction(deps, officer, a[0]!.id, 'propose', {
      outcome: 'exempt',
      analysis: '出于公心，未谋私利。',
    });
    at('2026-03-10T10:00:00+08:00');
    await performAction(deps, officer, a[3]!.id, 'accept', {});
    at('2026-03-11T10:00:00+08:00');
    const present = await Promise.all(
      ['leader', 'committee1', 'committee2', 'committee3'].map(async (u) => (await principal(u)).userId),
    );
    await performAction(deps, leader, a[0]!.id, 'convene_meeting', { heldOn: '2026-03-11', present });
    for (const member of ['committee1', 'committee2', 'committee3', 'leader'])
      await performAction(deps, await principal(member), a[0]!.id, 'cast_vote', {
        vote: 'exempt',
        opinion: '同意。',
      });
    await performAction(deps, leader, a[0]!.id, 'decide', { minutes: '经集体研究，同意免责。' });

    at('2026-04-15T10:00:00+08:00');
    for (const code of ['K', 'L', 'M'] as const) cadresIn[code] = await inOffice(code);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  const sessions = new Map<string, Awaited<ReturnType<typeof signIn>>>();
  const session = async (username: string) => {
    if (!sessions.has(username)) sessions.set(username, await signIn(app, username));
    return sessions.get(username)!;
  };
  const get = async (username: string, url: string) => {
    const s = await session(username);
    return app.inject({ url, cookies: s.cookies });
  };
  const card = async (username: string, query = 'period=2026-Q1') => {
    const res = await get(username, `/api/stats/scorecard?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Body>();
  };

  it('gives K County’s commission its own figures exactly, counted by hand', async () => {
    const body = await card('officer');
    expect(body.scope.code).toBe('K');
    expect(body.parent).toBeNull();
    expect(body.suppressed).toBe(false);
    expect(body.period).toMatchObject({ from: '2026-01-01', to: '2026-03-31', key: '2026-Q1' });
    expect(body.rows).toHaveLength(1);
    const k = body.rows[0]!;
    expect(k.cadres).toBe(cadresIn.K);
    expect(k.cells).toEqual({
      applied: 10,
      exOfficio: 5,
      otherRoutes: 5,
      acceptanceDecided: 5,
      acceptanceOnTime: 4, // A1–A3, and A5 refused on 03-03
      acceptanceLate: 1, // A4 accepted 03-10, due 03-09
      limitsRated: 14,
      limitsKept: 5, // 4 acceptances + A1's verification
      limitsMissed: 9, // A4's acceptance + A2, A3, A4, X1–X5 verifying past 30 days
      decided: 1,
      exempt: 1,
      mitigate: 0,
      refuse: 0,
      stepsAcceptance: 4,
      stepsVerification: 1,
      stepsDecision: 1,
      stepsMeasured: 6,
      appealed: 0,
      reviewed: 0,
      reversed: 0,
      upheld: 0,
      correctionsDue: 3,
      correctionsClosed: 2,
      correctionsTerminated: 0,
      correctionsOverdueOpen: 1, // C3, due 03-09
      correctionsOnTime: 1, // C1 (C2 was escalated)
      correctionsLate: 2,
      namesDue: 2,
      namesCleared: 1,
      namesOverdueOpen: 1, // N2, due 03-06
      namesOnTime: 1,
      namesLate: 1,
      visitsDue: 2,
      visitsDone: 1,
      visitsOverdueOpen: 1, // F2, planned 03-16
      visitsOnTime: 1,
      visitsLate: 1,
    });
    const values = Object.fromEntries(Object.entries(k.indicators).map(([key, v]) => [key, v.value]));
    expect(values).toEqual({
      applicationsPer1000: round((10 / cadresIn.K) * 1000, 2),
      exOfficioShare: 50,
      acceptanceOnTime: 80,
      daysPerStep: 2.8, // (2+2+2+6 + 3 + 2) / 6
      daysAcceptance: 3, // 12 / 4
      daysVerification: 3, // 03-04 → 03-09
      daysDecision: 2, // 03-09 → 03-11
      overdueShare: 64.3, // 9 / 14
      exemptShare: 100,
      mitigateShare: 0,
      refuseShare: 0,
      reversalShare: null,
      correctionsOnTime: 33.3,
      namesOnTime: 50,
      visitsOnTime: 50,
    });
    // A county alone is not compared: no scores, no rank.
    expect(k.composite).toBeNull();
    expect(k.rank).toBeNull();
    expect(body.rankedOutOf).toBeNull();
  });

  it('withholds counts of 1–4 — and any that would give one away — from the city supervisor', async () => {
    const res = await get('supervisor', '/api/stats/scorecard?period=2026-Q1');
    const body = res.json<Body>();
    expect(body.scope.code).toBe('S01');
    expect(body.suppressed).toBe(true);
    const byCode = Object.fromEntries(body.rows.map((r) => [r.code, r]));
    expect(Object.keys(byCode).sort()).toEqual(['K', 'L', 'M']);
    const k = byCode.K!;
    expect(k.cells).toMatchObject({
      applied: 10,
      exOfficio: 5,
      acceptanceDecided: 5,
      acceptanceOnTime: '<5',
      acceptanceLate: '<5',
      limitsKept: 5,
      limitsMissed: 9,
      decided: '<5',
      exempt: '<5',
      mitigate: 0,
      stepsMeasured: 6,
      stepsAcceptance: '<5',
      correctionsDue: '<5',
      namesCleared: '<5',
      visitsDone: '<5',
    });
    expect(k.indicators.acceptanceOnTime).toEqual({ value: '<5', score: null });
    expect(k.indicators.exemptShare.value).toBe('<5');
    expect(k.indicators.overdueShare.value).toBe(64.3);
    expect(byCode.L!.cells).toMatchObject({
      applied: 6,
      exOfficio: 6,
      otherRoutes: 0,
      limitsMissed: 6,
      limitsKept: 0,
    });
    expect(byCode.L!.indicators.overdueShare.value).toBe(100);
    expect(byCode.M!.cells.applied).toBe(0);
    expect(body.total.cells).toMatchObject({ applied: 16, exOfficio: 11, limitsRated: 20 });
    // No count between 1 and 4 leaves the server for this viewer, in any cell.
    for (const row of [...body.rows, body.total])
      for (const [key, v] of Object.entries(row.cells))
        expect(typeof v === 'number' && v >= 1 && v <= 4, `${row.code}.${key}=${v}`).toBe(false);
    // With the default weights, K and L are rated on 40 of 100: too little for a composite.
    expect(body.rows.map((r) => r.composite)).toEqual([null, null, null]);
    expect(body.rankedOutOf).toBeNull();
    expect(byCode.K!.indicators.overdueShare.score).toBe(100);
    expect(byCode.L!.indicators.overdueShare.score).toBe(0);
    expect(byCode.L!.indicators.exOfficioShare.score).toBe(100);
    expect(body.weights.setBy).toBeNull();
  });

  it('scores and ranks the counties under the weights the city sets, from their effective date', async () => {
    const supervisor = await session('supervisor');
    const weights = { applicationsPer1000: 2, exOfficioShare: 1, overdueShare: 1 };
    const post = (username: string, payload: object, s = supervisor) =>
      app.inject({
        method: 'POST',
        url: '/api/stats/scorecard/weights',
        cookies: s.cookies,
        headers: s.headers,
        payload,
      });
    const bad = await post('supervisor', {
      jurisdictionId: DEMO_JURISDICTION_IDS.city,
      effectiveFrom: '2026-01-01',
      weights: { exemptShare: 5 },
      reason: '调整',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'stats.weights_invalid', field: 'exemptShare' });
    const county = await post('supervisor', {
      jurisdictionId: DEMO_JURISDICTION_IDS.K,
      effectiveFrom: '2026-01-01',
      weights,
      reason: '调整',
    });
    expect(county.json()).toMatchObject({ code: 'stats.weights_level' });
    const officer = await session('officer');
    expect(
      (
        await post(
          'officer',
          {
            jurisdictionId: DEMO_JURISDICTION_IDS.city,
            effectiveFrom: '2026-01-01',
            weights,
            reason: '调整',
          },
          officer,
        )
      ).statusCode,
    ).toBe(403);
    // Effective from April: the first quarter is still scored with the defaults.
    const later = await post('supervisor', {
      jurisdictionId: DEMO_JURISDICTION_IDS.city,
      effectiveFrom: '2026-04-01',
      weights: { overdueShare: 1 },
      reason: '二季度起只看超期',
    });
    expect(later.statusCode, later.body).toBe(201);
    expect((await card('supervisor')).weights.setBy).toBeNull();
    const set = await post('supervisor', {
      jurisdictionId: DEMO_JURISDICTION_IDS.city,
      effectiveFrom: '2026-01-01',
      weights,
      reason: '突出申请率',
    });
    expect(set.statusCode, set.body).toBe(201);

    const body = await card('supervisor');
    expect(body.weights).toMatchObject({ values: weights, setBy: { jurisdiction: { code: 'S01' } } });
    const per1000 = (applied: number, code: 'K' | 'L') => round((applied / cadresIn[code]) * 1000, 2);
    const pK = per1000(10, 'K');
    const pL = per1000(6, 'L');
    expect(pL).toBeGreaterThan(pK);
    // Per 1,000: M 0 → 0, L → 100, K → 100 × pK / pL. Ex officio share: K 50% → 0, L 100% → 100.
    // Overdue share (lower is better): K 64.3% → 100, L 100% → 0. M is rated on 2 of 4: enough.
    const sK = round((100 * pK) / pL, 1);
    const expected = [
      ['L', round((2 * 100 + 100 + 0) / 4, 1), 1],
      ['K', round((2 * sK + 0 + 100) / 4, 1), 2],
      ['M', 0, 3],
    ];
    expect(body.rows.map((r) => [r.code, r.composite, r.rank])).toEqual(expected);
    expect(body.rankedOutOf).toBe(3);
    expect(body.rows[1]!.indicators.applicationsPer1000).toEqual({ value: pK, score: sK });
    expect(body.rows.every((r) => r.drillable)).toBe(true);
    // The commission of K sees its own figures, but never the comparison.
    expect((await card('officer')).rows[0]!.rank).toBeNull();
  });

  it('drills into a county within scope, withholding the same cells as the city table', async () => {
    const city = await card('supervisor');
    const k = await card('supervisor', `period=2026-Q1&scope=${DEMO_JURISDICTION_IDS.K}`);
    expect(k.scope.code).toBe('K');
    expect(k.parent?.code).toBe('S01');
    expect(k.rows).toHaveLength(1);
    const inCity = city.rows.find((r) => r.code === 'K')!;
    expect(k.rows[0]).toMatchObject({ rank: 2, composite: inCity.composite, drillable: false });
    expect(k.rankedOutOf).toBe(3);
    expect(k.rows[0]!.cells).toEqual(inCity.cells);
    // The organisation department of K sees K alone, with small counts withheld.
    const org = await card('orgdept');
    expect(org.scope.code).toBe('K');
    expect(org.suppressed).toBe(true);
    expect(org.rows[0]!.cells.acceptanceLate).toBe('<5');
  });

  it('refuses scopes outside the viewer’s jurisdiction as if they did not exist, and viewers without statistics', async () => {
    const notFound = await get(
      'officer',
      `/api/stats/scorecard?period=2026-Q1&scope=${DEMO_JURISDICTION_IDS.L}`,
    );
    const missing = await get(
      'officer',
      '/api/stats/scorecard?period=2026-Q1&scope=00000000-0000-4000-8000-000000000000',
    );
    expect(notFound.statusCode).toBe(404);
    expect(notFound.body).toBe(missing.body);
    // Not the parent either: a county never sees its neighbours through the city.
    expect(
      (await get('officer', `/api/stats/scorecard?scope=${DEMO_JURISDICTION_IDS.city}`)).statusCode,
    ).toBe(404);
    expect(
      (await get('orgdept', `/api/stats/scorecard.xlsx?scope=${DEMO_JURISDICTION_IDS.M}`)).statusCode,
    ).toBe(404);
    expect(
      (await get('supervisor', `/api/stats/scorecard?scope=${DEMO_JURISDICTION_IDS.province}`)).statusCode,
    ).toBe(404);
    expect((await get('cadre', '/api/stats/scorecard')).statusCode).toBe(403);
    expect((await get('unit', '/api/stats/scorecard.xlsx')).statusCode).toBe(403);
    const township = await platform.deps.db
      .selectFrom('jurisdictions')
      .select('id')
      .where('level', '=', 'township')
      .where('path', 'like', `%/${DEMO_JURISDICTION_IDS.K}/%`)
      .executeTakeFirstOrThrow();
    expect((await get('officer', `/api/stats/scorecard?scope=${township.id}`)).json()).toMatchObject({
      code: 'stats.scorecard_level',
    });
  });

  it('reads years, quarters, months and ranges; ranges in whole months for those who must not see small counts', async () => {
    expect((await card('officer', 'period=2026-03')).rows[0]!.cells.applied).toBe(10);
    expect((await card('officer', 'period=2026-02')).rows[0]!.cells).toMatchObject({
      applied: 0,
      visitsDone: 1,
    });
    expect((await card('officer', 'period=2026')).rows[0]!.cells.correctionsClosed).toBe(2);
    expect((await card('officer', 'period=2026-01-26..2026-01-26')).rows[0]!.cells.correctionsClosed).toBe(2);
    const partial = await get('supervisor', '/api/stats/scorecard?period=2026-01-26..2026-01-26');
    expect(partial.statusCode).toBe(400);
    expect(partial.json()).toMatchObject({ code: 'stats.period_whole_months', field: 'period' });
    expect((await card('supervisor', 'period=2026-01-01..2026-03-31')).total.cells.applied).toBe(16);
    const bad = await get('officer', '/api/stats/scorecard?period=2026-Q7');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'stats.period_unparsable' });
  });

  it('exports the scorecard to Excel with Chinese headers, "<5" kept as text and a sheet of definitions', async () => {
    const res = await get('supervisor', '/api/stats/scorecard.xlsx?period=2026-Q1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '示范市2026年第一季度实施力度评价.xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['实施力度评价', '基础数据', '指标说明']);
    const table = workbook.getWorksheet('实施力度评价')!;
    expect(table.getCell('A1').value).toBe('示范市2026年第一季度容错纠错机制实施力度评价');
    const heads = (table.getRow(4).values as unknown[]).slice(1);
    expect(heads.slice(0, 4)).toEqual(['排名', '地区', '综合得分', '在职干部（人）']);
    expect(heads).toContain('超期比例（%）');
    expect(heads).toContain('超期比例得分');
    const rowOf = (name: string) => {
      for (let r = 5; r <= table.rowCount; r++)
        if (table.getRow(r).getCell(2).value === name) return table.getRow(r);
      throw new Error(`no row ${name}`);
    };
    const col = (label: string) => heads.indexOf(label) + 1;
    const l = rowOf('L县');
    expect(l.getCell(1).value).toBe(1);
    expect(l.getCell(col('超期比例（%）')).value).toBe(100);
    const k = rowOf('K县');
    expect(k.getCell(col('按期作出受理决定比例（%）')).value).toBe('<5');
    expect(k.getCell(col('按期作出受理决定比例（%）')).type).toBe(ExcelJS.ValueType.String);
    expect(rowOf('示范市合计').getCell(1).value).toBe('—');
    const counts = workbook.getWorksheet('基础数据')!;
    const countHeads = (counts.getRow(1).values as unknown[]).slice(1);
    const kCounts = [2, 3, 4, 5].map((r) => counts.getRow(r)).find((r) => r.getCell(1).value === 'K县')!;
    expect(kCounts.getCell(countHeads.indexOf('启动容错事项') + 1).value).toBe(10);
    expect(kCounts.getCell(countHeads.indexOf('其中逾期') + 1).value).toBe('<5');
    const defs = workbook.getWorksheet('指标说明')!;
    expect((defs.getRow(1).values as unknown[]).slice(1)).toEqual([
      '指标',
      '计算方法',
      '方向',
      '单位',
      '权重',
    ]);
    const texts = defs.getColumn(1).values.concat(defs.getColumn(2).values).map(String);
    expect(texts).toContain('每千名干部启动容错事项数');
    expect(texts.some((t) => t.includes('小数字保护'))).toBe(true);
    expect(texts.some((t) => t.includes('示范市自 2026-01-01 起施行'))).toBe(true);
  });

  it('keeps the event and cohort counters equal to a rebuild from the matters', async () => {
    const { db } = platform.deps;
    const calendar = await loadCalendar(db);
    const snapshot = async () => ({
      events: await db
        .selectFrom('procedure_stats_daily')
        .select(['jurisdiction_id', 'day', 'metric', 'count'])
        .orderBy(['jurisdiction_id', 'day', 'metric'])
        .execute(),
      cohorts: await db
        .selectFrom('matter_stats_daily')
        .select(['jurisdiction_id', 'day', 'metric', 'count'])
        .where('count', '!=', 0)
        .orderBy(['jurisdiction_id', 'day', 'metric'])
        .execute(),
    });
    const before = await snapshot();
    expect(before.events.map((e) => `${e.day} ${e.metric} ${e.count}`)).toEqual([
      '2026-01-20 name_clearing.cleared 1',
      '2026-01-20 name_clearing.cleared_on_time 1',
      '2026-01-26 correction.closed 2',
      '2026-01-26 correction.closed_on_time 1',
      '2026-02-03 follow_up.visited 1',
      '2026-02-03 follow_up.visited_on_time 1',
    ]);
    await rebuildProcedureStats(db, calendar);
    await rebuildMatterStats(db, calendar);
    expect(await snapshot()).toEqual(before);
  });
});
