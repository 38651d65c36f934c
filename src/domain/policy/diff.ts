import type {
  AppealRule,
  Bilingual,
  EffectivePolicy,
  GateDefinition,
  InfluencePeriodRule,
  ListItemDefinition,
  NameClearingItem,
  SituationDefinition,
} from './types.ts';

/** One field whose value differs; null stands for "absent in that version". */
export type FieldChange = { field: string; from: unknown; to: unknown };

/** Items of one list (gates, situations …) added, dropped, or kept under the same id with changed fields. */
export type ListDiff<T extends { id: string }> = {
  added: T[];
  dropped: T[];
  changed: { id: string; changes: FieldChange[] }[];
};

/** What changed from one resolved policy version to another. */
export type PolicyDiff = {
  id: string;
  from: { version: string; title: Bilingual };
  to: { version: string; title: Bilingual };
  /** True when the two versions say the same (header aside). */
  identical: boolean;
  header: FieldChange[];
  gates: ListDiff<GateDefinition>;
  situations: ListDiff<SituationDefinition>;
  exclusions: ListDiff<ListItemDefinition>;
  mitigating: ListDiff<ListItemDefinition>;
  aggravating: ListDiff<ListItemDefinition>;
  timeLimits: FieldChange[];
  /** decidingBody, quorum, publicity, higherLevelApprovalRequired. */
  settings: FieldChange[];
  appeals: {
    added: AppealRule[];
    dropped: AppealRule[];
    changed: { type: string; changes: FieldChange[] }[];
  };
  /** 影响期 rules by sanction type. */
  influencePeriods: ListDiff<InfluencePeriodRule>;
  /** 澄清正名 triggers and exclusions by id, and the clause the letter cites. */
  nameClearing: {
    triggers: ListDiff<NameClearingItem>;
    exclusions: ListDiff<NameClearingItem>;
    clause: FieldChange[];
  };
  ruleClauses: FieldChange[];
};

const SETTINGS = ['decidingBody', 'quorum', 'publicity', 'higherLevelApprovalRequired'] as const;

/**
 * Compares two resolved versions (usually of the same policy, older first): what a reader of the
 * newer one must know — items added, dropped or changed per list, time limits, quorum, publicity,
 * appeal routes and the clauses cited. Values are compared by content, so key order never matters.
 */
export function diffPolicies(from: EffectivePolicy, to: EffectivePolicy): PolicyDiff {
  const gates = diffList(from.gates, to.gates);
  const situations = diffList(from.situations, to.situations);
  const exclusions = diffList(from.exclusions, to.exclusions);
  const mitigating = diffList(from.mitigating, to.mitigating);
  const aggravating = diffList(from.aggravating, to.aggravating);
  const timeLimits = diffRecord(from.timeLimits, to.timeLimits);
  const settings = SETTINGS.flatMap((field) =>
    sameValue(from[field], to[field]) ? [] : [{ field, from: from[field], to: to[field] }],
  );
  const appeals = diffAppeals(from.appeals, to.appeals);
  const influencePeriods = diffList(from.influencePeriods, to.influencePeriods);
  const nameClearing = {
    triggers: diffList(from.nameClearing.triggers, to.nameClearing.triggers),
    exclusions: diffList(from.nameClearing.exclusions, to.nameClearing.exclusions),
    clause: sameValue(from.nameClearing.clause, to.nameClearing.clause)
      ? []
      : [{ field: 'clause', from: from.nameClearing.clause, to: to.nameClearing.clause }],
  };
  const ruleClauses = diffRecord(from.ruleClauses, to.ruleClauses);
  const header = (['title', 'issuedBy', 'jurisdiction'] as const).flatMap((field) =>
    sameValue(from[field], to[field]) ? [] : [{ field, from: from[field], to: to[field] }],
  );
  const lists = [gates, situations, exclusions, mitigating, aggravating, appeals, influencePeriods];
  const nameClearingLists = [nameClearing.triggers, nameClearing.exclusions];
  const identical =
    lists.every((l) => l.added.length === 0 && l.dropped.length === 0 && l.changed.length === 0) &&
    nameClearingLists.every(
      (l) => l.added.length === 0 && l.dropped.length === 0 && l.changed.length === 0,
    ) &&
    timeLimits.length === 0 &&
    settings.length === 0 &&
    ruleClauses.length === 0 &&
    nameClearing.clause.length === 0;
  return {
    id: to.id,
    from: { version: from.version, title: from.title },
    to: { version: to.version, title: to.title },
    identical,
    header,
    ...{ gates, situations, exclusions, mitigating, aggravating },
    ...{ timeLimits, settings, appeals, influencePeriods, ruleClauses, nameClearing },
  };
}

function diffList<T extends { id: string }>(before: readonly T[], after: readonly T[]): ListDiff<T> {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  const changed = after.flatMap((item) => {
    const old = beforeById.get(item.id);
    if (!old) return [];
    const changes = diffRecord(old, item);
    return changes.length > 0 ? [{ id: item.id, changes }] : [];
  });
  return {
    added: after.filter((item) => !beforeById.has(item.id)),
    dropped: before.filter((item) => !afterIds.has(item.id)),
    changed,
  };
}

function diffAppeals(before: readonly AppealRule[], after: readonly AppealRule[]): PolicyDiff['appeals'] {
  const keyed = (rules: readonly AppealRule[]) => rules.map((rule) => ({ ...rule, id: rule.type }));
  const { added, dropped, changed } = diffList(keyed(before), keyed(after));
  const strip = ({ id: _id, ...rule }: AppealRule & { id: string }): AppealRule => rule;
  return {
    added: added.map(strip),
    dropped: dropped.map(strip),
    changed: changed.map(({ id, changes }) => ({ type: id, changes })),
  };
}

function diffRecord(before: object, after: object): FieldChange[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.flatMap((field) =>
    sameValue(a[field], b[field]) ? [] : [{ field, from: a[field] ?? null, to: b[field] ?? null }],
  );
}

/** Structural equality of JSON-like values (policies are plain data). */
function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
