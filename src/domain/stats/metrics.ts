/**
 * Dashboard metrics of tolerance matters (DESIGN §3.10), counted per cohort: a matter belongs to the
 * day it was opened, and each metric says whether it has reached a stage so far. Two ways to get the
 * same numbers, kept equal by the tests:
 * - `contributionsOfMatter`: from a matter as it stands now (the indexed query over `matters`);
 * - `incrementsForTransition`: what one transition adds (pre-aggregated counters updated in the same
 *   transaction as the transition), summing over a matter's history to its contributions.
 */
import type { LocalDate } from '../calendar/local-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { Outcome } from '../policy/types.ts';
import type { ToleranceAction, ToleranceState } from '../tolerance/procedure.ts';

export const ROUTES = ['own_application', 'unit_application', 'ex_officio', 'pre_registration'] as const;
const OUTCOMES = ['exempt', 'mitigate', 'refuse'] as const;
const STEPS = ['acceptance', 'verification', 'decision'] as const;

export const METRICS = [
  'applied',
  'accepted',
  'decided',
  'notified',
  'closed',
  'not_accepted',
  'withdrawn',
  'converted',
  ...OUTCOMES.map((o) => `outcome.${o}` as const),
  ...ROUTES.map((r) => `route.${r}` as const),
  'appealed',
  'reviewed',
  'reversed',
  ...STEPS.flatMap((s) => [`days.${s}.sum` as const, `days.${s}.n` as const]),
] as const;

export type Metric = (typeof METRICS)[number];
export type Metrics = Record<Metric, number>;

/** What the metrics need to know about a matter. */
export type MatterSnapshot = {
  status: string;
  route: string | null;
  /** Day the application was filed (the acceptance clock started); null for drafts and ex officio. */
  filedOn: LocalDate | null;
  /** Day verification began: accepted, or opened ex officio. */
  verificationStartedOn: LocalDate | null;
  /** Day of the (latest) determination proposal. */
  proposedOn: LocalDate | null;
  /** Day of the collective decision; counted once the decision is in effect. */
  decidedOn: LocalDate | null;
  /** The first-instance outcome (a review that varies it does not change this). */
  firstOutcome: Outcome | null;
  appealed: boolean;
  reviewResult: 'upheld' | 'varied' | null;
};

/** A step of the procedure as the counters see it: `open` for the matter's creation. */
export type StatsTransition = {
  action: ToleranceAction | 'open';
  from: ToleranceState | null;
  to: ToleranceState;
  after: MatterSnapshot;
};

const IN_EFFECT = new Set(['decided', 'notified', 'under_review', 'closed']);
const NOTIFIED = new Set(['notified', 'under_review', 'closed']);
const EXITS = ['not_accepted', 'withdrawn', 'converted'] as const;

export function emptyMetrics(): Metrics {
  return Object.fromEntries(METRICS.map((m) => [m, 0])) as Metrics;
}

/** Adds `b` into `a` and returns `a`. */
export function addMetrics(a: Metrics, b: Partial<Metrics>): Metrics {
  for (const [metric, value] of Object.entries(b) as [Metric, number][]) a[metric] += value;
  return a;
}

/** A matter counts once it reached the commission: filed, or opened ex officio. Drafts do not. */
function wasApplied(s: MatterSnapshot): boolean {
  return s.filedOn !== null || s.verificationStartedOn !== null;
}

function isRoute(route: string | null): route is (typeof ROUTES)[number] {
  return (ROUTES as readonly (string | null)[]).includes(route);
}

function workingDays(calendar: WorkingDayCalendar, from: LocalDate, to: LocalDate): number {
  return Math.max(0, calendar.workingDaysBetween(from, to).days);
}

function appliedMetrics(s: MatterSnapshot): Partial<Metrics> {
  return { applied: 1, ...(isRoute(s.route) ? { [`route.${s.route}`]: 1 } : {}) };
}

function acceptanceMetrics(s: MatterSnapshot, calendar: WorkingDayCalendar): Partial<Metrics> {
  if (!s.filedOn || !s.verificationStartedOn) return {};
  return {
    'days.acceptance.sum': workingDays(calendar, s.filedOn, s.verificationStartedOn),
    'days.acceptance.n': 1,
  };
}

function decisionMetrics(s: MatterSnapshot, calendar: WorkingDayCalendar): Partial<Metrics> {
  const out: Partial<Metrics> = {
    decided: 1,
    ...(s.firstOutcome ? { [`outcome.${s.firstOutcome}`]: 1 } : {}),
  };
  if (s.verificationStartedOn && s.proposedOn && s.decidedOn) {
    out['days.verification.sum'] = workingDays(calendar, s.verificationStartedOn, s.proposedOn);
    out['days.verification.n'] = 1;
    out['days.decision.sum'] = workingDays(calendar, s.proposedOn, s.decidedOn);
    out['days.decision.n'] = 1;
  }
  return out;
}

/** Everything a matter contributes to its cohort, from its present state. */
export function contributionsOfMatter(s: MatterSnapshot, calendar: WorkingDayCalendar): Metrics {
  const m = emptyMetrics();
  if (!wasApplied(s)) return m;
  addMetrics(m, appliedMetrics(s));
  if (s.verificationStartedOn) addMetrics(m, { accepted: 1, ...acceptanceMetrics(s, calendar) });
  if (s.decidedOn && IN_EFFECT.has(s.status)) addMetrics(m, decisionMetrics(s, calendar));
  if (NOTIFIED.has(s.status)) m.notified += 1;
  if (s.status === 'closed') m.closed += 1;
  for (const exit of EXITS) if (s.status === exit) m[exit] += 1;
  if (s.appealed) m.appealed += 1;
  if (s.reviewResult) m.reviewed += 1;
  if (s.reviewResult === 'varied') m.reversed += 1;
  return m;
}

/** What one transition adds to the counters of the matter's cohort (only non-zero metrics). */
export function incrementsForTransition(t: StatsTransition, calendar: WorkingDayCalendar): Partial<Metrics> {
  const { action, from, to, after } = t;
  if (!wasApplied(after)) return {};
  const out: Partial<Metrics> = {};
  const add = (more: Partial<Metrics>) => {
    for (const [metric, value] of Object.entries(more) as [Metric, number][])
      out[metric] = (out[metric] ?? 0) + value;
  };
  if ((action === 'open' && to !== 'draft') || (action === 'submit' && from === 'draft'))
    add(appliedMetrics(after));
  if (action === 'open' && to === 'verifying') add({ accepted: 1 });
  if (action === 'accept') add({ accepted: 1, ...acceptanceMetrics(after, calendar) });
  if (to === 'decided' && from !== 'decided') add(decisionMetrics(after, calendar));
  if (to === 'notified' && from === 'decided') add({ notified: 1 });
  if (to === 'closed' && from !== 'closed') add({ closed: 1 });
  for (const exit of EXITS) if (to === exit && from !== exit) add({ [exit]: 1 });
  if (action === 'appeal') add({ appealed: 1 });
  if (action === 'review_decide')
    add({ reviewed: 1, ...(after.reviewResult === 'varied' ? { reversed: 1 } : {}) });
  // 重新研究 (reopened over its correction): not decided, served or closed until decided again.
  if (action === 'reopen') {
    for (const [metric, value] of Object.entries(decisionMetrics(after, calendar)) as [Metric, number][])
      add({ [metric]: -value });
    if (from !== null && NOTIFIED.has(from)) add({ notified: -1 });
    if (from === 'closed') add({ closed: -1 });
  }
  return out;
}
