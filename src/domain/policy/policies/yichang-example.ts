import type { DerivedPolicyDefinition } from '../types.ts';

/**
 * An example after Yichang's "事前备案、事中监督、事后容错" practice (DOMAIN §8: the filing status is
 * an important basis for exemption or mitigation), so FACTS.md case C07 can be reproduced: S3 matters
 * must be pre-registered. The effective date is illustrative.
 */
export const YICHANG_EXAMPLE: DerivedPolicyDefinition = {
  id: 'yichang-example',
  jurisdiction: 'YC',
  version: '2021-01-01',
  parent: { id: 'default', version: '2019-06-01' },
  issuedBy: {
    zh: '宜昌市纪委监委（示例）',
    en: 'Yichang Commission for Discipline Inspection and Supervision (example)',
  },
  title: {
    zh: '宜昌市容错纠错及前瞻性决策风险事前报备办法（示例）',
    en: 'Yichang fault-tolerance and prior risk-filing rules (example)',
  },
  changes: {
    situations: {
      change: [
        {
          id: 'S3',
          requiresPreRegistration: true,
          clause: '宜昌示例 第四条第（三）项、第七条（推进重点工作、重大项目、民生工程须事前报备）',
        },
      ],
    },
    ruleClauses: {
      preRegistration: '宜昌示例 第七条（将报备情况作为容错免责减责的重要依据）',
    },
  },
};
