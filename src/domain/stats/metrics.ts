/**
 * Dashboard metrics of tolerance matters (DESIGN §3.10), counted per cohort: a matter belongs to the
 * day it was opened, and each metric says whether it has reached a stage so far. Two ways to get the
 * same numbers, kept equal by the tests:
 * - `contributionsOfMatter`: from a matter as it stands now (the indexed query over `matters`);
 * - `incrementsForTransition`: what one transition adds (pre-aggregated counters updated in the same
 *   transaction as the transition), summing over a matter's history to its contributions.
 */
import { deadlineStatus, type DeadlineClock } from '../calendar/deadline.ts';
import { startOfBeijingDay, type LocalDate } from '../calendar/local-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { Outcome } from '../policy/types.ts';
import type { ToleranceAction, ToleranceState } from '../tolerance/procedure.ts';

export const ROUTES = ['own_application', 'unit_application', 'ex_officio', 'pre_registration'] as const;
const OUTCOMES = ['exempt', 'mitigate', 'refuse'] as const;
const STEPS = ['acceptance', 'verification', 'decision'] as const;
/** Steps with a time limit whose keeping the scorecard rates (实施力度评价): met or missed, once each. */
export const LIMITED_STEPS = ['acceptance', 'verification'] as const;

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
  ...LIMITED_STEPS.flatMap((s) => [`limit.${s}.met` as const, `limit.${s}.missed` as const]),
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
  /** The acceptance time limit as stored (paused while awaiting a supplement); null for ex officio. */
  acceptanceClock: DeadlineClock | null;
  /** The verification time limit (with its one extension, if approved). */
  verificationClock: DeadlineClock | null;
  /** Day a terminal status was reached (不予受理: the day acceptance was refused). */
  closedOn: LocalDate | null;
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

/**
 * Whether a step done on `doneOn` kept its time limit: the due date as the clock stood that day
 * (pauses up to then, an extension approved by then), the last day counting. The same answer
 * whenever it is asked, so the counters and the present-state query agree.
 */
export function keptLimit(clock: DeadlineClock, doneOn: LocalDate, calendar: WorkingDayCalendar): boolean {
  return doneOn <= deadlineStatus(clock, calendar, startOfBeijingDay(doneOn)).dueDate;
}

function limitMetrics(
  step: (typeof LIMITED_STEPS)[number],
  clock: DeadlineClock | null,
  doneOn: LocalDate | null,
  calendar: WorkingDayCalendar,
): Partial<Metrics> {
  if (!clock || !doneOn) return {};
  return { [`limit.${step}.${keptLimit(clock, doneOn, calendar) ? 'met' : 'missed'}`]: 1 };
}

/** The acceptance decision (受理 or 不予受理) of a filed application against its time limit. */
function acceptanceDecisionMetrics(s: MatterSnapshot, calendar: WorkingDayCalendar): Partial<Metrics> {
  if (!s.filedOn) return {};
  const decidedOn = s.verificationStartedOn ?? (s.status === 'not_accepted' ? s.closedOn : null);
  return limitMetrics('acceptance', s.acceptanceClock, decidedOn, calendar);
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
    // Verification ends with the (latest) proposal; counted with the decision, like its days.
    Object.assign(out, limitMetrics('verification', s.verificationClock, s.proposedOn, calendar));
  }
  return out;
}

/** Everything a matter contributes to its cohort, from its present state. */
export function contributionsOfMatter(s: MatterSnapshot, calendar: WorkingDayCalendar): Metrics {
  const m = emptyMetrics();
  if (!wasApplied(s)) return m;
  addMetrics(m, appliedMetrics(s));
  if (s.verificationStartedOn) addMetrics(m, { accepted: 1, ...acceptanceMetrics(s, calendar) });
  addMetrics(m, acceptanceDecisionMetrics(s, calendar));
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
  if (action === 'accept' || (to === 'not_accepted' && from !== 'not_accepted'))
    add(acceptanceDecisionMetrics(after, calendar));
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
