/**
 * The decision as `matters.decision` stores it (jsonb): what the deciding body decided, how it
 * counted, and — once reviewed — the review and the original it replaced. The minutes themselves
 * are not here: they are sensitive and go SM4-encrypted into `meetings.minutes_enc`.
 */
import type { LocalDate } from '../../../domain/calendar/local-date.ts';
import type { AppealType, Outcome } from '../../../domain/policy/types.ts';
import type { DecisionFlag, Tally } from '../../../domain/tolerance/decision.ts';
import type { ConsistencyRecord } from '../../../domain/consistency/divergence.ts';

/** 责令纠错 as decided: the deadline is fixed in working days from the decision day. */
export type StoredCorrectionOrder = {
  responsible: string;
  measures: string[];
  deadlineWorkingDays: number;
  deadline: LocalDate;
};

/** The count as recorded: the numbers, and who dissented (their opinions stay on the participant rows). */
export type StoredTally = Omit<Tally, 'dissent'> & { dissent: { memberId: string; outcome: Outcome }[] };

export type StoredReview = {
  result: 'upheld' | 'varied';
  decidedOn: LocalDate;
  decidedBy: string;
  panel: string[];
};

export type StoredDecision = {
  outcome: Outcome;
  /** 减责: the measure taken instead of the ordinary sanction. */
  measure: string | null;
  correctionOrder: StoredCorrectionOrder | null;
  departs: boolean;
  flags: DecisionFlag[];
  departureReason: string | null;
  exclusionJustification: string | null;
  tally: StoredTally;
  meetingId: string;
  /** The day the deciding body met (集体研究). */
  heldOn: LocalDate;
  decidedOn: LocalDate;
  /** The commission leader who issued the decision: an original decider for the review panel rule. */
  decidedBy: string;
  /** What kind of decision the tolerance travels with; it fixes the appeal route and window. */
  appealType: AppealType;
  approval?: { approvedOn: LocalDate; approvedBy: string };
  review?: StoredReview;
  /** Set when a review varied the decision: the decision as first taken. */
  original?: StoredDecision;
  /** 偏离提示: the nearest decided matters it was checked against, and the reason if it diverged. */
  consistency?: ConsistencyRecord;
};

/** The stored decision of a matter; throws if there is none (callers run after `decide`). */
export function storedDecision(decision: unknown): StoredDecision {
  if (decision === null || typeof decision !== 'object' || !('outcome' in decision))
    throw new Error('matter has no stored decision');
  return decision as StoredDecision;
}

/** The tally without the dissenters' opinions (kept on the participant rows, not copied around). */
export function storedTally(tally: Tally): StoredTally {
  return { ...tally, dissent: tally.dissent.map((v) => ({ memberId: v.memberId, outcome: v.outcome })) };
}
