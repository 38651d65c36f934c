/**
 * How a synthetic tolerance matter lives: a path through the procedure table (application →
 * acceptance → verification → collective decision → notice → receipt → publicity/filing → close, or
 * one of the early endings), with plausible gaps between steps on working days during office hours.
 * Steps that would fall after `now` have not happened yet, so recent matters are caught in every
 * open state. Pure: the caller gives the random stream and the clock.
 *
 * `awaiting_approval` never occurs: the default policy every synthetic county uses requires no
 * higher-level approval, so a real `decide` could not reach it either.
 */
import type { ToleranceAction, ToleranceRoute, ToleranceState } from '../../../domain/tolerance/procedure.ts';
import type { Outcome } from '../../../domain/policy/types.ts';
import type { Rng } from '../prng.ts';
import { toBeijingDate, type LocalDate } from '../../../domain/calendar/local-date.ts';

/** Who takes a step: resolved to user accounts by the row builder. */
export type StepActor = 'applicant' | 'subject' | 'officer' | 'leader' | 'voter0' | 'voter1' | 'voter2' | 'voter3' | 'reviewer';

export type StepDef = {
  action: ToleranceAction;
  to: ToleranceState;
  by: StepActor;
  /** Working days after the previous step, [min, max]; 0 = same day. */
  days: readonly [number, number];
  /** Only on some matters of the path. */
  chance?: number;
  /** Timed from the appeal deadline (close after the window; appeal within it). */
  fromAppealDeadline?: boolean;
  /** Only after this action was taken on the matter (a task is completed only once added). */
  requires?: ToleranceAction;
};

export type PathDef = { name: string; weight: number; route: ToleranceRoute; opensAs: 'draft' | 'submitted' | 'verifying'; outcome: Outcome | null; steps: StepDef[] };

const s = (action: ToleranceAction, to: ToleranceState, by: StepActor, days: readonly [number, number], extra: Partial<StepDef> = {}): StepDef => ({ action, to, by, days, ...extra });

const ACCEPT = s('accept', 'verifying', 'officer', [1, 6]);
const VERIFY: StepDef[] = [
  s('add_task', 'verifying', 'officer', [1, 5], { chance: 0.5 }),
  s('complete_task', 'verifying', 'officer', [3, 12], { requires: 'add_task' }),
  s('record_unit_opinion', 'verifying', 'officer', [1, 5], { chance: 0.25 }),
  s('record_facts', 'verifying', 'officer', [2, 10]),
  s('propose', 'awaiting_decision', 'officer', [1, 5]),
];
const DECIDE: StepDef[] = [
  s('convene_meeting', 'deliberating', 'leader', [2, 10]),
  s('cast_vote', 'deliberating', 'voter0', [0, 0]),
  s('cast_vote', 'deliberating', 'voter1', [0, 0]),
  s('cast_vote', 'deliberating', 'voter2', [0, 0]),
  s('decide', 'decided', 'leader', [0, 0]),
  s('notify', 'notified', 'officer', [1, 5]),
];
const RECEIPT_BY_SUBJECT = s('acknowledge_receipt', 'notified', 'subject', [0, 3]);
const RECEIPT_BY_OFFICER = s('record_delivery', 'notified', 'officer', [0, 3]);
const PUBLICIZE = s('publicize', 'notified', 'officer', [1, 5]);
const FILE = s('file_with_higher', 'notified', 'officer', [1, 10], { chance: 0.4 });
const CLOSE = s('close', 'closed', 'officer', [1, 10], { fromAppealDeadline: true });

/** The whole course after a receipt: publicity where the outcome is published, filing, closing. */
const aftermath = (receipt: StepDef, outcome: Outcome): StepDef[] => [receipt, ...(outcome === 'refuse' ? [] : [PUBLICIZE]), FILE, CLOSE];

export const PATHS: readonly PathDef[] = [
  { name: 'own-exempt', weight: 14, route: 'own_application', opensAs: 'submitted', outcome: 'exempt', steps: [ACCEPT, ...VERIFY, ...DECIDE, ...aftermath(RECEIPT_BY_SUBJECT, 'exempt')] },
  {
    name: 'own-draft-mitigate',
    weight: 5,
    route: 'own_application',
    opensAs: 'draft',
    outcome: 'mitigate',
    steps: [s('submit', 'submitted', 'applicant', [0, 5]), ACCEPT, ...VERIFY, ...DECIDE, ...aftermath(RECEIPT_BY_SUBJECT, 'mitigate')],
  },
  {
    name: 'own-supplement-exempt',
    weight: 5,
    route: 'own_application',
    opensAs: 'submitted',
    outcome: 'exempt',
    steps: [s('request_supplement', 'awaiting_supplement', 'officer', [1, 4]), s('supplement', 'submitted', 'applicant', [2, 10]), ACCEPT, ...VERIFY, ...DECIDE, ...aftermath(RECEIPT_BY_SUBJECT, 'exempt')],
  },
  { name: 'unit-exempt', weight: 8, route: 'unit_application', opensAs: 'submitted', outcome: 'exempt', steps: [ACCEPT, ...VERIFY, ...DECIDE, ...aftermath(RECEIPT_BY_OFFICER, 'exempt')] },
  { name: 'unit-refuse', weight: 4, route: 'unit_application', opensAs: 'submitted', outcome: 'refuse', steps: [ACCEPT, ...VERIFY, ...DECIDE, ...aftermath(RECEIPT_BY_OFFICER, 'refuse')] },
  { name: 'exofficio-exempt', weight: 12, route: 'ex_officio', opensAs: 'verifying', outcome: 'exempt', steps: [...VERIFY, ...DECIDE, ...aftermath(RECEIPT_BY_OFFICER, 'exempt')] },
  {
    name: 'exofficio-mitigate-extended',
    weight: 8,
    route: 'ex_officio',
    opensAs: 'verifying',
    outcome: 'mitigate',
    steps: [s('extend_verification', 'verifying', 'leader', [15, 25]), ...VERIFY, ...DECIDE, ...aftermath(RECEIPT_BY_OFFICER, 'mitigate')],
  },
  { name: 'exofficio-refuse', weight: 6, route: 'ex_officio', opensAs: 'verifying', outcome: 'refuse', steps: [...VERIFY, ...DECIDE, ...aftermath(RECEIPT_BY_OFFICER, 'refuse')] },
  {
    name: 'own-appeal',
    weight: 5,
    route: 'own_application',
    opensAs: 'submitted',
    outcome: 'mitigate',
    steps: [
      ACCEPT,
      ...VERIFY,
      ...DECIDE,
      RECEIPT_BY_SUBJECT,
      s('appeal', 'under_review', 'subject', [3, 15]),
      s('assign_review_panel', 'under_review', 'leader', [1, 5]),
      s('review_decide', 'closed', 'reviewer', [10, 20]),
      s('file_with_higher', 'closed', 'officer', [1, 10], { chance: 0.5 }),
    ],
  },
  {
    name: 'returned-for-verification',
    weight: 3,
    route: 'ex_officio',
    opensAs: 'verifying',
    outcome: 'exempt',
    steps: [...VERIFY, s('return_for_verification', 'verifying', 'leader', [2, 8]), s('record_facts', 'verifying', 'officer', [5, 15]), s('propose', 'awaiting_decision', 'officer', [1, 5]), ...DECIDE, ...aftermath(RECEIPT_BY_OFFICER, 'exempt')],
  },
  {
    name: 'suspended-resumed',
    weight: 3,
    route: 'ex_officio',
    opensAs: 'verifying',
    outcome: 'exempt',
    steps: [s('add_task', 'verifying', 'officer', [1, 5]), s('suspend', 'suspended', 'leader', [2, 10]), s('resume', 'verifying', 'leader', [20, 120]), ...VERIFY.slice(2), ...DECIDE, ...aftermath(RECEIPT_BY_OFFICER, 'exempt')],
  },
  { name: 'not-accepted-own', weight: 20, route: 'own_application', opensAs: 'submitted', outcome: null, steps: [s('refuse_acceptance', 'not_accepted', 'officer', [1, 8])] },
  {
    name: 'not-accepted-unit',
    weight: 14,
    route: 'unit_application',
    opensAs: 'submitted',
    outcome: null,
    steps: [s('request_supplement', 'awaiting_supplement', 'officer', [1, 4], { chance: 0.4 }), s('refuse_acceptance', 'not_accepted', 'officer', [2, 10])],
  },
  { name: 'withdrawn', weight: 9, route: 'own_application', opensAs: 'draft', outcome: null, steps: [s('submit', 'submitted', 'applicant', [0, 5], { chance: 0.6 }), s('withdraw', 'withdrawn', 'applicant', [1, 10])] },
  { name: 'converted', weight: 7, route: 'ex_officio', opensAs: 'verifying', outcome: null, steps: [s('add_task', 'verifying', 'officer', [1, 5]), s('convert', 'converted', 'leader', [5, 20])] },
  { name: 'long-suspension', weight: 2, route: 'ex_officio', opensAs: 'verifying', outcome: null, steps: [s('suspend', 'suspended', 'leader', [3, 15])] },
];

const TOTAL_WEIGHT = PATHS.reduce((sum, p) => sum + p.weight, 0);

/** A step that happened, at an instant (ms). */
export type TakenStep = StepDef & { at: number };

export type MatterCourse = { path: PathDef; openedAt: number; steps: TakenStep[]; status: ToleranceState; suspendedFrom: ToleranceState | null };

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

export function pickPath(rng: Rng): PathDef {
  let ticket = rng.next() * TOTAL_WEIGHT;
  for (const path of PATHS) if ((ticket -= path.weight) < 0) return path;
  return PATHS[0]!;
}

/** An instant during office hours (08:30–17:30 Beijing) on a weekday, on or after `ms`'s day plus `days` weekdays. */
export function officeTime(rng: Rng, ms: number, days: number): number {
  let day = Math.floor((ms + BEIJING_MS) / DAY_MS);
  for (let added = 0; added < days || isWeekend(day); ) {
    day += 1;
    if (!isWeekend(day)) added += 1;
  }
  const open = day * DAY_MS - BEIJING_MS + 8.5 * 3_600_000;
  const candidate = open + rng.int(0, 9 * 60 - 1) * 60_000;
  if (candidate > ms) return candidate;
  // Later the same day than the previous step, a few minutes on — or, after hours, the next working morning.
  const later = ms + rng.int(2, 40) * 60_000;
  return later < open + 9 * 3_600_000 ? later : officeTime(rng, (day + 1) * DAY_MS - BEIJING_MS, 0);
}

const isWeekend = (epochDay: number) => {
  const dow = (epochDay + 4) % 7; // 1970-01-01 was a Thursday
  return dow === 0 || dow === 6;
};

/**
 * The course of one matter opened at `openedAt`: the steps of its path that happened by `now`.
 * `appealDeadlineOf` gives the last day to appeal (as an instant at the end of that day) for a
 * receipt at an instant, so closing and appealing respect the real window.
 */
export function planCourse(rng: Rng, path: PathDef, openedAt: number, now: number, appealDeadlineOf: (receivedAt: number) => number): MatterCourse {
  const steps: TakenStep[] = [];
  let at = openedAt;
  let state: ToleranceState = path.opensAs;
  let suspendedFrom: ToleranceState | null = null;
  let appealDeadline = 0;
  for (const step of path.steps) {
    if (step.chance !== undefined && !rng.chance(step.chance)) continue;
    if (step.requires && !steps.some((taken) => taken.action === step.requires)) continue;
    const base = step.fromAppealDeadline ? appealDeadline : at;
    const next = officeTime(rng, base, rng.int(step.days[0], step.days[1]));
    if (next > now) break;
    at = next;
    if (step.action === 'suspend') suspendedFrom = state;
    if (step.action === 'resume') suspendedFrom = null;
    state = step.to;
    if (step.action === 'acknowledge_receipt' || step.action === 'record_delivery') appealDeadline = appealDeadlineOf(at);
    steps.push({ ...step, at });
  }
  return { path, openedAt, steps, status: state, suspendedFrom };
}

const dayCache = new Map<number, LocalDate>();

/** The Beijing date of an instant (memoised per day: the generator asks millions of times). */
export function beijingDate(ms: number): LocalDate {
  const day = Math.floor((ms + BEIJING_MS) / DAY_MS);
  let date = dayCache.get(day);
  if (date === undefined) dayCache.set(day, (date = toBeijingDate(new Date(ms))));
  return date;
}
