import type { DeadlineRule } from '../calendar/deadline.ts';
import type { LocalDate } from '../calendar/local-date.ts';

/** A recommendation class, from lightest to heaviest: 免责 · 减责 · 不予容错. */
export type Outcome = 'exempt' | 'mitigate' | 'refuse';

/** Lightest first; `OUTCOME_ORDER.indexOf` ranks outcomes. */
export const OUTCOME_ORDER: readonly Outcome[] = ['exempt', 'mitigate', 'refuse'];

/** A text in Chinese and English. */
export type Bilingual = { zh: string; en: string };

/** A gate condition (前提条件); all must hold for exemption. Ids look like 'G1'. */
export type GateDefinition = {
  id: string;
  labelZh: string;
  labelEn: string;
  effectWhenFailed: 'refuse' | 'mitigate';
  /** Failing this gate means correction must be ordered whatever the outcome (G6, remedial action). */
  ordersCorrectionWhenFailed?: boolean;
  /** Where the rule is written, cited in reasons. */
  clause: string;
};

/** A tolerable situation (可容错情形); at least one must apply. */
export type SituationDefinition = {
  id: string;
  labelZh: string;
  labelEn: string;
  clause: string;
  /** 事前报备: not filing it beforehand limits the outcome to mitigation. */
  requiresPreRegistration: boolean;
};

/** An exclusion-list item (负面清单), a mitigating (M) or an aggravating (A) circumstance. */
export type ListItemDefinition = { id: string; labelZh: string; labelEn: string; clause: string };

/** The time limits of the procedure (DOMAIN §4.2), each counted by the deadline clock. */
export type TimeLimits = {
  acceptance: DeadlineRule;
  verification: DeadlineRule;
  verificationExtension: DeadlineRule;
  appealWindow: DeadlineRule;
  reviewPeriod: DeadlineRule;
  nameClearing: DeadlineRule;
  /** 事前报备 first review (初审), from filing (Songming: one working day, DOMAIN §4.1 step 2). */
  preRegistrationReview: DeadlineRule;
  /** 回头看: how long after the rectification is accepted the look-back check falls due (DOMAIN §5.2). */
  correctionLookBack: DeadlineRule;
};

/** What is appealed decides the route and clocks (DOMAIN §13.3). */
export type AppealType =
  'party_accountability' | 'party_sanction' | 'public_office_sanction' | 'civil_servant_handling';

/**
 * One stage of an appeal route. The windows run from receipt of the decision (or of the previous
 * stage's decision). Two rules are not data because they hold everywhere: an appeal does not suspend
 * the decision, and it never yields a heavier outcome.
 */
export type AppealStage = {
  id: string;
  labelZh: string;
  labelEn: string;
  filingWindow: DeadlineRule;
  /** Window when this stage is the first one taken (civil servants may skip 复核 and appeal directly). */
  filingWindowWhenFirst?: DeadlineRule;
  decisionPeriod: DeadlineRule;
  decisionExtension?: DeadlineRule;
  decidedBy: 'original_body' | 'higher_body' | 'same_or_higher_body';
  /** A stage the appellant may skip. */
  optional?: boolean;
};

/** The appeal route for one kind of decision. */
export type AppealRule = {
  type: AppealType;
  labelZh: string;
  labelEn: string;
  stages: AppealStage[];
  clause: string;
  /** False where the figures come from secondary sources and must be checked before relying on them. */
  verified: boolean;
};

/**
 * When a collective decision (集体研究) is valid: at least `minPresentFraction` of the members present,
 * and strictly more than `passFraction` of `passBase` ('members' = 应到会成员, 'present' = those present)
 * voting in favour.
 */
export type Quorum = { minPresentFraction: number; passFraction: number; passBase: 'members' | 'present' };

/** Which outcomes are published as typical cases (anonymised), and whether the cadre must consent. */
export type PublicityRules = { publishOutcomes: Outcome[]; requireConsent: boolean };

/**
 * A name-clearing trigger (澄清正名启动情形) or exclusion (不予澄清情形). `requiresReason`: the item is
 * an open clause ("other cases the commission deems necessary") that the officer must explain.
 */
export type NameClearingItem = ListItemDefinition & { requiresReason?: boolean };

/**
 * 澄清正名 (DOMAIN §6): when a cadre falsely accused must be cleared — any trigger holds (Hubei Art. 6)
 * and no exclusion applies (Jiangxi) — and the clause the name-clearing letter cites. The deadline is
 * `timeLimits.nameClearing`; consent, forms and scope are not policy (consent is always required).
 */
export type NameClearingRules = {
  triggers: NameClearingItem[];
  exclusions: NameClearingItem[];
  /** The clause a clearing rests on, cited in the letter. */
  clause: string;
};

/** Clauses the non-item rules rest on, cited in reasons. */
export type RuleClauses = {
  gatesUnknown: string;
  noSituation: string;
  preRegistration: string;
  exempt: string;
  correction: string;
  weighing: string;
  versionChoice: string;
};

/** 处分或者处理的类别: 党纪处分, 政务处分, 组织处理. */
export type SanctionCategory = 'party_discipline' | 'public_office' | 'organisational';

/**
 * Every sanction or organisational handling a cadre may receive (DOMAIN §5.1, §13.4), grouped by
 * category: 党纪处分 (《中国共产党纪律处分条例》), 政务处分 (《公职人员政务处分法》第七条) and 组织处理.
 */
export const SANCTION_TYPES = [
  'party_warning', // 警告
  'party_serious_warning', // 严重警告
  'party_post_removal', // 撤销党内职务
  'party_probation_1y', // 留党察看一年
  'party_probation_2y', // 留党察看二年
  'party_expulsion', // 开除党籍
  'public_warning', // 政务警告
  'public_demerit', // 记过
  'public_major_demerit', // 记大过
  'public_demotion', // 降级
  'public_dismissal', // 撤职
  'public_expulsion', // 开除（公职）
  'admonishment', // 诫勉
  'transfer', // 调离岗位（不适宜担任现职）
  'removal_from_post', // 免职（不适宜担任现职）
  'demotion_in_post', // 降职
  'ordered_resignation', // 责令辞职
  'resignation_for_blame', // 引咎辞职
  'accountability_removal', // 因问责被免职
] as const;

export type SanctionType = (typeof SANCTION_TYPES)[number];

/**
 * The influence period (影响期) of one sanction type: how long from the day the sanction takes effect
 * the cadre may not be promoted or put to further use (《党政领导干部选拔任用工作条例》第二十四条第（六）项
 * bars them from being listed for inspection), and whether reuse is possible at all afterwards.
 */
export type InfluencePeriodRule = {
  /** The sanction type; derived policies change or drop the rule by it. */
  id: SanctionType;
  category: SanctionCategory;
  labelZh: string;
  labelEn: string;
  /** Whole months counted from the effective date (that day included); null: the bar has no end. */
  months: number | null;
  /** False where the cadre may never be recommended for reuse (开除). */
  reusable: boolean;
  /** What the period bars, as the source words it. */
  effectZh: string;
  effectEn: string;
  clause: string;
  /** False where the figure is a configurable default not checked against an official text. */
  verified: boolean;
};

/** Everything a policy says; a base policy states all of it, a derived one only its changes. */
export type PolicyContent = {
  gates: GateDefinition[];
  situations: SituationDefinition[];
  exclusions: ListItemDefinition[];
  mitigating: ListItemDefinition[];
  aggravating: ListItemDefinition[];
  timeLimits: TimeLimits;
  decidingBody: 'standing_committee' | 'joint_meeting' | 'party_committee';
  quorum: Quorum;
  publicity: PublicityRules;
  /** The higher-level commission must approve a tolerance before it takes effect. */
  higherLevelApprovalRequired: boolean;
  appeals: AppealRule[];
  /** 影响期 per sanction type (DOMAIN §5.1, §13.4). */
  influencePeriods: InfluencePeriodRule[];
  ruleClauses: RuleClauses;
};

/** Identity of one policy version: a policy `id` has one definition per effective date. */
export type PolicyRef = { id: string; version: string };

/** Header shared by every definition. `version` is the effective date 'YYYY-MM-DD'. */
export type PolicyHeader = {
  id: string;
  /** Jurisdiction code; null for the national default. */
  jurisdiction: string | null;
  version: string;
  issuedBy: Bilingual;
  title: Bilingual;
};

/** Add, drop (by id) or change (by id, only the given fields) the items of one list. */
export type ListChanges<T extends { id: string }> = {
  add?: T[];
  drop?: string[];
  change?: Array<{ id: string } & Partial<Omit<T, 'id'>>>;
};

/** What a derived policy changes relative to its parent. */
export type PolicyChanges = {
  gates?: ListChanges<GateDefinition>;
  situations?: ListChanges<SituationDefinition>;
  exclusions?: ListChanges<ListItemDefinition>;
  mitigating?: ListChanges<ListItemDefinition>;
  aggravating?: ListChanges<ListItemDefinition>;
  timeLimits?: Partial<TimeLimits>;
  decidingBody?: PolicyContent['decidingBody'];
  quorum?: Quorum;
  publicity?: PublicityRules;
  higherLevelApprovalRequired?: boolean;
  /** Replaces the parent's route for each type given. */
  appeals?: AppealRule[];
  influencePeriods?: ListChanges<InfluencePeriodRule>;
  ruleClauses?: Partial<RuleClauses>;
  /** 澄清正名 triggers and exclusions changed item by item, and the clause cited. */
  nameClearing?: {
    triggers?: ListChanges<NameClearingItem>;
    exclusions?: ListChanges<NameClearingItem>;
    clause?: string;
  };
};

/**
 * A complete policy with no parent (the national default). `nameClearing` came later than the other
 * content: a base definition without it gets the product's default rules (Hubei triggers, Jiangxi
 * exclusions) when resolved.
 */
export type BasePolicyDefinition = PolicyHeader &
  PolicyContent & { nameClearing?: NameClearingRules; parent?: undefined };

/**
 * A policy that inherits from an exact parent version (pinned, so a later parent version never
 * changes a decided matter's rules) and states only its changes.
 */
export type DerivedPolicyDefinition = PolicyHeader & { parent: PolicyRef; changes: PolicyChanges };

/** A policy as stored: plain JSON-safe data. */
export type PolicyDefinition = BasePolicyDefinition | DerivedPolicyDefinition;

/** A policy with its inheritance applied; `lineage` lists the definitions merged, root first. */
export type EffectivePolicy = PolicyHeader &
  PolicyContent & { nameClearing: NameClearingRules; lineage: PolicyRef[] };

/** How a cadre's matter reached the commission (FACTS.md `route`). */
export type Route = 'own_application' | 'unit_application' | 'ex_officio' | 'pre_registration';

/** 事前报备 status of the matter. */
export type PreRegistrationStatus = 'filed_acknowledged' | 'filed_rejected' | 'not_filed' | 'not_required';

/** A gate as established; G3 (procedure) is 'yes' | 'no' | 'emergency_reported', the others booleans. */
export type GateAnswer = boolean | 'yes' | 'no' | 'emergency_reported';

/** The established facts a recommendation rests on (FACTS.md "Input"). */
export type Facts = {
  conductDate: LocalDate;
  jurisdiction?: string;
  route: Route;
  /** A gate left out is unknown. */
  gates: Partial<Record<string, GateAnswer>>;
  situations: string[];
  exclusions: string[];
  preRegistration: PreRegistrationStatus;
  breachOutstanding: boolean;
  mitigating: string[];
  aggravating: string[];
};

/** Identifiers of the rules that put a reason in a recommendation. */
export type RuleName =
  | 'gates_unknown'
  | 'exclusion'
  | 'gate_refuse'
  | 'no_situation'
  | 'gate_mitigate'
  | 'pre_registration_missing'
  | 'pre_registration_inconsistent'
  | 'exempt'
  | 'correction_required'
  | 'mitigating'
  | 'aggravating'
  | 'not_in_version'
  | 'version_lighter'
  | 'version_fallback'
  | 'version_before_all';

/** One reason, citing the clause it rests on, in Chinese and English. */
export type Reason = { rule: RuleName; clause: string; zh: string; en: string };

/** The engine's answer (FACTS.md "Output"). */
export type Recommendation = {
  recommendation: Outcome;
  correctionRequired: boolean;
  policy: { id: string; version: string; jurisdiction: string | null };
  exclusionsHit: string[];
  gatesFailed: string[];
  gatesUnknown: string[];
  situationsMatched: string[];
  reasons: Reason[];
};
