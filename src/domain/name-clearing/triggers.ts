/**
 * The trigger check of a name clearing (研判是否澄清, DOMAIN §6.2): clearing is called for when any of
 * the policy's triggers holds (Hubei Art. 6) and none of its exclusions applies (Jiangxi) — the
 * exclusions prevail, as a negative list does. Which items hold is the officer's finding; this module
 * checks the finding against the policy version the matter is handled under and words the result.
 */
import { DomainError } from '../errors.ts';
import type { NameClearingItem, NameClearingRules } from '../policy/types.ts';

export type TriggerCheckInput = {
  /** Ids of the triggers that hold. */
  triggers: readonly string[];
  /** Ids of the exclusions that apply. */
  exclusions: readonly string[];
  /** Why an open item (`requiresReason`, e.g. T4 "other cases") holds, by its id. */
  itemReasons?: Readonly<Record<string, string>>;
};

export type TriggerCheckResult = 'required' | 'excluded' | 'not_triggered';

export type TriggerCheck = {
  result: TriggerCheckResult;
  triggers: NameClearingItem[];
  exclusions: NameClearingItem[];
  /** Why, citing the clauses, in both languages. */
  explanation: { zh: string; en: string };
};

const LISTS = {
  triggers: { zh: '澄清正名启动情形', en: 'name-clearing trigger' },
  exclusions: { zh: '不予澄清情形', en: 'name-clearing exclusion' },
} as const;

function itemsOf(
  rules: NameClearingRules,
  list: keyof typeof LISTS,
  ids: readonly string[],
  itemReasons: Readonly<Record<string, string>>,
): NameClearingItem[] {
  return ids.map((id, i) => {
    if (ids.indexOf(id) !== i) throw new DomainError('name_clearing.item_repeated', { id }, `${list}[${i}]`);
    const item = rules[list].find((candidate) => candidate.id === id);
    if (!item)
      throw new DomainError(
        'name_clearing.unknown_item',
        { id, listZh: LISTS[list].zh, listEn: LISTS[list].en },
        `${list}[${i}]`,
      );
    if (item.requiresReason && !itemReasons[id]?.trim())
      throw new DomainError(
        'name_clearing.item_reason_required',
        { id, label: item.labelZh },
        `itemReasons.${id}`,
      );
    return item;
  });
}

const labels = (items: readonly NameClearingItem[], lang: 'zh' | 'en') =>
  items
    .map((item) => `${item.id} ${lang === 'zh' ? item.labelZh : item.labelEn}（${item.clause}）`)
    .join(lang === 'zh' ? '；' : '; ');

/**
 * Checks the officer's finding against the policy's rules.
 * @throws DomainError('name_clearing.unknown_item' | 'name_clearing.item_repeated' |
 *   'name_clearing.item_reason_required')
 */
export function checkTriggers(rules: NameClearingRules, input: TriggerCheckInput): TriggerCheck {
  const reasons = input.itemReasons ?? {};
  const triggers = itemsOf(rules, 'triggers', input.triggers, reasons);
  const exclusions = itemsOf(rules, 'exclusions', input.exclusions, reasons);
  // A reason explains an item found to hold; one for any other item is a mistake in the form.
  for (const id of Object.keys(reasons))
    if (!input.triggers.includes(id) && !input.exclusions.includes(id))
      throw new DomainError('name_clearing.item_reason_unexpected', { id }, `itemReasons.${id}`);
  if (exclusions.length > 0)
    return {
      result: 'excluded',
      triggers,
      exclusions,
      explanation: {
        zh: `存在不予澄清情形：${labels(exclusions, 'zh')}，不予澄清正名。`,
        en: `An exclusion applies: ${labels(exclusions, 'en')}; no clearing.`,
      },
    };
  if (triggers.length > 0)
    return {
      result: 'required',
      triggers,
      exclusions,
      explanation: {
        zh: `符合澄清正名启动情形：${labels(triggers, 'zh')}，应当在征求本人意见后予以澄清正名。`,
        en: `A trigger holds: ${labels(triggers, 'en')}; the cadre is to be consulted and cleared.`,
      },
    };
  return {
    result: 'not_triggered',
    triggers,
    exclusions,
    explanation: {
      zh: '不符合任何澄清正名启动情形，不予澄清正名。',
      en: 'No trigger holds; no clearing.',
    },
  };
}
