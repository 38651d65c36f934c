import { isLocalDate } from '../calendar/local-date.ts';
import { DomainError } from '../errors.ts';
import { DEFAULT_NAME_CLEARING_RULES } from './policies/name-clearing.ts';
import type {
  AppealRule,
  BasePolicyDefinition,
  EffectivePolicy,
  ListChanges,
  NameClearingRules,
  PolicyChanges,
  PolicyContent,
  PolicyDefinition,
  PolicyRef,
} from './types.ts';

/**
 * The definition `id` at `version`, or its latest version when `version` is omitted.
 * @throws DomainError('policy.not_found')
 */
export function findPolicyDefinition(
  definitions: readonly PolicyDefinition[],
  id: string,
  version?: string,
): PolicyDefinition {
  const versions = definitions.filter((definition) => definition.id === id);
  const found =
    version === undefined
      ? versions.reduce<PolicyDefinition | undefined>(
          (latest, d) => (!latest || d.version > latest.version ? d : latest),
          undefined,
        )
      : versions.find((definition) => definition.version === version);
  if (!found) throw new DomainError('policy.not_found', { id, version: version ?? 'latest' });
  return found;
}

/**
 * The fully merged policy: a derived definition's changes applied on top of its (recursively
 * resolved) parent, in the order drop → change → add for each list. Header fields are the child's.
 * @throws DomainError('policy.not_found' | 'policy.invalid') for a missing parent, a cycle, a change
 *   to an item that does not exist, or duplicate ids.
 */
export function resolvePolicy(
  definitions: readonly PolicyDefinition[],
  id: string,
  version?: string,
): EffectivePolicy {
  return resolve(definitions, findPolicyDefinition(definitions, id, version), []);
}

function resolve(
  definitions: readonly PolicyDefinition[],
  definition: PolicyDefinition,
  seen: PolicyRef[],
): EffectivePolicy {
  const ref = { id: definition.id, version: definition.version };
  if (seen.some((s) => s.id === ref.id && s.version === ref.version))
    invalid(ref, '继承关系成环', 'inheritance forms a cycle');
  const { id, jurisdiction, version, issuedBy, title } = definition;
  const header = { id, jurisdiction, version, issuedBy, title };
  let policy: EffectivePolicy;
  if (definition.parent === undefined) {
    policy = {
      ...contentOf(definition),
      nameClearing: definition.nameClearing ?? DEFAULT_NAME_CLEARING_RULES,
      ...header,
      lineage: [ref],
    };
  } else {
    const parentDefinition = findPolicyDefinition(
      definitions,
      definition.parent.id,
      definition.parent.version,
    );
    const parent = resolve(definitions, parentDefinition, [...seen, ref]);
    const { changes } = definition;
    const content: PolicyContent = {
      gates: applyList(parent.gates, changes.gates, ref, 'gates'),
      situations: applyList(parent.situations, changes.situations, ref, 'situations'),
      exclusions: applyList(parent.exclusions, changes.exclusions, ref, 'exclusions'),
      mitigating: applyList(parent.mitigating, changes.mitigating, ref, 'mitigating'),
      aggravating: applyList(parent.aggravating, changes.aggravating, ref, 'aggravating'),
      timeLimits: { ...parent.timeLimits, ...changes.timeLimits },
      decidingBody: changes.decidingBody ?? parent.decidingBody,
      quorum: changes.quorum ?? parent.quorum,
      publicity: changes.publicity ?? parent.publicity,
      higherLevelApprovalRequired: changes.higherLevelApprovalRequired ?? parent.higherLevelApprovalRequired,
      appeals: mergeAppeals(parent.appeals, changes.appeals ?? []),
      influencePeriods: applyList(parent.influencePeriods, changes.influencePeriods, ref, 'influencePeriods'),
      ruleClauses: { ...parent.ruleClauses, ...changes.ruleClauses },
    };
    policy = {
      ...content,
      nameClearing: mergeNameClearing(parent.nameClearing, changes.nameClearing, ref),
      ...header,
      lineage: [...parent.lineage, ref],
    };
  }
  check(policy, ref);
  return policy;
}

function contentOf(definition: BasePolicyDefinition): PolicyContent {
  const { gates, situations, exclusions, mitigating, aggravating, timeLimits, decidingBody, quorum } =
    definition;
  const { publicity, higherLevelApprovalRequired, appeals, influencePeriods, ruleClauses } = definition;
  return {
    ...{ gates, situations, exclusions, mitigating, aggravating, timeLimits, decidingBody, quorum },
    ...{ publicity, higherLevelApprovalRequired, appeals, influencePeriods, ruleClauses },
  };
}

function applyList<T extends { id: string }>(
  items: readonly T[],
  changes: ListChanges<T> | undefined,
  ref: PolicyRef,
  list: string,
): T[] {
  if (!changes) return [...items];
  const missing = (itemId: string) =>
    invalid(
      ref,
      `${list} 中没有可修改或删除的条目 ${itemId}`,
      `${list} has no item ${itemId} to change or drop`,
    );
  for (const itemId of changes.drop ?? []) if (!items.some((item) => item.id === itemId)) missing(itemId);
  let result = items.filter((item) => !changes.drop?.includes(item.id));
  for (const change of changes.change ?? []) {
    if (!result.some((item) => item.id === change.id)) missing(change.id);
    result = result.map((item) => (item.id === change.id ? { ...item, ...change } : item));
  }
  for (const added of changes.add ?? []) {
    if (result.some((item) => item.id === added.id)) {
      invalid(ref, `${list} 中已有条目 ${added.id}`, `${list} already has an item ${added.id}`);
    }
    result.push(added);
  }
  return result;
}

/** 澄清正名 rules of a derived policy: its item changes on the parent's triggers and exclusions. */
function mergeNameClearing(
  parent: NameClearingRules,
  changes: PolicyChanges['nameClearing'],
  ref: PolicyRef,
): NameClearingRules {
  if (!changes) return parent;
  return {
    triggers: applyList(parent.triggers, changes.triggers, ref, 'nameClearing.triggers'),
    exclusions: applyList(parent.exclusions, changes.exclusions, ref, 'nameClearing.exclusions'),
    clause: changes.clause ?? parent.clause,
  };
}

function mergeAppeals(parent: readonly AppealRule[], replacements: readonly AppealRule[]): AppealRule[] {
  const replaced = new Map(replacements.map((rule) => [rule.type, rule]));
  const kept = parent.map((rule) => replaced.get(rule.type) ?? rule);
  return [...kept, ...replacements.filter((rule) => !parent.some((p) => p.type === rule.type))];
}

function check(policy: EffectivePolicy, ref: PolicyRef): void {
  if (!isLocalDate(policy.version))
    invalid(ref, '施行日期不是有效日期', 'the effective date is not a real date');
  const lists = [
    'gates',
    'situations',
    'exclusions',
    'mitigating',
    'aggravating',
    'influencePeriods',
  ] as const;
  for (const list of lists) {
    const ids = policy[list].map((item) => item.id);
    const duplicate = ids.find((itemId, index) => ids.indexOf(itemId) !== index);
    if (duplicate) invalid(ref, `${list} 中条目 ${duplicate} 重复`, `${list} lists ${duplicate} twice`);
  }
  for (const list of ['triggers', 'exclusions'] as const) {
    const ids = policy.nameClearing[list].map((item) => item.id);
    const duplicate = ids.find((itemId, index) => ids.indexOf(itemId) !== index);
    if (duplicate)
      invalid(
        ref,
        `nameClearing.${list} 中条目 ${duplicate} 重复`,
        `nameClearing.${list} lists ${duplicate} twice`,
      );
  }
  const badGate = policy.gates.find((gate) => !/^G[1-9]\d*$/.test(gate.id));
  if (badGate)
    invalid(ref, `要件编号 ${badGate.id} 应为 G 加数字`, `gate id ${badGate.id} must be G and a number`);
  const badPeriod = policy.influencePeriods.find(
    (rule) =>
      (rule.months !== null && !(Number.isInteger(rule.months) && rule.months > 0 && rule.months <= 600)) ||
      (rule.months === null && rule.reusable),
  );
  if (badPeriod)
    invalid(
      ref,
      `影响期 ${badPeriod.id} 应为 1 至 600 个整月；无期限的不得重新使用`,
      `influence period ${badPeriod.id} must be 1 to 600 whole months; one without an end cannot allow reuse`,
    );
  const { minPresentFraction, passFraction } = policy.quorum;
  if (!(minPresentFraction > 0 && minPresentFraction <= 1 && passFraction >= 0 && passFraction < 1)) {
    invalid(ref, '法定人数比例应在 0 与 1 之间', 'quorum fractions must lie between 0 and 1');
  }
}

function invalid(ref: PolicyRef, problemZh: string, problemEn: string): never {
  throw new DomainError('policy.invalid', { id: ref.id, version: ref.version, problemZh, problemEn });
}
