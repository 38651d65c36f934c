/**
 * 拿容错当"保护伞" — tolerance used as a shield (2018 Opinion, DOMAIN §3.3; DOMAIN §11.3 "auditing of
 * exemption rates by unit"): the outcome mix of decided matters by the cadre's unit and by the
 * decision-maker, with a test that picks out groups whose tolerance rate lies far above the rest of
 * the scope.
 *
 * The test, per group g with n decided matters of which x were tolerated (exempt or mitigated):
 * - the norm p₀ is the tolerance rate of every OTHER decided matter in the scope and period (leaving
 *   the group out, so a large group cannot pull the norm towards itself);
 * - p = P(X ≥ x) for X ~ Binomial(n, p₀), the exact one-sided binomial tail: how likely so many
 *   tolerances would be if the group decided like the rest;
 * - the group is flagged when p < 0.05 / m (Bonferroni: m groups of the table are tested, so a table
 *   of many units does not flag some by chance) AND its rate exceeds p₀ by at least 0.20 (a difference
 *   large enough to matter, not only significant) AND n ≥ 5.
 * A flag is a prompt to look at the matters, never a finding: a unit may simply have had good cases.
 */
import type { Outcome } from '../policy/types.ts';
import { SUPPRESSED, type Cell, type Figure } from '../stats/indicators.ts';
import { suppressCells, type AdditiveGroup } from '../stats/scorecard-suppression.ts';

export const SHIELD_TEST = { alpha: 0.05, minDifference: 0.2, minDecided: 5 } as const;

/** ln(k!) for k = 0…n, built once per size needed. */
const logFactorials: number[] = [0];
function logFactorial(k: number): number {
  for (let i = logFactorials.length; i <= k; i += 1) logFactorials.push(logFactorials[i - 1]! + Math.log(i));
  return logFactorials[k]!;
}

/** P(X ≥ x) for X ~ Binomial(n, p), exact (summed in log space, so large n neither under- nor overflows). */
export function binomialUpperTail(x: number, n: number, p: number): number {
  if (x <= 0) return 1;
  if (x > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lp = Math.log(p);
  const lq = Math.log(1 - p);
  let total = 0;
  for (let k = x; k <= n; k += 1) {
    total += Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * lp + (n - k) * lq);
  }
  return Math.min(1, total);
}

/** One group's decided matters by outcome. */
export type GroupCounts = { key: string; exempt: number; mitigate: number; refuse: number };

export type GroupTest = {
  key: string;
  decided: number;
  tolerated: number;
  /** x / n; null with no decided matter. */
  rate: number | null;
  /** The rest of the scope's rate; null when the group is the whole scope. */
  norm: number | null;
  /** The binomial tail; null when not tested (too few decided, or no rest of the scope). */
  pValue: number | null;
  flagged: boolean;
};

const tolerated = (g: GroupCounts) => g.exempt + g.mitigate;
const decided = (g: GroupCounts) => g.exempt + g.mitigate + g.refuse;

/** The scope's tolerance rate over all groups; null with nothing decided. */
export function scopeRate(groups: readonly GroupCounts[]): number | null {
  const n = groups.reduce((s, g) => s + decided(g), 0);
  return n === 0 ? null : groups.reduce((s, g) => s + tolerated(g), 0) / n;
}

/**
 * The test for every group of one table (a matter is in exactly one group of the table, so the
 * groups add up to the scope).
 */
export function shieldTests(groups: readonly GroupCounts[], test = SHIELD_TEST): GroupTest[] {
  const totalN = groups.reduce((s, g) => s + decided(g), 0);
  const totalX = groups.reduce((s, g) => s + tolerated(g), 0);
  const testable = groups.filter((g) => decided(g) >= test.minDecided && totalN - decided(g) > 0);
  const threshold = testable.length === 0 ? 0 : test.alpha / testable.length;
  return groups.map((g) => {
    const n = decided(g);
    const x = tolerated(g);
    const restN = totalN - n;
    const norm = restN > 0 ? (totalX - x) / restN : null;
    const rate = n > 0 ? x / n : null;
    if (!testable.includes(g) || norm === null || rate === null)
      return { key: g.key, decided: n, tolerated: x, rate, norm, pValue: null, flagged: false };
    const pValue = binomialUpperTail(x, n, norm);
    const flagged = pValue < threshold && rate - norm >= test.minDifference;
    return { key: g.key, decided: n, tolerated: x, rate, norm, pValue, flagged };
  });
}

/** A group's row as shown, small counts withheld for viewers who must not see them. */
export type MixRow = {
  key: string;
  decided: Cell;
  outcomes: Record<Outcome, Cell>;
  /** Tolerance rate (0–1, three decimals); '<5' when it would give a withheld count back. */
  rate: Figure;
  flagged: boolean;
  /** Shown with the flag: how far out the group is (four significant figures); null when suppressing. */
  pValue: number | null;
};

export type MixTable = {
  rows: MixRow[];
  /** The whole scope: every group's matters together, and its tolerance rate (the norm). */
  total: Omit<MixRow, 'key' | 'flagged' | 'pValue'>;
};

const OUTCOMES: readonly Outcome[] = ['exempt', 'mitigate', 'refuse'];
const round3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * The table as shown, with the project's small-number suppression (domain/stats/
 * scorecard-suppression.ts): counts of 1–4 withheld as '<5', and a second cell wherever one withheld cell could
 * be worked out from a shown total — each row (exempt + mitigate + refuse = decided) and each column
 * (the groups add up to the scope's total). A rate is withheld with the decided or refused count it
 * would give back. The flag stays — it says a group stands out, not who is in it — but not its
 * p-value when suppressing: P(X ≥ x | n, p₀) would give n and x back (¼⁵ names five of five).
 */
export function mixTable(groups: readonly GroupCounts[], suppress: boolean, test = SHIELD_TEST): MixTable {
  const tests = shieldTests(groups, test);
  const values = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const o of OUTCOMES) values.set(`${i}.${o}`, g[o]);
    values.set(`${i}.decided`, decided(g));
  });
  for (const o of OUTCOMES)
    values.set(
      `total.${o}`,
      groups.reduce((sum, g) => sum + g[o], 0),
    );
  values.set(
    'total.decided',
    groups.reduce((sum, g) => sum + decided(g), 0),
  );
  const additive: AdditiveGroup[] = [
    ...groups.map((_, i) => ({ total: `${i}.decided`, parts: OUTCOMES.map((o) => `${i}.${o}`) })),
    { total: 'total.decided', parts: OUTCOMES.map((o) => `total.${o}`) },
    ...[...OUTCOMES, 'decided'].map((c) => ({
      total: `total.${c}`,
      parts: groups.map((_, i) => `${i}.${c}`),
    })),
  ];
  const withheld = suppress ? suppressCells(values, additive) : new Set<string>();
  const shown = (id: string): Cell => (withheld.has(id) ? SUPPRESSED : values.get(id)!);
  const row = (prefix: string, rate: number | null): Omit<MixRow, 'key' | 'flagged' | 'pValue'> => ({
    decided: shown(`${prefix}.decided`),
    outcomes: {
      exempt: shown(`${prefix}.exempt`),
      mitigate: shown(`${prefix}.mitigate`),
      refuse: shown(`${prefix}.refuse`),
    },
    rate:
      rate === null
        ? null
        : withheld.has(`${prefix}.decided`) || withheld.has(`${prefix}.refuse`)
          ? SUPPRESSED
          : round3(rate),
  });
  return {
    rows: groups.map((g, i) => ({
      key: g.key,
      ...row(String(i), tests[i]!.rate),
      flagged: tests[i]!.flagged,
      pValue: suppress || tests[i]!.pValue === null ? null : Number(tests[i]!.pValue.toPrecision(4)),
    })),
    total: row('total', scopeRate(groups)),
  };
}
