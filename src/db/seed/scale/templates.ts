/**
 * The jsonb a matter carries once facts are recorded and a decision taken, in the shapes the step
 * handlers store (facts, the policy engine's recommendation, the proposal, the stored decision).
 * The recommendation is computed once per outcome by the real policy engine; SQL then only patches
 * the county into it, so a million matters do not ship a million copies of the same reasons.
 */
import { addCalendarDays, type LocalDate } from '../../../domain/calendar/local-date.ts';
import { evaluateWithPolicy, type EffectivePolicy, type Facts, type Outcome } from '../../../domain/policy/index.ts';
import type { ToleranceRoute } from '../../../domain/tolerance/procedure.ts';

const GOOD = {
  gates: { G1: true, G2: true, G3: 'yes', G4: true, G5: true, G6: true, G7: true },
  situations: ['S3'],
  exclusions: [],
  preRegistration: 'not_required',
  breachOutstanding: false,
  mitigating: ['M1', 'M3'],
  aggravating: [],
} as const;

const FACTS: Record<Outcome, Omit<Facts, 'conductDate' | 'route' | 'jurisdiction'>> = {
  exempt: { ...GOOD, gates: { ...GOOD.gates }, situations: [...GOOD.situations], exclusions: [], mitigating: [...GOOD.mitigating], aggravating: [] },
  mitigate: { ...GOOD, gates: { ...GOOD.gates, G3: 'no' }, situations: ['S2'], exclusions: [], mitigating: [...GOOD.mitigating], aggravating: [], breachOutstanding: true },
  refuse: { ...GOOD, gates: { ...GOOD.gates, G1: false }, situations: [...GOOD.situations], exclusions: [], mitigating: [...GOOD.mitigating], aggravating: [] },
};

/** The measure of every synthetic mitigation (decisions and ledger entries). */
export const MEASURE = '对其进行批评教育，免予问责';
const CORRECTION = { measures: '完善集体决策程序，补办相关手续', responsible: '所在单位主要负责人', deadlineWorkingDays: 20 };
const ANALYSIS: Record<Outcome, string> = {
  exempt: '经对照“三个区分开来”，当事人出于公心、为推动工作，未谋取私利。',
  mitigate: '程序存在瑕疵，但出于公心，已主动挽回损失。',
  refuse: '不符合容错条件。',
};

/** Facts as `record_facts` stores them. */
export function factsJson(outcome: Outcome, route: ToleranceRoute, conductDate: LocalDate, jurisdictionCode: string): string {
  return JSON.stringify({ ...FACTS[outcome], route, conductDate, jurisdiction: jurisdictionCode });
}

/** The policy engine's recommendation per outcome, with the county left for SQL to fill in. */
export function recommendationTemplates(policy: EffectivePolicy): Record<Outcome, unknown> {
  const out = {} as Record<Outcome, unknown>;
  for (const outcome of ['exempt', 'mitigate', 'refuse'] as const) {
    const facts: Facts = { ...FACTS[outcome], conductDate: '2020-01-01' as LocalDate, route: 'own_application', jurisdiction: 'X' };
    out[outcome] = evaluateWithPolicy(facts, policy);
  }
  return out;
}

export function proposalJson(outcome: Outcome, by: { id: string; name: string }, on: LocalDate): string {
  return JSON.stringify({
    flags: [],
    measure: outcome === 'mitigate' ? MEASURE : null,
    outcome,
    analysis: ANALYSIS[outcome],
    proposedBy: by.id,
    proposedOn: on,
    exclusionsHit: [],
    proposedByName: by.name,
    recommendation: outcome,
    correctionOrder: outcome === 'mitigate' ? CORRECTION : null,
    departureReason: null,
    exclusionJustification: null,
  });
}

export type DecisionInput = {
  outcome: Outcome;
  votes: number;
  meetingId: string;
  decidedOn: LocalDate;
  decidedBy: string;
  review?: { decidedOn: LocalDate; decidedBy: string; panel: string[] };
};

/** The stored decision (see usecases/tolerance/steps/stored-decision.ts). */
export function decisionJson(d: DecisionInput): string {
  const tally = { exempt: 0, mitigate: 0, refuse: 0, [d.outcome]: d.votes };
  return JSON.stringify({
    flags: [],
    tally: { tally, dissent: [], outcome: d.outcome, quorumMet: true, membersCount: 6, presentCount: 5, recusedCount: 0, eligibleCount: 5, entitledCount: 6 },
    heldOn: d.decidedOn,
    departs: false,
    measure: d.outcome === 'mitigate' ? MEASURE : null,
    outcome: d.outcome,
    decidedBy: d.decidedBy,
    decidedOn: d.decidedOn,
    meetingId: d.meetingId,
    appealType: 'party_accountability',
    correctionOrder:
      d.outcome === 'mitigate'
        ? { deadline: addCalendarDays(d.decidedOn, 28), measures: [CORRECTION.measures], responsible: CORRECTION.responsible, deadlineWorkingDays: CORRECTION.deadlineWorkingDays }
        : null,
    departureReason: null,
    exclusionJustification: null,
    ...(d.review ? { review: { result: 'upheld', ...d.review } } : {}),
  });
}

/** Document kind and title of the determination for an outcome. */
export function determinationOf(outcome: Outcome, name: string): { kind: string; title: string } {
  if (outcome === 'exempt') return { kind: 'tolerance_exempt', title: `关于${name}同志容错免责的认定决定书` };
  if (outcome === 'mitigate') return { kind: 'tolerance_mitigate', title: `关于${name}同志容错减责的认定决定书` };
  return { kind: 'tolerance_refused', title: `关于${name}同志不予容错的决定书` };
}

/** A document body of realistic length (the generator does not render or sign synthetic documents). */
export const DOCUMENT_BODY = [
  '根据《关于进一步激励广大干部新时代新担当新作为的意见》和本地容错纠错实施办法，经受理、核实、集体研究，现将有关事项告知如下。',
  '经核实，当事人在推进重点工作中出于公心、为推动发展，决策程序虽有瑕疵，但未谋取私利，并已主动采取措施挽回损失、消除影响。',
  '经常委会会议集体研究，依据相关规定作出本决定。如对本决定不服，可以自收到本决定之日起一个月内向本机关提出申诉。',
  '申诉期间，不停止本决定的执行。特此通知。',
];
