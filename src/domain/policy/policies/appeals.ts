import type { AppealRule } from '../types.ts';

const ACCOUNTABILITY_2019 = '《中国共产党问责条例》';

/** Appeal routes by kind of decision (DOMAIN §13.3). */
export const DEFAULT_APPEALS: AppealRule[] = [
  {
    type: 'party_accountability',
    labelZh: '问责决定申诉',
    labelEn: 'Appeal against a Party accountability decision',
    stages: [
      {
        id: 'appeal',
        labelZh: '申诉',
        labelEn: 'Appeal',
        filingWindow: { unit: 'months', amount: 1 },
        decisionPeriod: { unit: 'months', amount: 1 },
        decidedBy: 'original_body',
      },
    ],
    clause: `${ACCOUNTABILITY_2019}(2019) 申诉规定：收到问责决定书之日起1个月内向作出决定的党组织书面申诉，1个月内作出处理决定，申诉期间不停止执行`,
    verified: false,
  },
  {
    type: 'party_sanction',
    labelZh: '党纪处分申诉',
    labelEn: 'Appeal against a Party disciplinary sanction',
    stages: [
      {
        id: 'appeal',
        labelZh: '申诉',
        labelEn: 'Appeal',
        filingWindow: { unit: 'months', amount: 1 },
        decisionPeriod: { unit: 'months', amount: 3 },
        decidedBy: 'original_body',
      },
    ],
    clause: '《中国共产党党员权利保障条例》(2020) 申诉权利；时限为默认值，未经核实，使用前请对照本地规定',
    verified: false,
  },
  {
    type: 'public_office_sanction',
    labelZh: '政务处分复审、复核',
    labelEn: 'Re-examination and review of a public-office sanction',
    stages: [
      {
        id: 're_examination',
        labelZh: '复审',
        labelEn: 'Re-examination',
        filingWindow: { unit: 'months', amount: 1 },
        decisionPeriod: { unit: 'months', amount: 1 },
        decidedBy: 'original_body',
      },
      {
        id: 'review',
        labelZh: '复核',
        labelEn: 'Review',
        filingWindow: { unit: 'months', amount: 1 },
        decisionPeriod: { unit: 'months', amount: 2 },
        decidedBy: 'higher_body',
      },
    ],
    clause:
      '《监察法》(2018) 第四十九条、(2024年修正) 第五十六条；《公职人员政务处分法》第五十五条、第五十六条',
    verified: true,
  },
  {
    type: 'civil_servant_handling',
    labelZh: '公务员人事处理复核、申诉',
    labelEn: 'Review and appeal of a civil servant’s personnel handling',
    stages: [
      {
        id: 'review',
        labelZh: '复核',
        labelEn: 'Review',
        filingWindow: { unit: 'calendar_days', amount: 30 },
        decisionPeriod: { unit: 'calendar_days', amount: 30 },
        decidedBy: 'original_body',
        optional: true,
      },
      {
        id: 'appeal',
        labelZh: '申诉',
        labelEn: 'Appeal',
        filingWindow: { unit: 'calendar_days', amount: 15 },
        filingWindowWhenFirst: { unit: 'calendar_days', amount: 30 },
        decisionPeriod: { unit: 'calendar_days', amount: 60 },
        decisionExtension: { unit: 'calendar_days', amount: 30 },
        decidedBy: 'same_or_higher_body',
      },
    ],
    clause: '《中华人民共和国公务员法》(2018) 第九十五条、第九十六条',
    verified: true,
  },
];
