/**
 * Dashboards on a small K County dataset worked through the real use cases, every figure counted by
 * hand: the funnel, exits, outcomes, routes, working days per step, the overdue snapshot, suppression
 * of small cells for viewers who may not read the matters, and the counters agreeing with the query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  createTestApp,
  createTestPlatform,
  ENGINES,
  signIn,
  type TestPlatform,
} from '../support/platform.ts';
import type { App } from '../../src/server/build-app.ts';
import { DEMO_JURISDICTION_IDS, DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { loadPrincipal } from '../../src/db/queries/principal.ts';
import { openMatter } from '../../src/usecases/tolerance/open-matter.ts';
import { performAction } from '../../src/usecases/tolerance/perform-action.ts';
import { loadCalendar } from '../../src/usecases/policy-context.ts';
import { metricsByJurisdiction } from '../../src/db/queries/stats.ts';
import { rebuildMatterStats, recordStatsForTransition } from '../../src/db/repos/stats.ts';
import type { ToleranceState } from '../../src/domain/tolerance/procedure.ts';
import type { LocalDate } from '../../src/domain/calendar/local-date.ts';
import { openCorrection } from '../../src/usecases/correction/open-correction.ts';
import {
  addCorrectionEvidence,
  performCorrectionAction,
} from '../../src/usecases/correction/perform-correction-action.ts';
import { openPreRegistration } from '../../src/usecases/pre-registration/open-pre-registration.ts';
import { performPreRegistrationAction } from '../../src/usecases/pre-registration/perform-pre-registration-action.ts';
import { tinyPdf } from '../../src/uploads/test-files.ts';
import { openNameClearing } from '../../src/usecases/name-clearing/open-name-clearing.ts';
import { performNameClearingAction } from '../../src/usecases/name-clearing/perform-name-clearing-action.ts';
import { recordSanction } from '../../src/usecases/follow-up/sanctions.ts';
import { openFollowUp } from '../../src/usecases/follow-up/open-follow-up.ts';
import { performFollowUpAction } from '../../src/usecases/follow-up/perform-follow-up-action.ts';

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

describe.each(ENGINES)('statistics on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  let kCadres: number;
  let cityCadres: number;
  let corrections: { late: string; refused: string; accepted: string };

  const principal = async (username: string) => {
    const row = await platform.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return (await loadPrincipal(platform.deps.db, row.id))!;
  };
  const at = (iso: string) => platform.clock.set(iso);
  const cadreOfUnit = async (unitId: string, skip: string[]) => {
    const row = await platform.deps.db
      .selectFrom('cadres')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('status', '=', 'in_office')
      .where('id', 'not in', skip)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const inOffice = async (jurisdictionId: string) => {
    const { path } = await platform.deps.db
      .selectFrom('jurisdictions')
      .select('path')
      .where('id', '=', jurisdictionId)
      .executeTakeFirstOrThrow();
    const row = await platform.deps.db
      .selectFrom('cadres as c')
      .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('j.path', 'like', `${path}%`)
      .where('c.status', '=', 'in_office')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    const { deps } = platform;
    const officer = await principal('officer');
    const leader = await principal('leader');
    const cadre = await principal('cadre');
    const unit = await principal('unit');
    const demoIds = Object.values(DEMO_PEOPLE).map((p) => p.cadreId);
    const k005 = await deps.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'K-U005')
      .executeTakeFirstOrThrow();
    const exOfficioSubject = await cadreOfUnit(k005.id, demoIds);
    const colleague = await cadreOfUnit(DEMO_PEOPLE.unitLeader.unitId, demoIds);
    const own = {
      route: 'own_application' as const,
      title: '关于先行垫资启动施工的容错申请',
      summary: '经镇党委会研究先行垫资。',
      conductDate: '2025-11-14',
    };

    // G: opened ex officio in December 2025 (another year's cohort), verification clock long run out.
    at('2025-12-15T10:00:00+08:00');
    await openMatter(deps, officer, {
      route: 'ex_officio',
      subjectCadreId: exOfficioSubject,
      title: '2025年容错情形审查',
      summary: '问责线索。',
      submit: false,
    });

    at('2026-03-02T10:00:00+08:00'); // Monday
    const a = await openMatter(deps, cadre, { ...own, submit: true });
    const b = await openMatter(deps, cadre, { ...own, submit: true });
    const c = await openMatter(deps, cadre, { ...own, submit: false }); // a draft: never counted
    const d = await openMatter(deps, officer, {
      route: 'ex_officio',
      subjectCadreId: exOfficioSubject,
      title: '容错情形审查',
      summary: '问责线索。',
      submit: false,
    });
    await openMatter(deps, unit, {
      route: 'unit_application',
      subjectCadreId: colleague,
      title: '单位申请',
      summary: '单位代为申请。',
      submit: true,
    }); // E: left waiting
    const f = await openMatter(deps, cadre, { ...own, submit: true });

    at('2026-03-03T10:00:00+08:00');
    await performAction(deps, officer, b.id, 'refuse_acceptance', { reasons: '不属于问责程序范围。' });
    at('2026-03-05T10:00:00+08:00'); // 3 working days after filing
    await performAction(deps, officer, a.id, 'accept', {});
    at('2026-03-09T10:00:00+08:00'); // 2 working days of verification
    await performAction(deps, officer, a.id, 'record_facts', {
      facts: FACTS as never,
      findings: '经核实，事实清楚。',
    });
    await performAction(deps, officer, a.id, 'propose', {
      outcome: 'exempt',
      analysis: '出于公心，未谋私利。',
    });
    at('2026-03-11T10:00:00+08:00'); // 2 working days to the decision
    const present = await Promise.all(
      ['leader', 'committee1', 'committee2', 'committee3'].map(async (u) => (await principal(u)).userId),
    );
    await performAction(deps, leader, a.id, 'convene_meeting', { heldOn: '2026-03-11', present });
    for (const member of ['committee1', 'committee2', 'committee3', 'leader'])
      await performAction(deps, await principal(member), a.id, 'cast_vote', {
        vote: 'exempt',
        opinion: '同意。',
      });
    await performAction(deps, leader, a.id, 'decide', { minutes: '经集体研究，同意免责。' });
    await performAction(deps, officer, a.id, 'notify', {});
    at('2026-03-12T10:00:00+08:00');
    await performAction(deps, leader, d.id, 'convert', { reason: '涉嫌违纪，转纪律审查。' });
    await performAction(deps, cadre, f.id, 'withdraw', {});
    await performAction(deps, cadre, c.id, 'withdraw', {});

    // 纠错 and 事前报备 beside them, for the procedure counters (none of these touch the tolerance figures).
    at('2026-03-02T11:00:00+08:00');
    const order = (title: string, deadlineWorkingDays: number) =>
      openCorrection(deps, officer, {
        title,
        problem: '村集体资金使用未履行审批手续。',
        responsibleUnitId: DEMO_PEOPLE.unitLeader.unitId,
        responsiblePerson: '城关镇党委书记李华',
        measures: '补办审批手续',
        deadlineWorkingDays,
      });
    const late = await order('逾期未整改的纠错', 5); // due 03-09: overdue on 03-20
    const refused = await order('拒不整改的纠错', 10);
    const accepted = await order('已验收的纠错', 10);
    corrections = { late: late.id, refused: refused.id, accepted: accepted.id };
    await performCorrectionAction(deps, officer, refused.id, 'record_refusal', {
      facts: '单位明确表示不予整改。',
    });
    await performCorrectionAction(deps, unit, accepted.id, 'report_completion', { report: '已补办手续。' });
    await addCorrectionEvidence(deps, unit, accepted.id, async () => ({
      bytes: tinyPdf('approval'),
      filename: '审批手续.pdf',
    }));
    await performCorrectionAction(deps, officer, accepted.id, 'accept_rectification', {
      findings: '手续齐全。',
      method: 'document_review',
    });
    const filing = {
      title: '村集体土地经营权入股试点',
      description: '以村集体土地经营权入股农业企业。',
      legalGap: '现行规定未明确入股的审批程序。',
      risks: [{ risk: '集体资产流失', controls: '第三方评估作价' }],
      plannedStartOn: '2026-04-01',
    };
    const acknowledged = await openPreRegistration(deps, unit, {
      ...filing,
      route: 'unit_filing',
      submit: true,
    });
    await openPreRegistration(deps, cadre, { ...filing, route: 'own_filing', submit: true }); // left awaiting review
    const returned = await openPreRegistration(deps, cadre, { ...filing, route: 'own_filing', submit: true });
    await openPreRegistration(deps, cadre, { ...filing, route: 'own_filing', submit: false }); // a draft: never counted
    await performPreRegistrationAction(deps, officer, acknowledged.id, 'acknowledge', {});
    await performPreRegistrationAction(deps, officer, returned.id, 'return_filing', {
      reasons: '风险防控措施不具体。',
    });

    at('2026-03-20T10:00:00+08:00');
    kCadres = await inOffice(DEMO_JURISDICTION_IDS.K);
    cityCadres = await inOffice(DEMO_JURISDICTION_IDS.city);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  const get = async (username: string, url: string) => {
    const session = await signIn(app, username);
    return app.inject({ url, cookies: session.cookies });
  };

  it('counts the K County cohort of 2026 exactly for the commission, unsuppressed', async () => {
    const res = await get('officer', '/api/stats/overview');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.jurisdiction.code).toBe('K');
    expect(body.period).toEqual({ from: '2026-01-01', to: '2026-03-20' });
    expect(body.suppressed).toBe(false);
    expect(body.cadresInOffice).toBe(kCadres);
    expect(body.applicationsPer1000Cadres).toBe(Math.round((5 / kCadres) * 1000 * 100) / 100);
    expect(body.indicators).toEqual({
      funnel: { applied: 5, accepted: 2, decided: 1, notified: 1, closed: 0 },
      exits: { notAccepted: 1, withdrawn: 1, converted: 1 },
      inProgress: 2,
      outcomes: { exempt: 1, mitigate: 0, refuse: 0 },
      routes: { own_application: 3, unit_application: 1, ex_officio: 1, pre_registration: 0 },
      daysPerStep: {
        acceptance: { averageWorkingDays: 3, matters: 1 },
        verification: { averageWorkingDays: 2, matters: 1 },
        decision: { averageWorkingDays: 2, matters: 1 },
      },
      appeals: { appealed: 0, reviewed: 0, reversed: 0 },
      // E's acceptance (due 03-09) and G's verification (due 2026-01-14), whatever their cohort.
      overdue: 2,
    });
  });

  it('takes the period from the query: the December 2025 matter joins a cohort that starts in 2025', async () => {
    const body = (await get('leader', '/api/stats/overview?from=2025-01-01&to=2026-12-31')).json();
    expect(body.indicators.funnel).toMatchObject({ applied: 6, accepted: 3 });
    expect(body.indicators.routes.ex_officio).toBe(2);
    const only2025 = (await get('leader', '/api/stats/overview?from=2025-12-01&to=2025-12-31')).json();
    expect(only2025.indicators.funnel).toEqual({
      applied: 1,
      accepted: 1,
      decided: 0,
      notified: 0,
      closed: 0,
    });
    const bad = await get('leader', '/api/stats/overview?from=2026-03-01&to=2026-02-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'stats.period_invalid', field: 'from' });
  });

  it('suppresses counts of 1–4 as "<5" for the supervisor, city-wide and per county', async () => {
    const overview = (await get('supervisor', '/api/stats/overview')).json();
    expect(overview.jurisdiction.code).toBe('S01');
    expect(overview.suppressed).toBe(true);
    expect(overview.cadresInOffice).toBe(cityCadres);
    expect(overview.applicationsPer1000Cadres).toBe(Math.round((5 / cityCadres) * 1000 * 100) / 100);
    expect(overview.indicators.funnel).toEqual({
      applied: 5,
      accepted: '<5',
      decided: '<5',
      notified: '<5',
      closed: 0,
    });
    expect(overview.indicators.outcomes).toEqual({ exempt: '<5', mitigate: 0, refuse: 0 });
    expect(overview.indicators.daysPerStep.acceptance).toEqual({ averageWorkingDays: '<5', matters: '<5' });
    expect(overview.indicators.overdue).toBe('<5');

    const counties = await get('supervisor', '/api/stats/counties');
    expect(counties.statusCode, counties.body).toBe(200);
    const table = counties.json();
    expect(table.items.map((i: { jurisdiction: { code: string } }) => i.jurisdiction.code)).toEqual([
      'K',
      'L',
      'M',
    ]);
    const [k, l] = table.items;
    expect(k.cadresInOffice).toBe(kCadres);
    expect(k.indicators.routes).toEqual({
      own_application: '<5',
      unit_application: '<5',
      ex_officio: '<5',
      pre_registration: 0,
    });
    expect(k.indicators.funnel.applied).toBe(5);
    expect(l.indicators.funnel.applied).toBe(0);
    expect(l.applicationsPer1000Cadres).toBe(0);
    expect(l.cadresInOffice).toBeGreaterThan(0);
    // No count between 1 and 4 leaves the server for this viewer.
    expect(counties.body).not.toMatch(
      /"(?:applied|accepted|decided|notified|closed|matters|overdue|inProgress|exempt|mitigate|refuse)":[1-4][,}]/,
    );
  });

  it('lets the supervisor pick a county, keeps other counties from the commission, and refuses cadres', async () => {
    const k = await get('supervisor', `/api/stats/overview?jurisdictionId=${DEMO_JURISDICTION_IDS.K}`);
    expect(k.json().indicators.funnel.applied).toBe(5);
    const other = await get('officer', `/api/stats/overview?jurisdictionId=${DEMO_JURISDICTION_IDS.L}`);
    const missing = await get(
      'officer',
      '/api/stats/overview?jurisdictionId=00000000-0000-4000-8000-000000000000',
    );
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
    expect((await get('cadre', '/api/stats/overview')).statusCode).toBe(403);
    expect((await get('unit', '/api/stats/counties')).statusCode).toBe(403);
    const officerCounties = (await get('officer', '/api/stats/counties')).json();
    expect(officerCounties.items.map((i: { jurisdiction: { code: string } }) => i.jurisdiction.code)).toEqual(
      ['K'],
    );
    expect(officerCounties.suppressed).toBe(false);
    expect((await get('orgdept', '/api/stats/overview')).json().suppressed).toBe(true);
  });

  it('the counters, written transition by transition, give the same metrics as the query over matters', async () => {
    const { db } = platform.deps;
    const calendar = await loadCalendar(db);
    const root = (
      await db.selectFrom('jurisdictions').select('path').where('code', '=', 'S01').executeTakeFirstOrThrow()
    ).path;
    const period = { from: '2025-01-01' as LocalDate, to: '2026-12-31' as LocalDate };
    const fromMatters = await metricsByJurisdiction(db, root, period, calendar, 'matters');
    // transition.ts and open-matter.ts keep the counters as the matters move …
    expect(await metricsByJurisdiction(db, root, period, calendar, 'counters')).toEqual(fromMatters);
    // … and replaying the audit log through them from scratch gives the same again.
    await db.deleteFrom('matter_stats_daily').execute();
    const events = await db
      .selectFrom('audit_events')
      .select(['entity_id', 'action', 'data'])
      .where('entity_type', '=', 'matter')
      .where('action', 'like', 'tolerance.%')
      .orderBy('seq')
      .execute();
    await db.transaction().execute(async (trx) => {
      for (const e of events) {
        const matter = await trx
          .selectFrom('matters')
          .selectAll()
          .where('id', '=', e.entity_id!)
          .executeTakeFirstOrThrow();
        const data = e.data as { from?: ToleranceState; to?: ToleranceState; status?: ToleranceState };
        const action =
          e.action === 'tolerance.opened' ? 'open' : (e.action.slice('tolerance.'.length) as never);
        await recordStatsForTransition(trx, {
          matter,
          action,
          from: data.from ?? null,
          to: (data.to ?? data.status)!,
          calendar,
        });
      }
    });
    expect(await metricsByJurisdiction(db, root, period, calendar, 'counters')).toEqual(fromMatters);
    const applied = await db
      .selectFrom('matter_stats_daily')
      .select(['day', 'count'])
      .where('metric', '=', 'applied')
      .orderBy('day')
      .execute();
    expect(applied).toEqual([
      { day: '2025-12-15', count: 1 },
      { day: '2026-03-02', count: 5 },
    ]);

    await sql`delete from matter_stats_daily`.execute(db);
    expect(await rebuildMatterStats(db, calendar)).toBeGreaterThan(0);
    expect(await metricsByJurisdiction(db, root, period, calendar, 'counters')).toEqual(fromMatters);
  });

  type Procedures = {
    type: string;
    label: { zh: string };
    counters: { key: string; count: number | string; window: string }[];
  }[];
  const countsOf = (procedures: Procedures) =>
    Object.fromEntries(
      procedures.map((p) => [p.type, Object.fromEntries(p.counters.map((c) => [c.key, c.count]))]),
    );

  it('counts corrections and pre-registrations in the viewer’s scope, one entry per procedure', async () => {
    const body = (await get('officer', '/api/stats/overview')).json();
    const procedures = body.procedures as Procedures;
    // One entry per procedure (name clearings and follow-ups join as more entries), each labelled.
    expect(procedures.map((p) => p.type)).toEqual(expect.arrayContaining(['correction', 'pre_registration']));
    expect(procedures.find((p) => p.type === 'correction')?.label.zh).toBe('纠错');
    expect(procedures.find((p) => p.type === 'pre_registration')?.label.zh).toBe('事前报备');
    expect(countsOf(procedures)).toMatchObject({
      // Three ordered, none closed yet; the five-day order ran out on 03-09; the refused one escalated.
      correction: { open: 3, overdue: 1, escalated: 1, closed: 0 },
      // The draft is not counted; the acknowledged one counts in the period it was acknowledged.
      pre_registration: { submitted: 1, acknowledged: 1, returned: 1 },
    });
    // The tolerance figures are untouched by the filings that are 'submitted' too.
    expect(body.indicators.overdue).toBe(2);

    // Another county's dashboard counts nothing of K County's.
    const l = (
      await get('supervisor', `/api/stats/overview?jurisdictionId=${DEMO_JURISDICTION_IDS.L}`)
    ).json();
    expect(countsOf(l.procedures)).toMatchObject({
      correction: { open: 0, overdue: 0, escalated: 0, closed: 0 },
      pre_registration: { submitted: 0, acknowledged: 0, returned: 0 },
    });
    // The supervisor sees the city's counts of 1–4 only as '<5'.
    const city = (await get('supervisor', '/api/stats/overview')).json();
    expect(countsOf(city.procedures).correction).toEqual({
      open: '<5',
      overdue: '<5',
      escalated: '<5',
      closed: 0,
    });
  });

  it('counts a correction closed after its look-back in the period it closed, and no longer as open', async () => {
    const { deps } = platform;
    at('2026-06-22T10:00:00+08:00'); // past the three-month look-back period from 03-02
    const officer = await principal('officer');
    await performCorrectionAction(deps, officer, corrections.accepted, 'look_back', {
      result: 'sustained',
      findings: '整改成效巩固。',
    });
    await performCorrectionAction(deps, officer, corrections.accepted, 'close', {});
    const now = countsOf((await get('officer', '/api/stats/overview')).json().procedures);
    expect(now.correction).toEqual({ open: 2, overdue: 1, escalated: 1, closed: 1 });
    // A period that ended before it closed does not count it closed.
    const march = countsOf(
      (await get('officer', '/api/stats/overview?from=2026-03-01&to=2026-03-31')).json().procedures,
    );
    expect(march.correction!.closed).toBe(0);
    expect(march.pre_registration!.acknowledged).toBe(1);
  });

  it('counts name clearings and follow-up visits as they move, overdue by their own clocks', async () => {
    const { deps } = platform;
    at('2026-06-22T10:00:00+08:00');
    const officer = await principal('officer');
    const leader = await principal('leader');
    const orgdept = await principal('orgdept');
    const counts = async () => countsOf((await get('officer', '/api/stats/overview')).json().procedures);
    const cadres: string[] = [DEMO_PEOPLE.unitLeader.cadreId];
    const nextCadre = async () => {
      const id = await cadreOfUnit(DEMO_PEOPLE.unitLeader.unitId, cadres);
      cadres.push(id);
      return id;
    };
    const clearing = (concludedOn: string) =>
      nextCadre().then((subjectCadreId) =>
        openNameClearing(deps, officer, {
          subjectCadreId,
          source: 'officer_entry',
          receivedOn: '2026-04-01',
          concludedOn,
          finding: 'untrue',
          allegation: '在项目验收中接受宴请',
          conclusion: '经核查，所反映问题不属实。',
          accuser: { anonymous: true },
        }),
      );
    const triggers = { triggers: ['T2'], exclusions: [], analysis: '举报广泛传播，应予澄清。' };
    // Concluded on 05-06: the 20 working days ran out in early June, still consulting.
    const late = await clearing('2026-05-06');
    await performNameClearingAction(deps, officer, late.id, 'check_triggers', triggers as never);
    const done = await clearing('2026-06-15');
    await performNameClearingAction(deps, officer, done.id, 'check_triggers', triggers as never);
    const form = { forms: ['written'], scope: 'unit' } as const;
    await performNameClearingAction(deps, officer, done.id, 'record_consent', {
      ...form,
      consultedVia: 'in_person',
      consultedOn: '2026-06-22',
    } as never);
    await performNameClearingAction(deps, officer, done.id, 'submit_for_approval', {
      ...form,
      arrangements: '向本人送达澄清正名书。',
    } as never);
    await performNameClearingAction(deps, leader, done.id, 'approve', {} as never);
    await performNameClearingAction(deps, officer, done.id, 'execute', {
      ...form,
      executedOn: '2026-06-22',
      details: '已送达澄清正名书。',
    } as never);
    expect((await counts()).name_clearing).toEqual({ open: 2, overdue: 1, to_file: 1, cleared: 0 });
    await performNameClearingAction(deps, officer, done.id, 'archive', { integrityFileRef: 'K廉档〔2026〕1号' } as never);
    expect((await counts()).name_clearing).toEqual({ open: 1, overdue: 1, to_file: 0, cleared: 1 });

    // 回访教育: a visit planned for 06-24 and not made by 06-30; another made, graded and sent on.
    const visitors = [
      { name: '王强', position: '纪检监察室主任' },
      { name: '刘洋', position: '纪检监察室干部' },
    ];
    const followUp = async () => {
      const sanction = await recordSanction(deps, officer, await nextCadre(), {
        type: 'party_warning',
        decidedOn: '2026-05-28' as LocalDate,
        effectiveOn: '2026-06-01' as LocalDate,
        decidedBy: '中共K县纪律检查委员会',
      });
      return openFollowUp(deps, officer, { sanctionId: sanction.id, plannedOn: '2026-06-24' as LocalDate, visitors });
    };
    await followUp();
    const sent = await followUp();
    at('2026-06-24T10:00:00+08:00');
    await performFollowUpAction(deps, officer, sent.id, 'record_visit', {
      visitedOn: '2026-06-24',
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
    await performFollowUpAction(deps, officer, sent.id, 'grade', { grade: 'good', reasons: '表现良好。' } as never);
    await performFollowUpAction(deps, officer, sent.id, 'recommend_reuse', { reasons: '可以使用。' } as never);
    await performFollowUpAction(deps, leader, sent.id, 'deliver', {} as never);
    at('2026-06-30T10:00:00+08:00');
    expect((await counts()).follow_up).toEqual({ open: 2, overdue: 1, notified: 1, closed: 0 });
    await performFollowUpAction(deps, orgdept, sent.id, 'acknowledge', {} as never);
    expect((await counts()).follow_up).toEqual({ open: 1, overdue: 1, notified: 0, closed: 1 });
    // A period before any of it counts none of the period's.
    const march = countsOf(
      (await get('officer', '/api/stats/overview?from=2026-03-01&to=2026-03-31')).json().procedures,
    );
    expect(march.name_clearing!.cleared).toBe(0);
    expect(march.follow_up!.closed).toBe(0);
  });
});
