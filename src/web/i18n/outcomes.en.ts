/** English texts of the outcome ledger; the same keys as outcomes.zh-CN.ts. */
import type { OUTCOMES_ZH } from './outcomes.zh-CN.ts';

export const OUTCOMES_EN: typeof OUTCOMES_ZH = {
  outcomes: {
    ledger: {
      title: 'Outcome ledger',
      intro:
        'Tolerance decisions, corrections, name clearings, sanctions with their influence periods, and reuse decisions: each outcome is its own entry under the cadre, recorded as the decision takes effect. A later decision replaces an earlier entry, which is kept unchanged. Filter and export to Excel, or deliver to the assessment and personnel systems through the API.',
      total: '{{count}} entries',
      empty: 'The ledger has no entries yet',
      noMatch: 'No entries match',
      clear: 'Clear filters',
      export: 'Export to Excel',
      exportStarted: 'Download started',
      fileName: 'outcome-ledger.xlsx',
      cadreLink: 'Open the cadre',
    },
    filters: {
      region: 'Filter the ledger',
      kind: 'Kind',
      name: 'Cadre name',
      namePlaceholder: 'Type a name',
      status: 'Status',
      dates: 'Date of effect',
      from: 'from',
      to: 'to',
      any: 'All',
      search: 'Search',
    },
    status: { in_force: 'In force', superseded: 'Replaced', all: 'All' },
    columns: {
      cadre: 'Cadre',
      kind: 'Kind',
      result: 'Outcome',
      effects: 'Effects',
      dates: 'From / until',
      source: 'Source',
      status: 'Status',
    },
    kinds: {
      tolerance_decision: 'Tolerance decision',
      correction_ordered: 'Correction ordered',
      correction_closed: 'Correction closed',
      correction_terminated: 'Correction ended',
      name_cleared: 'Name cleared',
      sanction: 'Sanction',
      reuse_decision: 'Reuse decision',
    },
    entry: {
      from: 'from {{date}}',
      until: 'until {{date}}',
      noEnd: 'no end',
      document: 'Document {{number}}',
      policy: 'Policy version {{version}}',
      supersededOn: 'Replaced by a later decision on {{date}}',
      replaces: 'Replaces an earlier entry',
    },
    block: {
      title: 'Outcome ledger',
      mineTitle: 'My outcome record',
      mineIntro:
        'The outcomes the commission decided about you and what they mean for assessment, commendation and promotion; the organisation department has been told the same. Ask the case office if anything is unclear.',
      empty: 'No outcomes recorded',
      all: 'Open in the ledger',
    },
  },
};
