import type { MatterDetail, MatterRecord, Outcome, Participant } from '../../api/matterTypes.ts';

/**
 * The matter detail carries the facts, proposal and decision as JSON the contract leaves open
 * (`unknown`). These readers take what the pages show and ignore anything else, so a shape the page
 * does not know shows less instead of crashing.
 */

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const OUTCOMES: readonly Outcome[] = ['exempt', 'mitigate', 'refuse'];
const outcomeOf = (v: unknown): Outcome | null => (OUTCOMES.includes(v as Outcome) ? (v as Outcome) : null);

/** 责令纠错 as proposed (measures as typed) or decided (one measure per line, with the due date). */
export type CorrectionView = {
  measures: string[];
  responsible: string;
  deadlineWorkingDays: number | null;
  deadline: string | null;
};

function correctionOf(v: unknown): CorrectionView | null {
  if (!isObject(v)) return null;
  const measures = Array.isArray(v.measures)
    ? strings(v.measures)
    : (str(v.measures) ?? '')
        .split(/\n+/)
        .map((s) => s.trim())
        .filter(Boolean);
  return {
    measures,
    responsible: str(v.responsible) ?? '',
    deadlineWorkingDays: typeof v.deadlineWorkingDays === 'number' ? v.deadlineWorkingDays : null,
    deadline: str(v.deadline),
  };
}

export type FactsView = {
  conductDate: string | null;
  gates: Record<string, boolean | 'yes' | 'no' | 'emergency_reported'>;
  situations: string[];
  exclusions: string[];
  mitigating: string[];
  aggravating: string[];
  preRegistration: string | null;
  breachOutstanding: boolean;
};

export function readFacts(value: unknown): FactsView | null {
  if (!isObject(value)) return null;
  const gates: FactsView['gates'] = {};
  if (isObject(value.gates)) {
    for (const [id, answer] of Object.entries(value.gates)) {
      if (
        typeof answer === 'boolean' ||
        answer === 'yes' ||
        answer === 'no' ||
        answer === 'emergency_reported'
      )
        gates[id] = answer;
    }
  }
  return {
    conductDate: str(value.conductDate),
    gates,
    situations: strings(value.situations),
    exclusions: strings(value.exclusions),
    mitigating: strings(value.mitigating),
    aggravating: strings(value.aggravating),
    preRegistration: str(value.preRegistration),
    breachOutstanding: value.breachOutstanding === true,
  };
}

export type ProposalView = {
  outcome: Outcome | null;
  analysis: string | null;
  measure: string | null;
  correctionOrder: CorrectionView | null;
  departureReason: string | null;
  exclusionJustification: string | null;
  proposedByName: string | null;
  proposedOn: string | null;
};

export function readProposal(value: unknown): ProposalView | null {
  if (!isObject(value)) return null;
  return {
    outcome: outcomeOf(value.outcome),
    analysis: str(value.analysis),
    measure: str(value.measure),
    correctionOrder: correctionOf(value.correctionOrder),
    departureReason: str(value.departureReason),
    exclusionJustification: str(value.exclusionJustification),
    proposedByName: str(value.proposedByName),
    proposedOn: str(value.proposedOn),
  };
}

export type DecisionView = {
  outcome: Outcome | null;
  measure: string | null;
  correctionOrder: CorrectionView | null;
  decidedOn: string | null;
  departureReason: string | null;
};

export function readDecision(value: unknown): DecisionView | null {
  if (!isObject(value) || !outcomeOf(value.outcome)) return null;
  return {
    outcome: outcomeOf(value.outcome),
    measure: str(value.measure),
    correctionOrder: correctionOf(value.correctionOrder),
    decidedOn: str(value.decidedOn),
    departureReason: str(value.departureReason),
  };
}

/** A verification task (核实任务) from its record. */
export type TaskView = {
  id: string;
  kind: string;
  description: string;
  dueOn: string | null;
  open: boolean;
  result: string | null;
  completedOn: string | null;
  createdAt: string;
};

export function tasksOf(records: readonly MatterRecord[]): TaskView[] {
  return records
    .filter((r) => r.kind === 'task')
    .map((r) => ({
      id: r.id,
      kind: str(r.data.kind) ?? 'inquiry',
      description: str(r.data.description) ?? '',
      dueOn: str(r.data.dueOn),
      open: r.status === 'open',
      result: r.text,
      completedOn: str(r.data.completedOn),
      createdAt: r.createdAt,
    }));
}

/** Records shown in the verification tab rather than the general list. */
export const VERIFICATION_KINDS: ReadonlySet<string> = new Set(['task', 'unit_opinion', 'findings']);

/** The votes counted for display (the server's tally decides; this only shows who voted what). */
export function countVotes(participants: readonly Participant[]) {
  const counts = { members: participants.length, present: 0, recused: 0, exempt: 0, mitigate: 0, refuse: 0 };
  for (const p of participants) {
    if (p.recused) counts.recused += 1;
    else if (p.present) counts.present += 1;
    if (p.vote && !p.recused) counts[p.vote] += 1;
  }
  return counts;
}

/** Whether the user appears among the meeting's participants, and how. */
export function ownParticipation(detail: Pick<MatterDetail, 'meeting'>, userId: string): Participant | null {
  return detail.meeting?.participants.find((p) => p.userId === userId) ?? null;
}
