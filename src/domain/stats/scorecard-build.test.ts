/**
 * The scorecard of a small city (three counties) computed by hand: figures, suppression pattern,
 * scores with the default weights, ranks, the county drill-down and a county seen alone.
 */
import { describe, expect, it } from 'vitest';
import { buildScorecard, type TreeNode } from './scorecard-build.ts';
import { cellsOf, indicatorValues, ZERO_COUNTS, type ScorecardCounts } from './scorecard-indicators.ts';
import { DEFAULT_WEIGHTS } from './scorecard-weights.ts';

const counts = (c: Partial<ScorecardCounts>): ScorecardCounts => ({ ...ZERO_COUNTS, ...c });

const K = counts({
  cadres: 1000,
  applied: 20,
  exOfficio: 10,
  acceptanceMet: 10,
  verificationMet: 10,
  decided: 12,
  exempt: 6,
  mitigate: 6,
  daysAcceptanceSum: 30,
  daysAcceptanceN: 10,
  daysVerificationSum: 120,
  daysVerificationN: 10,
  daysDecisionSum: 30,
  daysDecisionN: 10,
  appealed: 5,
  reviewed: 5,
  correctionsClosed: 6,
  correctionsClosedOnTime: 6,
  namesCleared: 5,
  namesClearedOnTime: 5,
  visits: 5,
  visitsOnTime: 5,
});
const L = counts({
  cadres: 500,
  applied: 5,
  acceptanceMissed: 5,
  runningOverdue: 5,
  daysAcceptanceSum: 50,
  daysAcceptanceN: 5,
  correctionsOverdueOpen: 5,
});
const M = counts({
  cadres: 250,
  applied: 8,
  exOfficio: 3,
  acceptanceMet: 5,
  daysAcceptanceSum: 10,
  daysAcceptanceN: 5,
});

const node = (id: string, level: TreeNode['level'], parentId: string | null): TreeNode => ({
  id,
  parentId,
  code: id,
  name: `${id}名`,
  level,
});
const NODES = [
  node('C', 'city', 'P'),
  node('K', 'county', 'C'),
  node('L', 'county', 'C'),
  node('M', 'county', 'C'),
];
const OWN = new Map([
  ['K', K],
  ['L', L],
  ['M', M],
]);
const card = (
  scopeId: string,
  suppress: boolean,
  opts: { nodes?: TreeNode[]; rootId?: string; own?: Map<string, ScorecardCounts> } = {},
) =>
  buildScorecard({
    nodes: opts.nodes ?? NODES,
    rootId: opts.rootId ?? 'C',
    scopeId,
    own: opts.own ?? OWN,
    suppress,
    weights: DEFAULT_WEIGHTS,
  });

describe('scorecard figures', () => {
  it('computes every indicator of K County by hand', () => {
    expect(indicatorValues(K)).toEqual({
      applicationsPer1000: 20, // 20 / 1000 × 1000
      exOfficioShare: 50, // 10 / 20
      acceptanceOnTime: 100, // 10 / 10
      daysPerStep: 6, // (30 + 120 + 30) / 30
      daysAcceptance: 3,
      daysVerification: 12,
      daysDecision: 3,
      overdueShare: 0, // 0 missed of 20 timed steps
      exemptShare: 50,
      mitigateShare: 50,
      refuseShare: 0,
      reversalShare: 0, // 0 of 5 reviewed
      correctionsOnTime: 100,
      namesOnTime: 100,
      visitsOnTime: 100,
    });
    // L: 5 late acceptances + 5 matters overdue now, of 10 with a result; nothing decided.
    expect(indicatorValues(L)).toMatchObject({
      applicationsPer1000: 10,
      acceptanceOnTime: 0,
      overdueShare: 100,
      daysPerStep: 10,
      correctionsOnTime: 0, // 5 still rectifying past their period
      exemptShare: null,
      namesOnTime: null,
      visitsOnTime: null,
    });
    expect(cellsOf(L)).toMatchObject({
      limitsRated: 10,
      limitsMissed: 10,
      correctionsDue: 5,
      correctionsLate: 5,
    });
  });
});

describe('the city’s scorecard', () => {
  it('ranks M, K, L with the default weights, by hand', () => {
    const sc = card('C', true);
    // M 32 / K 20 / L 10 per 1,000 → 100 / 45.5 / 0; acceptance 100 / 100 / 0; days per step
    // 2 / 6 / 10 (lower is better) → 100 / 50 / 0; overdue 0 / 0 / 100% → 100 / 100 / 0;
    // corrections only K (100) and L (0). Ex officio share is withheld for K and M, names, visits
    // and reversals are rated for K alone: none of these tells the set apart.
    // K: (15×45.5 + 10×100 + 10×50 + 15×100 + 10×100) / 60 = 78.0; M: rated on 50 of 100 → 100.
    expect(sc.rows.map((r) => [r.code, r.composite, r.rank])).toEqual([
      ['M', 100, 1],
      ['K', 78, 2],
      ['L', 0, 3],
    ]);
    expect(sc.rankedOutOf).toBe(3);
    const k = sc.rows.find((r) => r.code === 'K')!;
    expect(k.indicators.applicationsPer1000).toEqual({ value: 20, score: 45.5 });
    expect(k.indicators.daysPerStep).toEqual({ value: 6, score: 50 });
    expect(k.indicators.daysAcceptance).toEqual({ value: 3, score: 87.5 });
    expect(k.indicators.namesOnTime).toEqual({ value: 100, score: null });
    expect(k.indicators.exemptShare.score).toBeNull();
    expect(sc.total.cells).toMatchObject({
      applied: 33,
      exOfficio: 13,
      acceptanceDecided: 20,
      limitsRated: 35,
    });
    expect(sc.total.rank).toBeNull();
  });

  it('withholds M’s 3 ex officio matters and what would give them away, in rows and columns', () => {
    const sc = card('C', true);
    expect(sc.suppressed).toBe(true);
    const row = (code: string) => sc.rows.find((r) => r.code === code)!;
    // M: 3 (<5) → its other 5 (row: 8 − 5), K's 10 (column: 13 − 0 − 10), then K's other 10 (row).
    expect(row('M').cells).toMatchObject({ applied: 8, exOfficio: '<5', otherRoutes: '<5' });
    expect(row('K').cells).toMatchObject({ applied: 20, exOfficio: '<5', otherRoutes: '<5' });
    expect(row('L').cells).toMatchObject({ applied: 5, exOfficio: 0, otherRoutes: 5 });
    expect(sc.total.cells).toMatchObject({ exOfficio: 13, otherRoutes: 20 });
    expect(row('K').indicators.exOfficioShare).toEqual({ value: '<5', score: null });
    expect(row('L').indicators.exOfficioShare).toEqual({ value: 0, score: null });
    // Nothing else is small in this city.
    const withheld = sc.rows.flatMap((r) =>
      Object.entries(r.cells)
        .filter(([, v]) => v === '<5')
        .map(([k]) => `${r.code}.${k}`),
    );
    expect(withheld.sort()).toEqual(['K.exOfficio', 'K.otherRoutes', 'M.exOfficio', 'M.otherRoutes']);
  });

  it('shows the commission every count, but rates exactly as for everyone else', () => {
    const open = card('C', false);
    const hidden = card('C', true);
    expect(open.suppressed).toBe(false);
    const k = open.rows.find((r) => r.code === 'K')!;
    expect(k.cells).toMatchObject({ exOfficio: 10, otherRoutes: 10 });
    expect(k.indicators.exOfficioShare).toEqual({ value: 50, score: null });
    expect(open.rows.map((r) => [r.code, r.composite, r.rank])).toEqual(
      hidden.rows.map((r) => [r.code, r.composite, r.rank]),
    );
  });
});

describe('drilling down', () => {
  it('shows a county with its rank among its city’s counties and the same cells withheld', () => {
    const sc = card('K', true);
    expect(sc.scope.code).toBe('K');
    expect(sc.parent?.code).toBe('C');
    expect(sc.rows).toHaveLength(1);
    expect(sc.rows[0]).toMatchObject({ code: 'K', composite: 78, rank: 2 });
    expect(sc.rankedOutOf).toBe(3);
    expect(sc.rows[0]!.cells).toMatchObject({ exOfficio: '<5', otherRoutes: '<5' });
  });

  it('shows a county alone to a viewer who sees only that county: no rank, no parent', () => {
    const sc = card('K', true, { nodes: [node('K', 'county', 'C')], rootId: 'K', own: new Map([['K', K]]) });
    expect(sc.parent).toBeNull();
    expect(sc.rows).toHaveLength(1);
    expect(sc.rows[0]).toMatchObject({ composite: null, rank: null });
    expect(sc.rankedOutOf).toBeNull();
    // Alone, nothing of K is small.
    expect(sc.suppressed).toBe(false);
    expect(sc.rows[0]!.cells.exOfficio).toBe(10);
  });

  it('adds the city’s own matters as a row of their own, unrated, so the rows add up to the total', () => {
    const own = new Map(OWN).set('C', counts({ cadres: 100, applied: 6, exOfficio: 6 }));
    const sc = card('C', true, { own });
    const last = sc.rows.at(-1)!;
    expect(last).toMatchObject({ kind: 'own', code: 'C', rank: null, composite: null });
    expect(last.cells.applied).toBe(6);
    expect(sc.total.cells.applied).toBe(39);
    expect(sc.total.cadres).toBe(1850);
  });
});
