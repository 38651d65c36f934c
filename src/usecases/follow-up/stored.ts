/**
 * What a follow-up matter stores (jsonb on `matters`): the plan in `proposal`, and in `decision` the
 * outcome as it builds up — the grade, the reuse recommendation with its reasons, its delivery to the
 * organisation department and the department's receipt. The register form's free text (what the team
 * found, the cadre's attitude, the talk) is a `visit` record, encrypted; the interview outline is the
 * matter's encrypted summary. The outcome ledger (issue 8) reads reuse decisions from here.
 */
import type { LocalDate } from '../../domain/calendar/local-date.ts';
import type { Visitor, VisitGrade, VisitMethod } from '../../domain/follow-up/procedure.ts';

export type StoredPlan = {
  plannedOn: LocalDate;
  /** The team planned; the visit record names who actually went. */
  visitors: Visitor[];
  /** 教育关爱帮带人. */
  mentor: string | null;
};

export type StoredOutcome = {
  grade: { value: VisitGrade; reasons: string; gradedOn: LocalDate } | null;
  /** The commission's recommendation (cleared when the leader returns it for revision). */
  reuse: { recommended: boolean; reasons: string; suggestedUse: string | null; decidedOn: LocalDate } | null;
  delivery: { deliveredOn: LocalDate; documentId: string; note: string | null } | null;
  receipt: { receivedOn: LocalDate; note: string | null } | null;
};

export const EMPTY_OUTCOME: StoredOutcome = { grade: null, reuse: null, delivery: null, receipt: null };

/** The register form's facts of a visit (`matter_records.data` of kind 'visit'). */
export type StoredVisitData = {
  visitedOn: LocalDate;
  place: string | null;
  methods: VisitMethod[];
  visitors: Visitor[];
};

/** The register form's free text (encrypted as the record's text, JSON). */
export type StoredVisitText = {
  politicalThinking: string;
  conduct: string;
  work: string;
  sanctionExecution: string;
  attitude: string;
  talk: string;
  unitOpinion: string | null;
};

export function planOf(proposal: unknown): StoredPlan {
  if (proposal === null || typeof proposal !== 'object' || !('plannedOn' in proposal))
    throw new Error('follow-up matter has no stored plan');
  return proposal as StoredPlan;
}

export function outcomeOf(decision: unknown): StoredOutcome {
  return decision === null || typeof decision !== 'object'
    ? EMPTY_OUTCOME
    : { ...EMPTY_OUTCOME, ...(decision as Partial<StoredOutcome>) };
}
