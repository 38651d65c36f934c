import type { BasePolicyDefinition } from '../types.ts';
import { DEFAULT_APPEALS } from './appeals.ts';
import { DEFAULT_INFLUENCE_PERIODS } from './influence-periods.ts';
import { DEFAULT_NAME_CLEARING_RULES } from './name-clearing.ts';

/** Citation of an article of the default policy, with the national or local source it rests on. */
const art = (article: string, basis?: string) => `默认政策${article}${basis ? `（依据：${basis}）` : ''}`;

const OPINION_2018 = '中办发〔2018〕29号';
const ACCOUNTABILITY_2019 = '《中国共产党问责条例》';

/**
 * The default national-pattern policy (FACTS.md, DOMAIN.md §3–§4): gates G1–G7, situations S1–S8,
 * exclusions X1–X12, circumstances M1–M4 / A1–A3, and the suggested time limits of DOMAIN §4.2.
 */
export const DEFAULT_POLICY: BasePolicyDefinition = {
  id: 'default',
  jurisdiction: null,
  version: '2019-06-01',
  issuedBy: { zh: '产品默认（依全国通行做法整理）', en: 'Product default (common national pattern)' },
  title: {
    zh: '容错纠错默认政策（全国通行模式）',
    en: 'Default fault-tolerance and error-correction policy (national pattern)',
  },
  gates: [
    {
      id: 'G1',
      labelZh: '出于公心，未为自己、他人或单位谋取私利',
      labelEn: 'no private gain for self, others or the unit; public motive',
      effectWhenFailed: 'refuse',
      clause: art('第三条第（一）项', OPINION_2018),
    },
    {
      id: 'G2',
      labelZh: '法律法规和党纪政纪未明令禁止，符合上级决策部署',
      labelEn:
        'not expressly prohibited by law, Party or government discipline or a higher authority; consistent with higher-level decisions',
      effectWhenFailed: 'refuse',
      clause: art('第三条第（二）项', OPINION_2018),
    },
    {
      id: 'G3',
      labelZh: '经集体研究、民主决策（紧急情况临机处置、事后报告的视为符合）',
      labelEn:
        'collective study and democratic decision procedure followed (an emergency decision reported afterwards counts as met)',
      effectWhenFailed: 'mitigate',
      clause: art('第三条第（三）项'),
    },
    {
      id: 'G4',
      labelZh: '勤勉尽责、履职尽责',
      labelEn: 'diligent and responsible in performing duties',
      effectWhenFailed: 'mitigate',
      clause: art('第三条第（四）项', `${ACCOUNTABILITY_2019}第十七条`),
    },
    {
      id: 'G5',
      labelZh: '未造成重大损失或恶劣社会影响',
      labelEn: 'no major loss or seriously adverse social impact',
      effectWhenFailed: 'mitigate',
      clause: art('第三条第（五）项'),
    },
    {
      id: 'G6',
      labelZh: '积极主动挽回损失、消除影响',
      labelEn: 'active remedial action: losses recovered or impact removed',
      effectWhenFailed: 'mitigate',
      ordersCorrectionWhenFailed: true,
      clause: art('第三条第（六）项'),
    },
    {
      id: 'G7',
      labelZh: '未与其他单位或个人恶意串通损害公共利益',
      labelEn: 'no malicious collusion harming the public interest',
      effectWhenFailed: 'refuse',
      clause: art('第三条第（七）项', '《深圳经济特区改革创新促进条例》'),
    },
  ],
  situations: [
    {
      id: 'S1',
      labelZh: '贯彻落实上级党委政府决策部署，经民主程序决策出现失误',
      labelEn:
        'carrying out a decision of a higher Party committee or government through democratic procedure',
      clause: art('第四条第（一）项'),
      requiresPreRegistration: false,
    },
    {
      id: 'S2',
      labelZh: '改革创新中先行先试，法律未禁止或政策界限不明出现失误',
      labelEn:
        'exploratory or first-try reform or pilot where no law prohibited it or the policy boundary was unclear',
      clause: art('第四条第（二）项', `${ACCOUNTABILITY_2019}第十七条第一款第（一）项`),
      requiresPreRegistration: false,
    },
    {
      id: 'S3',
      labelZh: '大力推进重点工作、重大项目、民生工程中出现失误',
      labelEn: 'vigorously pushing key work, major projects or livelihood projects',
      clause: art('第四条第（三）项'),
      requiresPreRegistration: false,
    },
    {
      id: 'S4',
      labelZh: '争取项目、资金、招商引资和服务企业发展中出现失误',
      labelEn: 'winning projects, funds or investment; serving enterprises and development',
      clause: art('第四条第（四）项'),
      requiresPreRegistration: false,
    },
    {
      id: 'S5',
      labelZh: '因不可抗力、难以预见因素或政策、上级决策调整造成损失',
      labelEn:
        'loss from force majeure, unforeseeable events, or a change in policy or higher-level decision',
      clause: art('第四条第（五）项', `${ACCOUNTABILITY_2019}第十七条第一款第（三）项`),
      requiresPreRegistration: false,
    },
    {
      id: 'S6',
      labelZh: '应急处置中临机决断、事后及时报告',
      labelEn: 'emergency decision on the spot, reported afterwards',
      clause: art('第四条第（六）项'),
      requiresPreRegistration: false,
    },
    {
      id: 'S7',
      labelZh: '对集体错误决策明确提出反对或保留意见并有记录，或对上级错误决定提出改正意见未被采纳',
      labelEn:
        'objection to a wrong collective decision, recorded; or asked a superior to correct a wrong decision and was overruled',
      clause: art('第四条第（七）项', `${ACCOUNTABILITY_2019}第十七条`),
      requiresPreRegistration: false,
    },
    {
      id: 'S8',
      labelZh: '化解历史遗留问题中出现失误',
      labelEn: 'resolving historical legacy problems',
      clause: art('第四条第（八）项'),
      requiresPreRegistration: false,
    },
  ],
  exclusions: [
    {
      id: 'X1',
      labelZh: '贪污贿赂',
      labelEn: 'corruption, bribery, embezzlement',
      clause: art('第五条第（一）项'),
    },
    {
      id: 'X2',
      labelZh: '违反政治纪律和政治规矩',
      labelEn: 'violating political discipline and political rules',
      clause: art('第五条第（二）项'),
    },
    {
      id: 'X3',
      labelZh: '违反中央八项规定精神',
      labelEn: 'violating the central eight-point rules',
      clause: art('第五条第（三）项'),
    },
    {
      id: 'X4',
      labelZh: '明知故犯',
      labelEn: 'knowing and deliberate violation',
      clause: art('第五条第（四）项', `${OPINION_2018}“三个区分开来”`),
    },
    {
      id: 'X5',
      labelZh: '上级明令禁止后仍我行我素',
      labelEn: 'persisting after an explicit prohibition by a higher authority',
      clause: art('第五条第（五）项', `${OPINION_2018}“三个区分开来”`),
    },
    { id: 'X6', labelZh: '弄虚作假', labelEn: 'falsification or fraud', clause: art('第五条第（六）项') },
    {
      id: 'X7',
      labelZh: '对抗组织审查、不如实说明情况',
      labelEn: 'obstructing, resisting or lying to the investigation',
      clause: art('第五条第（七）项'),
    },
    {
      id: 'X8',
      labelZh: '经提醒警示后仍屡教不改',
      labelEn: 'repeating the mistake after warning or reminder',
      clause: art('第五条第（八）项'),
    },
    {
      id: 'X9',
      labelZh: '发生重大安全生产、生态环境、食品安全责任事故或群体性事件，造成恶劣影响',
      labelEn: 'a major safety, environmental, food-safety or mass-incident accident with vile impact',
      clause: art('第五条第（九）项'),
    },
    {
      id: 'X10',
      labelZh: '严重失职渎职',
      labelEn: 'serious dereliction of duty',
      clause: art('第五条第（十）项'),
    },
    {
      id: 'X11',
      labelZh: '打击报复检举控告人、证人',
      labelEn: 'retaliation against reporters or witnesses',
      clause: art('第五条第（十一）项'),
    },
    {
      id: 'X12',
      labelZh: '严重损害群众利益',
      labelEn: 'seriously harming the masses’ interests',
      clause: art('第五条第（十二）项'),
    },
  ],
  mitigating: [
    {
      id: 'M1',
      labelZh: '主动挽回损失、消除影响',
      labelEn: 'losses recovered or impact removed on own initiative',
      clause: art('第六条', `${ACCOUNTABILITY_2019}第十八条`),
    },
    {
      id: 'M2',
      labelZh: '积极配合调查、主动承担责任',
      labelEn: 'cooperated with the investigation and took responsibility',
      clause: art('第六条', `${ACCOUNTABILITY_2019}第十八条`),
    },
    { id: 'M3', labelZh: '第一时间如实报告', labelEn: 'reported truthfully at once', clause: art('第六条') },
    {
      id: 'M4',
      labelZh: '事前报备并经受理',
      labelEn: 'the matter was pre-registered and acknowledged',
      clause: art('第六条、第七条'),
    },
  ],
  aggravating: [
    {
      id: 'A1',
      labelZh: '对三令五申的指示要求不执行或执行不力',
      labelEn: 'instruction repeatedly given not carried out',
      clause: art('第六条', `${ACCOUNTABILITY_2019}第十九条`),
    },
    {
      id: 'A2',
      labelZh: '不如实报告情况、推卸责任',
      labelEn: 'not reporting truthfully, shifting blame',
      clause: art('第六条', `${ACCOUNTABILITY_2019}第十九条`),
    },
    {
      id: 'A3',
      labelZh: '胁迫、唆使他人',
      labelEn: 'coerced or instigated others',
      clause: art('第六条', '《中国共产党纪律处分条例》第二十条'),
    },
  ],
  timeLimits: {
    acceptance: { unit: 'working_days', amount: 10 },
    verification: { unit: 'calendar_days', amount: 30 },
    verificationExtension: { unit: 'calendar_days', amount: 30 },
    appealWindow: { unit: 'months', amount: 1 },
    reviewPeriod: { unit: 'months', amount: 1 },
    nameClearing: { unit: 'working_days', amount: 20 },
    // 1个工作日初审 (Songming, DOMAIN §4.1 step 2 / §8).
    preRegistrationReview: { unit: 'working_days', amount: 1 },
    // No published figure; three months lets a rectification show whether it holds.
    correctionLookBack: { unit: 'months', amount: 3 },
  },
  decidingBody: 'standing_committee',
  quorum: { minPresentFraction: 2 / 3, passFraction: 1 / 2, passBase: 'members' },
  publicity: { publishOutcomes: ['exempt', 'mitigate'], requireConsent: true },
  higherLevelApprovalRequired: false,
  appeals: DEFAULT_APPEALS,
  influencePeriods: DEFAULT_INFLUENCE_PERIODS,
  nameClearing: DEFAULT_NAME_CLEARING_RULES,
  ruleClauses: {
    gatesUnknown: art('第三条（前提条件须逐项查明）'),
    noSituation: art('第四条'),
    preRegistration: art('第七条'),
    exempt: art('第三条、第四条、第五条', OPINION_2018),
    correction: art('第八条（有错必纠）', OPINION_2018),
    weighing: art('第六条（综合分析六个因素）', OPINION_2018),
    versionChoice: art('第十一条（从旧兼从轻）'),
  },
};
