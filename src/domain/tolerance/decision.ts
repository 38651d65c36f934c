/**
 * 集体研究与决定 — the rules around the collective decision of a tolerance matter: counting the votes,
 * justifying a departure from the recommendation, the review that may never be heavier, the
 * independent review panel, the appeal clock, higher approval and publicity (DESIGN §3.1–3.2,
 * DOMAIN §4.1 Steps 4–9, §13.3).
 */
import { deadlineStatus, startDeadline, type DeadlineRule } from '../calendar/deadline.ts';
import { startOfBeijingDay, type LocalDate } from '../calendar/local-date.ts';
import type { Uncertainty, WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { DomainError } from '../errors.ts';
import { checkDeparture } from '../policy/departure.ts';
import { rank } from '../policy/evaluate.ts';
import { OUTCOME_ZH } from '../policy/reasons.ts';
import type { AppealType, EffectivePolicy, Outcome, Recommendation } from '../policy/types.ts';

export { tallyVotes, assertCarried, type Tally, type Vote, type VoteInput } from './vote-tally.ts';

/** What a decision records against the recommendation, and must justify. */
export type DecisionFlag = 'departure' | 'exclusion_override' | 'correction_omitted';

/** The outcome of `decisionCheck`: recorded with the decision. */
export type DecisionCheck = {
  /** The decided class differs from the recommended one. */
  departs: boolean;
  /** Exemption or mitigation despite exclusion-list hits (负面清单). */
  exclusionOverride: boolean;
  /** Correction was recommended but none is ordered. */
  correctionOmitted: boolean;
  exclusionsHit: string[];
  flags: DecisionFlag[];
};

/** The decision as the committee took it. */
export type DecisionInput = {
  outcome: Outcome;
  correctionOrdered: boolean;
  /** Written reason for departing from the recommendation or for ordering no recommended correction. */
  departureReason?: string;
  /** Special justification for tolerating despite an exclusion-list hit. */
  exclusionJustification?: string;
};

const written = (text: string | undefined) => (text ?? '').trim().length > 0;

/**
 * Checks a decision against the engine's recommendation: humans decide, but a decision that departs
 * from it needs a written reason, and tolerance despite an exclusion-list hit is never blocked but
 * needs a justification (DESIGN §3.2, DOMAIN §3.5). Omitting a recommended correction also needs the
 * written reason (`checkDeparture`: tolerance without correction is a failure DOMAIN §11.3 names).
 * @throws DomainError('matter.departure_reason_required') departing without a reason;
 *   DomainError('matter.exclusion_justification_required') tolerating an exclusion without one;
 *   DomainError('matter.correction_reason_required') omitting a recommended correction without a reason.
 */
export function decisionCheck(recommendation: Recommendation, input: DecisionInput): DecisionCheck {
  const check = checkDeparture(recommendation, input);
  if (check.departs && !written(input.departureReason)) {
    const details = {
      recommendation: OUTCOME_ZH[recommendation.recommendation],
      decided: OUTCOME_ZH[input.outcome],
    };
    throw new DomainError('matter.departure_reason_required', details, 'departureReason');
  }
  if (check.exclusionOverride && !written(input.exclusionJustification)) {
    const details = { exclusions: check.exclusionsHit };
    throw new DomainError('matter.exclusion_justification_required', details, 'exclusionJustification');
  }
  if (check.correctionOmitted && !written(input.departureReason)) {
    throw new DomainError('matter.correction_reason_required', {}, 'departureReason');
  }
  const flags: DecisionFlag[] = [];
  if (check.departs) flags.push('departure');
  if (check.exclusionOverride) flags.push('exclusion_override');
  if (check.correctionOmitted) flags.push('correction_omitted');
  return {
    departs: check.departs,
    exclusionOverride: check.exclusionOverride,
    correctionOmitted: check.correctionOmitted,
    exclusionsHit: check.exclusionsHit,
    flags,
  };
}

/**
 * An appeal never yields a heavier outcome (DESIGN §3.1; 政务处分法 第五十六条, 公务员法 第九十六条).
 * @returns 'upheld' for the same class, 'lightened' for a lighter one.
 * @throws DomainError('matter.heavier_on_review') for a heavier one.
 */
export function reviewCheck(original: Outcome, reviewed: Outcome): 'upheld' | 'lightened' {
  if (rank(reviewed) > rank(original)) {
    throw new DomainError('matter.heavier_on_review', {
      original: OUTCOME_ZH[original],
      reviewed: OUTCOME_ZH[reviewed],
    });
  }
  return reviewed === original ? 'upheld' : 'lightened';
}

/**
 * Review panel members who took part in the original decision (voted, signed or handled it), in
 * panel order, each once.
 */
export function panelOverlap(originalDeciders: readonly string[], reviewPanel: readonly string[]): string[] {
  const original = new Set(originalDeciders);
  return [...new Set(reviewPanel)].filter((id) => original.has(id));
}

/**
 * The review is heard by people who had no part in the original decision (复核, DESIGN §3.1).
 * @param names display name by id; an id without a name is shown as is.
 * @throws DomainError('meeting.panel_overlap') naming the overlapping members.
 */
export function assertIndependentPanel(
  originalDeciders: readonly string[],
  reviewPanel: readonly string[],
  names: ReadonlyMap<string, string>,
): void {
  const overlap = panelOverlap(originalDeciders, reviewPanel);
  if (overlap.length > 0) {
    throw new DomainError(
      'meeting.panel_overlap',
      { names: overlap.map((id) => names.get(id) ?? id), ids: overlap },
      'reviewPanel',
    );
  }
}

/**
 * The window to lodge the first stage of the appeal route for this kind of decision (DOMAIN §13.3),
 * from the policy's appeal rules — e.g. 1 month for a Party accountability decision, 30 days for a
 * civil servant's personnel handling.
 * @throws DomainError('policy.no_appeal_route') when the policy has no route for the type.
 */
export function appealWindow(policy: EffectivePolicy, appealType: AppealType): DeadlineRule {
  const route = policy.appeals.find((rule) => rule.type === appealType);
  const first = route?.stages[0];
  if (!first)
    throw new DomainError('policy.no_appeal_route', {
      type: appealType,
      policy: policy.id,
      version: policy.version,
    });
  return first.filingWindowWhenFirst ?? first.filingWindow;
}

/** The last day to appeal, and whether it rests on a year whose holiday schedule is missing. */
export type AppealDeadline = Uncertainty & { rule: DeadlineRule; dueDate: LocalDate };

const NOON_MS = 12 * 3_600_000;

/**
 * The last day to appeal a decision received on `receivedOn`: the receipt day does not count, and a
 * period in days or months that ends on a day off moves to the next working day (民法典 第二百零一条至
 * 第二百零三条, as the deadline clock counts).
 */
export function appealDeadline(
  policy: EffectivePolicy,
  appealType: AppealType,
  receivedOn: LocalDate,
  calendar: WorkingDayCalendar,
): AppealDeadline {
  const rule = appealWindow(policy, appealType);
  // Seen on the day of receipt: nothing has paused or extended the window yet.
  const seenOn = new Date(startOfBeijingDay(receivedOn).getTime() + NOON_MS);
  const status = deadlineStatus(startDeadline(rule, receivedOn), calendar, seenOn);
  return { rule, dueDate: status.dueDate, uncertain: status.uncertain, missingYears: status.missingYears };
}

/**
 * Whether a decided outcome must wait for the higher-level commission's approval before it takes
 * effect (DESIGN §3.1). Only a tolerance (exempt or mitigate) needs it; a refusal takes the ordinary
 * course.
 */
export function requiresHigherApproval(policy: EffectivePolicy, outcome: Outcome): boolean {
  return policy.higherLevelApprovalRequired && outcome !== 'refuse';
}

/**
 * Whether the policy publishes this outcome (公示/通报, DOMAIN §4.1 Step 7). The cadre's consent,
 * where `policy.publicity.requireConsent`, is a separate step before publishing.
 */
export function publicityRequired(policy: EffectivePolicy, outcome: Outcome): boolean {
  return policy.publicity.publishOutcomes.includes(outcome);
}
