/** English texts of the consistency views; the same keys as consistency.zh-CN.ts. */
import type { CONSISTENCY_ZH } from './consistency.zh-CN.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const CONSISTENCY_EN: Shape<typeof CONSISTENCY_ZH> = {
  consistency: {
    outcome: { exempt: 'Exempted', mitigate: 'Mitigated', refuse: 'Not tolerated' },
    similar: {
      title: 'Similar decided matters',
      intro:
        'Compared first by gate conditions, tolerable situations and exclusions, then by the text of the facts. Only decided matters of your jurisdictions and published typical cases are listed.',
      loading: 'Looking for similar matters…',
      noFacts: 'Similar decided matters appear here once the facts are recorded.',
      none: 'No decided matter to compare with yet.',
      list: 'Similar decided matters',
      structure: 'Structure {{value}}%',
      text: 'Text {{value}}%',
      identical: 'Same conditions',
      gatesDiffer: '{{gates}} differs',
      situationsDiffer: 'Other situation',
      exclusionsDiffer: 'Other exclusions',
      year: '{{year}}',
      hidden: 'A matter you may not open: outcome only',
      typicalCase: 'Typical case',
      generalised: 'Other jurisdiction',
      counted: 'Counted',
      open: 'Open {{number}}',
    },
    practice: {
      title: 'Settled practice: ',
      majority:
        'Of the {{count}} nearest decided matters with the same gate conditions and exclusions, {{majorityCount}} were "{{outcome}}".',
      mixed:
        'The {{count}} nearest decided matters of the same kind went different ways: no majority to follow.',
      few: 'Fewer than {{min}} decided matters with the same gate conditions and exclusions: no majority to follow.',
      mix: 'Exempted {{exempt}} · Mitigated {{mitigate}} · Not tolerated {{refuse}}',
      rule: 'Rule: the {{k}} nearest decided matters with the same gate conditions and exclusions; with at least {{min}} of them, the outcome more than half received.',
    },
    divergence: {
      title: 'Differs from most similar decided matters',
      body: 'The outcome "{{outcome}}" differs from what most of the {{count}} nearest decided matters of the same kind received ({{majorityCount}} "{{majority}}"). You may go on, with a short reason; the alert and the reason are recorded with the proposal, the decision and the audit trail.',
      carried: 'The votes carry: {{outcome}}',
      proposalReason: 'Reason given with the proposal: {{reason}}',
      recorded: 'Divergence alert (recorded)',
      recordedLine:
        'Differs from the majority of the nearest similar decided matters ({{majority}}). Reason: {{reason}}',
    },
    mix: {
      title: 'Consistency: outcome mix',
      intro:
        "Tolerance decisions of the period by the cadre's unit, by the officer who proposed and by the leader who issued them — to spot tolerance used as a shield.",
      filters: 'Filters',
      jurisdiction: 'Jurisdiction',
      from: 'From',
      to: 'To',
      apply: 'Show',
      byUnit: "By the cadre's unit",
      byProposer: 'By the case officer (proposal)',
      byDecider: 'By the decision-maker (issued the decision)',
      name: 'Name',
      decided: 'Decided',
      exempt: 'Exempted',
      mitigate: 'Mitigated',
      refuse: 'Not tolerated',
      rate: 'Tolerance rate',
      flag: 'Flag',
      flagged: 'Far above the norm',
      total: 'Whole jurisdiction',
      unnamed: '(not recorded)',
      none: 'No tolerance decision in this period.',
      suppressed:
        'So that no one can be identified, counts of 1–4 show as "<5", and a count that could be worked out from a total is withheld too.',
      method:
        "Method: each unit's or person's tolerance rate is compared with the rest of the jurisdiction by an exact one-sided binomial test; a flag needs p below {{alpha}} divided by the number tested (Bonferroni), a rate at least {{difference}} points higher, and at least {{min}} decisions. A flag is a lead to look into, not a finding.",
      pValue: 'p = {{value}}',
      chart: 'Tolerance rate by unit against the whole jurisdiction: {{values}}',
      separator: '; ',
      chartRate: 'Tolerance rate',
    },
  },
};
