import type { LocalDate } from '../calendar/local-date.ts';
import { DomainError } from '../errors.ts';
import { resolvePolicy } from './inherit.ts';
import { reasons } from './reasons.ts';
import { policyInForce, type VersionChoice } from './select-version.ts';
import {
  OUTCOME_ORDER,
  type EffectivePolicy,
  type Facts,
  type GateDefinition,
  type Outcome,
  type PolicyDefinition,
  type Reason,
  type Recommendation,
} from './types.ts';
import { validateFactsAgainstPolicy } from './validate-facts.ts';

/** Where and when the recommendation is made. */
export type EvaluateOptions = {
  /** The facts' jurisdiction and its ancestors, most specific first; empty for the national default. */
  jurisdictionChain: readonly string[];
  /** The day the recommendation is made; the version in force then is the "new" one of 从旧兼从轻. */
  decisionDate: LocalDate;
};

/**
 * Recommends exempt / mitigate / refuse for established facts (FACTS.md), never deciding. Picks the
 * policy version in force on the conduct date and, when the version in force on the decision date
 * gives a lighter class for the same facts, that one instead (从旧兼从轻), saying so in the reasons.
 * @throws DomainError('facts.conduct_after_decision' | 'facts.jurisdiction_mismatch' |
 *   'facts.unknown_item' | 'policy.none_applicable' | 'policy.not_found' | 'policy.invalid')
 */
export function evaluate(
  facts: Facts,
  definitions: readonly PolicyDefinition[],
  options: EvaluateOptions,
): Recommendation {
  const { jurisdictionChain: chain, decisionDate } = options;
  if (facts.conductDate > decisionDate) {
    throw new DomainError(
      'facts.conduct_after_decision',
      { conductDate: facts.conductDate, decisionDate },
      'conductDate',
    );
  }
  if (facts.jurisdiction !== undefined && chain[0] !== facts.jurisdiction) {
    const details = { jurisdiction: facts.jurisdiction, expected: chain[0] ?? 'default' };
    throw new DomainError('facts.jurisdiction_mismatch', details, 'jurisdiction');
  }
  const atConduct = policyInForce(definitions, chain, facts.conductDate);
  const atDecision = policyInForce(definitions, chain, decisionDate);
  const old = resolveChoice(definitions, atConduct);
  const later = atDecision.definition === atConduct.definition ? old : resolveChoice(definitions, atDecision);
  validateFactsAgainstPolicy(facts, [old, later]);

  const underOld = evaluateWithPolicy(facts, old);
  if (later !== old) {
    const underLater = evaluateWithPolicy(facts, later);
    if (rank(underLater.recommendation) < rank(underOld.recommendation)) {
      const lighter = reasons.versionLighter(old, underOld.recommendation, later, underLater.recommendation);
      return { ...underLater, reasons: [...underLater.reasons, lighter] };
    }
  }
  const basis =
    atConduct.basis === 'fallback'
      ? [reasons.versionFallback(old, facts.conductDate)]
      : atConduct.basis === 'before_all'
        ? [reasons.versionBeforeAll(old, facts.conductDate)]
        : [];
  return { ...underOld, reasons: [...underOld.reasons, ...basis] };
}

/**
 * The eight default rules of FACTS.md, in order, under one resolved policy (e.g. the exact version a
 * decided matter was decided under). Items the policy does not list are disregarded and named in a
 * 'not_in_version' reason; call `validateFactsAgainstPolicy` first to reject them instead.
 */
export function evaluateWithPolicy(facts: Facts, policy: EffectivePolicy): Recommendation {
  const clauses = policy.ruleClauses;
  const stateOf = (gate: GateDefinition) => gateState(facts.gates[gate.id]);
  const gatesUnknown = policy.gates.filter((gate) => stateOf(gate) === 'unknown');
  const gatesFailed = policy.gates.filter((gate) => stateOf(gate) === 'failed');
  const exclusionsHit = policy.exclusions.filter((item) => facts.exclusions.includes(item.id));
  const situationsMatched = policy.situations.filter((item) => facts.situations.includes(item.id));
  const needingFiling = situationsMatched.filter((situation) => situation.requiresPreRegistration);

  let outcome: Outcome = 'exempt';
  const said: Reason[] = [];
  const apply = (result: Outcome, reason: Reason) => {
    if (rank(result) > rank(outcome)) outcome = result;
    said.push(reason);
  };

  // 1. An unknown gate rules out exemption.
  if (gatesUnknown.length > 0) apply('mitigate', reasons.gatesUnknown(gatesUnknown, clauses.gatesUnknown));
  // 2. Exclusion list (负面清单).
  for (const item of exclusionsHit) apply('refuse', reasons.exclusion(item));
  // 3. A refuse-gate fails.
  for (const gate of gatesFailed.filter((g) => g.effectWhenFailed === 'refuse'))
    apply('refuse', reasons.gateRefuse(gate));
  // 4. No tolerable situation.
  if (situationsMatched.length === 0) apply('refuse', reasons.noSituation(clauses.noSituation));
  // 5. A mitigate-gate fails.
  for (const gate of gatesFailed.filter((g) => g.effectWhenFailed === 'mitigate')) {
    apply('mitigate', reasons.gateMitigate(gate));
  }
  // 6. Pre-registration (事前报备) required but not filed.
  if (needingFiling.length > 0 && facts.preRegistration === 'not_filed') {
    apply('mitigate', reasons.preRegistrationMissing(needingFiling, clauses.preRegistration));
  } else if (needingFiling.length > 0 && facts.preRegistration === 'not_required') {
    said.push(reasons.preRegistrationInconsistent(needingFiling, clauses.preRegistration));
  }
  // 7. Otherwise exempt.
  if (outcome === 'exempt') said.push(reasons.exempt(situationsMatched, clauses.exempt));
  // 8. Correction (纠错) whatever the class.
  const remedyFailed = gatesFailed.find((gate) => gate.ordersCorrectionWhenFailed);
  const correctionRequired = facts.breachOutstanding || remedyFailed !== undefined;
  if (correctionRequired) {
    said.push(
      reasons.correctionRequired({ breach: facts.breachOutstanding, remedyFailed }, clauses.correction),
    );
  }
  // Weighing circumstances shape the reasons only.
  for (const item of policy.mitigating.filter((m) => facts.mitigating.includes(m.id))) {
    said.push(reasons.weighing('mitigating', item));
  }
  for (const item of policy.aggravating.filter((a) => facts.aggravating.includes(a.id))) {
    said.push(reasons.weighing('aggravating', item));
  }
  const unlisted = unlistedIds(facts, policy);
  if (unlisted.length > 0) said.push(reasons.notInVersion(unlisted, policy));

  return {
    recommendation: outcome,
    correctionRequired,
    policy: { id: policy.id, version: policy.version, jurisdiction: policy.jurisdiction },
    exclusionsHit: exclusionsHit.map((item) => item.id),
    gatesFailed: gatesFailed.map((gate) => gate.id),
    gatesUnknown: gatesUnknown.map((gate) => gate.id),
    situationsMatched: situationsMatched.map((item) => item.id),
    reasons: said,
  };
}

/** Position in exempt < mitigate < refuse. */
export function rank(outcome: Outcome): number {
  return OUTCOME_ORDER.indexOf(outcome);
}

function gateState(answer: Facts['gates'][string]): 'met' | 'failed' | 'unknown' {
  if (answer === undefined) return 'unknown';
  // 紧急情况临机处置、事后报告 counts as the procedure having been followed.
  return answer === true || answer === 'yes' || answer === 'emergency_reported' ? 'met' : 'failed';
}

function unlistedIds(facts: Facts, policy: EffectivePolicy): string[] {
  const listed = new Set(
    [policy.gates, policy.situations, policy.exclusions, policy.mitigating, policy.aggravating]
      .flat()
      .map((i) => i.id),
  );
  const named = [
    ...Object.keys(facts.gates),
    ...facts.situations,
    ...facts.exclusions,
    ...facts.mitigating,
    ...facts.aggravating,
  ];
  return named.filter((id) => !listed.has(id));
}

function resolveChoice(definitions: readonly PolicyDefinition[], choice: VersionChoice): EffectivePolicy {
  return resolvePolicy(definitions, choice.definition.id, choice.definition.version);
}
