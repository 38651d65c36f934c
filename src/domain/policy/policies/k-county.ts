import type { DerivedPolicyDefinition } from '../types.ts';

const K_TITLE_2019 = 'K县关于激励干部担当作为建立容错纠错机制的实施方案（试行）';

/**
 * K County (纪委监委 issued its plan in June 2019; the text is not public, DOMAIN §11.1): the default
 * pattern with K County's time limits. Items and their clauses are inherited from the default.
 */
export const K_COUNTY_2019: DerivedPolicyDefinition = {
  id: 'k-county',
  jurisdiction: 'K',
  version: '2019-06-01',
  parent: { id: 'default', version: '2019-06-01' },
  issuedBy: { zh: 'K县纪委监委', en: 'K County Commission for Discipline Inspection and Supervision' },
  title: {
    zh: K_TITLE_2019,
    en: 'K County plan for encouraging cadres to take responsibility and building the fault-tolerance and error-correction mechanism (trial)',
  },
  changes: {
    timeLimits: {
      acceptance: { unit: 'working_days', amount: 5 },
      verification: { unit: 'calendar_days', amount: 30 },
      // Once, with the principal leader's approval.
      verificationExtension: { unit: 'calendar_days', amount: 30 },
      appealWindow: { unit: 'months', amount: 1 },
      reviewPeriod: { unit: 'months', amount: 1 },
    },
  },
};

const k2024 = (item: string) => `K县实施方案（2024年修订，示例）${item}`;

/**
 * An illustrative 2024 revision, so that version choice by conduct date and 从旧兼从轻 can be shown:
 * S2 pilots now need pre-registration (heavier), and two specific situations are added (lighter for
 * matters that fell outside the 2019 list).
 */
export const K_COUNTY_2024: DerivedPolicyDefinition = {
  id: 'k-county',
  jurisdiction: 'K',
  version: '2024-01-01',
  parent: { id: 'k-county', version: '2019-06-01' },
  issuedBy: K_COUNTY_2019.issuedBy,
  title: {
    zh: 'K县关于激励干部担当作为建立容错纠错机制的实施方案（2024年修订，示例）',
    en: 'K County fault-tolerance and error-correction plan (2024 revision, illustrative)',
  },
  changes: {
    situations: {
      change: [{ id: 'S2', requiresPreRegistration: true, clause: k2024('第四条第（二）项、第七条') }],
      add: [
        {
          id: 'S9',
          labelZh: '推行“容缺受理”“容缺审批”等优化营商环境改革举措中出现失误',
          labelEn:
            'processing applications with documents still missing (容缺) to improve the business environment',
          clause: k2024('第四条第（九）项'),
          requiresPreRegistration: false,
        },
        {
          id: 'S10',
          labelZh: '为抢抓重大项目建设工期，依法采取并联审批、提前开展施工准备出现失误',
          labelEn: 'parallel approvals or early site preparation to keep a major project on schedule',
          clause: k2024('第四条第（十）项'),
          requiresPreRegistration: true,
        },
      ],
    },
    ruleClauses: { preRegistration: k2024('第七条（事前报备）') },
  },
};
