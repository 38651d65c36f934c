/** The policy engine: versioned policies per jurisdiction, and recommendations from established facts. */
export * from './types.ts';
export { findPolicyDefinition, resolvePolicy } from './inherit.ts';
export { policyInForce, type VersionChoice } from './select-version.ts';
export { evaluate, evaluateWithPolicy, rank, type EvaluateOptions } from './evaluate.ts';
export { validateFactsAgainstPolicy } from './validate-facts.ts';
export { checkDeparture, departsFromRecommendation, type DepartureCheck } from './departure.ts';
export { quorumResult, type VoteCount } from './quorum.ts';
export { OUTCOME_ZH } from './reasons.ts';
export { DEMO_JURISDICTION_CHAINS, SHIPPED_POLICIES, demoJurisdictionChain } from './policies/index.ts';
