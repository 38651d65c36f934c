import type { InfluencePeriodRule } from '../types.ts';

const DISCIPLINE_2018 = '《中国共产党纪律处分条例》（2018年修订）';
const SANCTIONS_LAW = '《中华人民共和国公职人员政务处分法》';
const CIVIL_SERVANT_LAW = '《中华人民共和国公务员法》（2018年修订）';
const SELECTION_2019 = '《党政领导干部选拔任用工作条例》（2019年）第二十四条第（六）项';
const SELECTION_QA = '共产党员网《党政领导干部选拔任用工作条例》问答第44条';

const party = (
  id: InfluencePeriodRule['id'],
  labelZh: string,
  labelEn: string,
  months: number | null,
  effectZh: string,
  effectEn: string,
  article: string,
): InfluencePeriodRule => ({
  id,
  category: 'party_discipline',
  labelZh,
  labelEn,
  months,
  reusable: months !== null,
  effectZh,
  effectEn,
  clause: `${DISCIPLINE_2018}${article}`,
  verified: true,
});

const NO_PARTY_PROMOTION = {
  zh: '不得在党内提升职务，不得向党外组织推荐担任高于其原任职务的党外职务',
  en: 'no promotion within the Party and no recommendation to a non-Party post higher than the one held',
};
const NO_PUBLIC_PROMOTION = {
  zh: '不得晋升职务、职级、级别',
  en: 'no promotion of post, rank or grade',
};

/**
 * 影响期 by sanction type (DOMAIN §5.1, §13.4, verified against the statute texts and the CCDI
 * regulations office's answers). Each period runs from the day the sanction takes effect — for Party
 * sanctions the day the decision is approved, for 政务处分 the day the decision takes effect, for
 * 诫勉 the day the principal leader approves it. Where a cadre has several, the longest runs
 * (《党政领导干部选拔任用工作条例》问答第44条: 同时受到党纪政务处分的，按照影响期长的执行).
 * 诫勉 and 降职 have no verified national figure: their defaults are marked unverified and meant to be
 * set by local policy.
 */
export const DEFAULT_INFLUENCE_PERIODS: InfluencePeriodRule[] = [
  party(
    'party_warning',
    '党内警告',
    'Party warning',
    12,
    `一年内${NO_PARTY_PROMOTION.zh}`,
    `for one year, ${NO_PARTY_PROMOTION.en}`,
    '第十条',
  ),
  party(
    'party_serious_warning',
    '党内严重警告',
    'Party serious warning',
    18,
    `一年半内${NO_PARTY_PROMOTION.zh}`,
    `for eighteen months, ${NO_PARTY_PROMOTION.en}`,
    '第十条',
  ),
  party(
    'party_post_removal',
    '撤销党内职务',
    'Removal from Party posts',
    24,
    '二年内不得在党内担任和向党外组织推荐担任与其原任职务相当或者高于其原任职务的职务',
    'for two years, no Party post equal to or higher than the one held, and no such recommendation',
    '第十一条',
  ),
  party(
    'party_probation_1y',
    '留党察看一年',
    'Probation within the Party (one year)',
    36,
    '察看期间没有表决权、选举权和被选举权，党内职务自然撤销；恢复党员权利后二年内不得在党内担任和向党外组织推荐担任与其原任职务相当或者高于其原任职务的职务',
    'no right to vote, elect or be elected during probation, Party posts lapse; for two years after rights are restored, no post equal to or higher than the one held',
    '第十二条',
  ),
  party(
    'party_probation_2y',
    '留党察看二年',
    'Probation within the Party (two years)',
    48,
    '察看期间没有表决权、选举权和被选举权，党内职务自然撤销；恢复党员权利后二年内不得在党内担任和向党外组织推荐担任与其原任职务相当或者高于其原任职务的职务',
    'no right to vote, elect or be elected during probation, Party posts lapse; for two years after rights are restored, no post equal to or higher than the one held',
    '第十二条',
  ),
  party(
    'party_expulsion',
    '开除党籍',
    'Expulsion from the Party',
    null,
    '五年内不得重新入党，不得推荐担任与其原任职务相当或者高于其原任职务的党外职务；不得录用为公务员，不予重新使用',
    'no re-joining for five years, no recommendation to a non-Party post equal to or higher than the one held; never recruited as a civil servant, never reused',
    `第十三条；${CIVIL_SERVANT_LAW}第二十六条`,
  ),
  ...(
    [
      ['public_warning', '政务警告', 'Public-office warning', 6, '六个月'],
      ['public_demerit', '记过', 'Demerit', 12, '十二个月'],
      ['public_major_demerit', '记大过', 'Major demerit', 18, '十八个月'],
      ['public_demotion', '降级', 'Demotion in grade', 24, '二十四个月'],
      ['public_dismissal', '撤职', 'Dismissal from post', 24, '二十四个月'],
    ] as const
  ).map(([id, labelZh, labelEn, months, span]): InfluencePeriodRule => ({
    id,
    category: 'public_office',
    labelZh,
    labelEn,
    months,
    reusable: true,
    effectZh: `处分期间（${span}）${NO_PUBLIC_PROMOTION.zh}${id === 'public_warning' ? '' : '，不得晋升工资档次'}；期满有悔改表现、未再违纪违法的自动解除`,
    effectEn: `during the ${months}-month period, ${NO_PUBLIC_PROMOTION.en}${id === 'public_warning' ? '' : ' and no salary step'}; lifted automatically on expiry if the person repented and did not reoffend`,
    clause: `${SANCTIONS_LAW}第八条；${CIVIL_SERVANT_LAW}第六十四条、第六十五条`,
    verified: true,
  })),
  {
    id: 'public_expulsion',
    category: 'public_office',
    labelZh: '开除（公职）',
    labelEn: 'Expulsion from public office',
    months: null,
    reusable: false,
    effectZh: '解除人事关系，不得录用为公务员，不予重新使用',
    effectEn: 'the employment ends; never recruited as a civil servant, never reused',
    clause: `${SANCTIONS_LAW}第七条；${CIVIL_SERVANT_LAW}第二十六条`,
    verified: true,
  },
  {
    id: 'admonishment',
    category: 'organisational',
    labelZh: '诫勉',
    labelEn: 'Admonishment',
    months: 6,
    reusable: true,
    effectZh: '自诫勉决定生效之日起半年内不得提拔或者重用',
    effectEn: 'for six months from the day the admonishment takes effect, no promotion or further use',
    clause: `${SELECTION_2019}；期限为默认值（广东省、南昌市规定为半年，全国性文本未核实），可按本地规定调整`,
    verified: false,
  },
  ...(
    [
      ['transfer', '调离岗位（不适宜担任现职）', 'Transfer (unsuitable for the post)'],
      ['removal_from_post', '免职（不适宜担任现职）', 'Removal from post (unsuitable for the post)'],
    ] as const
  ).map(([id, labelZh, labelEn]): InfluencePeriodRule => ({
    id,
    category: 'organisational',
    labelZh,
    labelEn,
    months: 12,
    reusable: true,
    effectZh: '一年内不得提拔',
    effectEn: 'no promotion for one year',
    clause: `${SELECTION_2019}；${SELECTION_QA}`,
    verified: true,
  })),
  {
    id: 'demotion_in_post',
    category: 'organisational',
    labelZh: '降职',
    labelEn: 'Demotion in post',
    months: 24,
    reusable: true,
    effectZh: '二年内不得提拔',
    effectEn: 'no promotion for two years',
    clause: `${SELECTION_2019}；重新提拔“按照有关规定执行”，期限为默认值，未经核实，可按本地规定调整`,
    verified: false,
  },
  ...(
    [
      ['ordered_resignation', '责令辞职', 'Ordered resignation'],
      ['resignation_for_blame', '引咎辞职', 'Resignation taking the blame'],
      ['accountability_removal', '因问责被免职', 'Removal from post for accountability'],
    ] as const
  ).map(([id, labelZh, labelEn]): InfluencePeriodRule => ({
    id,
    category: 'organisational',
    labelZh,
    labelEn,
    months: 24,
    reusable: true,
    effectZh:
      '一年内不安排领导职务，二年内不得担任高于原任职务层次的领导职务；同时受到党纪政务处分的，按照影响期长的执行',
    effectEn:
      'no leadership post for one year and none above the former level for two years; with a Party or public-office sanction as well, the longer period applies',
    clause: `${SELECTION_2019}；${SELECTION_QA}`,
    verified: true,
  })),
];
