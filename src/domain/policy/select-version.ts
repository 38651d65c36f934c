import type { LocalDate } from '../calendar/local-date.ts';
import { DomainError } from '../errors.ts';
import type { PolicyDefinition } from './types.ts';

/**
 * The version chosen for a date and how: `in_force` (the most specific jurisdiction's version in force),
 * `fallback` (that jurisdiction's own policy was not yet in force, so a parent's or the default was
 * used) or `before_all` (no version anywhere was in force yet, so the earliest was used).
 */
export type VersionChoice = { definition: PolicyDefinition; basis: 'in_force' | 'fallback' | 'before_all' };

/**
 * The policy version in force on `date` for a jurisdiction chain (most specific first; the national
 * default, jurisdiction null, is always tried last): the latest version effective on or before `date`
 * at the first level that has one.
 * @throws DomainError('policy.none_applicable') when no definition exists at any level.
 */
export function policyInForce(
  definitions: readonly PolicyDefinition[],
  jurisdictionChain: readonly string[],
  date: LocalDate,
): VersionChoice {
  const levels = [...jurisdictionChain, null];
  let firstLevelWithPolicies: PolicyDefinition[] | undefined;
  for (const level of levels) {
    const candidates = definitions.filter((definition) => definition.jurisdiction === level);
    if (candidates.length === 0) continue;
    const inForce = candidates.filter((definition) => definition.version <= date);
    if (inForce.length > 0) {
      return { definition: latest(inForce), basis: firstLevelWithPolicies ? 'fallback' : 'in_force' };
    }
    firstLevelWithPolicies ??= candidates;
  }
  if (!firstLevelWithPolicies) {
    throw new DomainError('policy.none_applicable', { chain: [...jurisdictionChain, 'default'] });
  }
  return { definition: earliest(firstLevelWithPolicies), basis: 'before_all' };
}

function latest(definitions: PolicyDefinition[]): PolicyDefinition {
  return [...definitions].sort(byVersionThenId).at(-1)!;
}

function earliest(definitions: PolicyDefinition[]): PolicyDefinition {
  return [...definitions].sort(byVersionThenId)[0]!;
}

function byVersionThenId(a: PolicyDefinition, b: PolicyDefinition): number {
  return a.version === b.version ? a.id.localeCompare(b.id) : a.version < b.version ? -1 : 1;
}
