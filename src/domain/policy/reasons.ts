import type {
  EffectivePolicy,
  GateDefinition,
  ListItemDefinition,
  Outcome,
  Reason,
  SituationDefinition,
} from './types.ts';

type Item = { id: string; labelZh: string; labelEn: string };

/** Chinese names of the outcomes. */
export const OUTCOME_ZH: Record<Outcome, string> = { exempt: '免责', mitigate: '减责', refuse: '不予容错' };
const OUTCOME_EN: Record<Outcome, string> = {
  exempt: 'exemption',
  mitigate: 'mitigation',
  refuse: 'refusal',
};

const zh = (items: readonly Item[]) => items.map((item) => `${item.id}（${item.labelZh}）`).join('、');
const en = (items: readonly Item[]) => items.map((item) => `${item.id} (${item.labelEn})`).join('; ');
const policyZh = (policy: EffectivePolicy) => `《${policy.title.zh}》（${policy.version} 施行）`;
const policyEn = (policy: EffectivePolicy) => `“${policy.title.en}” (effective ${policy.version})`;

/** The sentences of every rule, each citing its clause. */
export const reasons = {
  gatesUnknown: (gates: GateDefinition[], clause: string): Reason => ({
    rule: 'gates_unknown',
    clause,
    zh: `以下前提条件尚未查明：${zh(gates)}。未全部查明前不能建议免责，至多建议减责。`,
    en: `These gate conditions are not established: ${en(gates)}. Until all are established exemption cannot be recommended; at most mitigation.`,
  }),
  exclusion: (item: ListItemDefinition): Reason => ({
    rule: 'exclusion',
    clause: item.clause,
    zh: `属于负面清单情形 ${zh([item])}，不予容错。`,
    en: `Exclusion ${en([item])} applies: tolerance is refused.`,
  }),
  gateRefuse: (gate: GateDefinition): Reason => ({
    rule: 'gate_refuse',
    clause: gate.clause,
    zh: `前提条件 ${zh([gate])} 不成立；该条件不成立的，不予容错。`,
    en: `Gate ${en([gate])} is not met; failing it means tolerance is refused.`,
  }),
  noSituation: (clause: string): Reason => ({
    rule: 'no_situation',
    clause,
    zh: '不符合政策所列任何可容错情形，不予容错。',
    en: 'None of the policy’s tolerable situations applies: tolerance is refused.',
  }),
  gateMitigate: (gate: GateDefinition): Reason => ({
    rule: 'gate_mitigate',
    clause: gate.clause,
    zh: `前提条件 ${zh([gate])} 不成立，不能免责，可建议减责。`,
    en: `Gate ${en([gate])} is not met: exemption is not possible; mitigation may be recommended.`,
  }),
  preRegistrationMissing: (situations: SituationDefinition[], clause: string): Reason => ({
    rule: 'pre_registration_missing',
    clause,
    zh: `情形 ${zh(situations)} 依政策须事前报备，本事项未报备，建议减责。`,
    en: `The policy requires pre-registration for ${en(situations)}; the matter was not filed, so mitigation is recommended.`,
  }),
  preRegistrationInconsistent: (situations: SituationDefinition[], clause: string): Reason => ({
    rule: 'pre_registration_inconsistent',
    clause,
    zh: `事实记载“无需报备”，但政策要求情形 ${zh(situations)} 事前报备，请核实报备情况。`,
    en: `The facts say no pre-registration was required, but the policy requires it for ${en(situations)}; check the filing.`,
  }),
  exempt: (situations: SituationDefinition[], clause: string): Reason => ({
    rule: 'exempt',
    clause,
    zh: `前提条件全部成立，符合可容错情形 ${zh(situations)}，不涉及负面清单，建议免责。`,
    en: `All gate conditions hold, tolerable situation ${en(situations)} applies and no exclusion applies: exemption is recommended.`,
  }),
  correctionRequired: (
    cause: { breach: boolean; remedyFailed: GateDefinition | undefined },
    clause: string,
  ): Reason => {
    const zhCauses = [
      cause.breach && '存在尚需纠正的违规或损失',
      cause.remedyFailed && `前提条件 ${zh([cause.remedyFailed])} 不成立`,
    ];
    const enCauses = [
      cause.breach && 'a breach or damage still needs putting right',
      cause.remedyFailed && `gate ${en([cause.remedyFailed])} is not met`,
    ];
    return {
      rule: 'correction_required',
      clause,
      zh: `${zhCauses.filter(Boolean).join('，且')}，应责令纠错整改。`,
      en: `Correction must be ordered: ${enCauses.filter(Boolean).join(', and ')}.`,
    };
  },
  weighing: (kind: 'mitigating' | 'aggravating', item: ListItemDefinition): Reason => ({
    rule: kind,
    clause: item.clause,
    zh: `${kind === 'mitigating' ? '从轻' : '从重'}情节 ${zh([item])}：供研究决定时综合考量，不改变建议类别。`,
    en: `${kind === 'mitigating' ? 'Mitigating' : 'Aggravating'} circumstance ${en([item])}: weighed in the decision; it does not change the recommendation class.`,
  }),
  notInVersion: (ids: string[], policy: EffectivePolicy): Reason => ({
    rule: 'not_in_version',
    clause: policy.ruleClauses.versionChoice,
    zh: `${policyZh(policy)}未列入 ${ids.join('、')}，按该版本评估时不予考虑。`,
    en: `${policyEn(policy)} does not list ${ids.join(', ')}; they are disregarded under that version.`,
  }),
  versionLighter: (
    old: EffectivePolicy,
    oldOutcome: Outcome,
    later: EffectivePolicy,
    laterOutcome: Outcome,
  ): Reason => ({
    rule: 'version_lighter',
    clause: later.ruleClauses.versionChoice,
    zh: `行为发生时施行的${policyZh(old)}建议“${OUTCOME_ZH[oldOutcome]}”，决定时施行的${policyZh(later)}建议“${OUTCOME_ZH[laterOutcome]}”，较轻，依从旧兼从轻原则适用新版本。`,
    en: `${policyEn(old)}, in force at the time of the conduct, gives ${OUTCOME_EN[oldOutcome]}; ${policyEn(later)}, in force at the decision, gives the lighter ${OUTCOME_EN[laterOutcome]}, so it applies (old rule unless the new is lighter).`,
  }),
  versionFallback: (policy: EffectivePolicy, conductDate: string): Reason => ({
    rule: 'version_fallback',
    clause: policy.ruleClauses.versionChoice,
    zh: `行为发生时（${conductDate}）本级政策尚未施行，适用上级或默认政策${policyZh(policy)}。`,
    en: `The jurisdiction’s own policy was not yet in force at the conduct date (${conductDate}); ${policyEn(policy)} applies.`,
  }),
  versionBeforeAll: (policy: EffectivePolicy, conductDate: string): Reason => ({
    rule: 'version_before_all',
    clause: policy.ruleClauses.versionChoice,
    zh: `行为发生日期（${conductDate}）早于所有政策版本的施行日期，适用最早的版本${policyZh(policy)}。`,
    en: `The conduct date (${conductDate}) precedes every policy version; the earliest, ${policyEn(policy)}, applies.`,
  }),
};
