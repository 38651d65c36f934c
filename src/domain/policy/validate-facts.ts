import { DomainError } from '../errors.ts';
import type { EffectivePolicy, Facts } from './types.ts';

const LISTS = {
  situations: { listZh: '可容错情形', listEn: 'tolerable situation' },
  exclusions: { listZh: '负面清单情形', listEn: 'exclusion' },
  mitigating: { listZh: '从轻情节', listEn: 'mitigating circumstance' },
  aggravating: { listZh: '从重情节', listEn: 'aggravating circumstance' },
} as const;

/**
 * Rejects facts that name an item none of `policies` defines (e.g. situation 'S99'), naming the field
 * ('gates.G9', 'situations[0]'). Several policies are passed when old and new versions are compared
 * (从旧兼从轻): an item of either version is accepted.
 * @throws DomainError('facts.unknown_item')
 */
export function validateFactsAgainstPolicy(
  facts: Facts,
  policies: EffectivePolicy | readonly EffectivePolicy[],
): void {
  const all = Array.isArray(policies)
    ? (policies as readonly EffectivePolicy[])
    : [policies as EffectivePolicy];
  const known = (pick: (policy: EffectivePolicy) => { id: string }[]) =>
    new Set(all.flatMap((policy) => pick(policy).map((item) => item.id)));

  const gates = known((policy) => policy.gates);
  for (const id of Object.keys(facts.gates)) {
    if (!gates.has(id)) {
      throw new DomainError(
        'facts.unknown_item',
        { id, listZh: '前提条件', listEn: 'gate condition' },
        `gates.${id}`,
      );
    }
  }
  for (const list of Object.keys(LISTS) as (keyof typeof LISTS)[]) {
    const ids = known((policy) => policy[list]);
    facts[list].forEach((id, index) => {
      if (!ids.has(id))
        throw new DomainError('facts.unknown_item', { id, ...LISTS[list] }, `${list}[${index}]`);
    });
  }
}
