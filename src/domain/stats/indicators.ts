/**
 * From metrics to what a dashboard shows, with small-number suppression: a count of 1–4 becomes
 * '<5' so that no cadre can be picked out of a chart (DESIGN §3.10), and so does any average or rate
 * resting on such a count. Zero stays 0: "none" identifies no one.
 */
import type { Metrics } from './metrics.ts';

/** What a suppressed count is shown as. */
export const SUPPRESSED = '<5';
export type Suppressed = typeof SUPPRESSED;
export type Cell = number | Suppressed;
/** An average or rate: null when there is nothing to compute it from. */
export type Figure = number | Suppressed | null;

type StepDays<C, F> = { averageWorkingDays: F; matters: C };

/** The dashboard's indicators for one jurisdiction; C is the count type, F the derived-figure type. */
export type IndicatorSet<C, F> = {
  funnel: { applied: C; accepted: C; decided: C; notified: C; closed: C };
  exits: { notAccepted: C; withdrawn: C; converted: C };
  inProgress: C;
  outcomes: { exempt: C; mitigate: C; refuse: C };
  routes: { own_application: C; unit_application: C; ex_officio: C; pre_registration: C };
  daysPerStep: { acceptance: StepDays<C, F>; verification: StepDays<C, F>; decision: StepDays<C, F> };
  appeals: { appealed: C; reviewed: C; reversed: C };
  overdue: C;
};

export type RawIndicators = IndicatorSet<number, number | null>;
export type ShownIndicators = IndicatorSet<Cell, Figure>;

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function average(sum: number, n: number): number | null {
  return n === 0 ? null : round(sum / n, 1);
}

/** The indicators as numbers; `overdue` is the snapshot count of matters past their time limit. */
export function indicatorsOf(m: Metrics, overdue: number): RawIndicators {
  const exited = m.closed + m.not_accepted + m.withdrawn + m.converted;
  const step = (s: 'acceptance' | 'verification' | 'decision') => ({
    averageWorkingDays: average(m[`days.${s}.sum`], m[`days.${s}.n`]),
    matters: m[`days.${s}.n`],
  });
  return {
    funnel: {
      applied: m.applied,
      accepted: m.accepted,
      decided: m.decided,
      notified: m.notified,
      closed: m.closed,
    },
    exits: { notAccepted: m.not_accepted, withdrawn: m.withdrawn, converted: m.converted },
    inProgress: Math.max(0, m.applied - exited),
    outcomes: { exempt: m['outcome.exempt'], mitigate: m['outcome.mitigate'], refuse: m['outcome.refuse'] },
    routes: {
      own_application: m['route.own_application'],
      unit_application: m['route.unit_application'],
      ex_officio: m['route.ex_officio'],
      pre_registration: m['route.pre_registration'],
    },
    daysPerStep: {
      acceptance: step('acceptance'),
      verification: step('verification'),
      decision: step('decision'),
    },
    appeals: { appealed: m.appealed, reviewed: m.reviewed, reversed: m.reversed },
    overdue,
  };
}

/** True for counts that must not be shown (1–4). */
export function isSmall(count: number): boolean {
  return count >= 1 && count <= 4;
}

/** A count as shown: '<5' for 1–4 when suppressing. */
export function cell(count: number, suppress: boolean): Cell {
  return suppress && isSmall(count) ? SUPPRESSED : count;
}

function mapCounts<T>(value: T, f: (n: number) => Cell): unknown {
  if (typeof value === 'number') return f(value);
  return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, mapCounts(v, f)]));
}

/** The indicators as shown: every count through `cell`, averages hidden with their counts; key order kept. */
export function showIndicators(raw: RawIndicators, suppress: boolean): ShownIndicators {
  const step = (s: StepDays<number, number | null>): StepDays<Cell, Figure> => ({
    averageWorkingDays: suppress && isSmall(s.matters) ? SUPPRESSED : s.averageWorkingDays,
    matters: cell(s.matters, suppress),
  });
  const counts = <T extends object>(group: T) =>
    mapCounts(group, (n) => cell(n, suppress)) as { [K in keyof T]: Cell };
  const { daysPerStep } = raw;
  return {
    funnel: counts(raw.funnel),
    exits: counts(raw.exits),
    inProgress: cell(raw.inProgress, suppress),
    outcomes: counts(raw.outcomes),
    routes: counts(raw.routes),
    daysPerStep: {
      acceptance: step(daysPerStep.acceptance),
      verification: step(daysPerStep.verification),
      decision: step(daysPerStep.decision),
    },
    appeals: counts(raw.appeals),
    overdue: cell(raw.overdue, suppress),
  };
}

/** Applied matters per 1,000 cadres in office (two decimals); hidden with a small count of applications. */
export function applicationsPer1000(applied: number, cadresInOffice: number, suppress: boolean): Figure {
  if (cadresInOffice === 0) return null;
  if (suppress && isSmall(applied)) return SUPPRESSED;
  return round((applied / cadresInOffice) * 1000, 2);
}
