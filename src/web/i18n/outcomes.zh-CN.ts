/**
 * Chinese texts of the outcome ledger (结果运用台账: the organisation department's page, the block on
 * the cadre page and on the cadre's own page). Spread into zh-CN.ts's types; outcomes.en.ts has the
 * same keys.
 */
export const OUTCOMES_ZH = {
  outcomes: {
    ledger: {
      title: '结果运用台账',
      intro:
        '容错认定、纠错、澄清正名、处分及影响期、重新使用建议，每项结果单独登记到干部名下，随决定同时生效。后作出的决定取代先前的记录，原记录保留不改。可按条件筛选并导出为电子表格，或通过接口推送至考核和干部管理系统。',
      total: '共 {{count}} 条',
      empty: '台账中还没有记录',
      noMatch: '没有符合条件的记录',
      clear: '清除筛选',
      export: '导出表格',
      exportStarted: '已开始下载',
      fileName: '结果运用台账.xlsx',
      cadreLink: '查看干部',
    },
    filters: {
      region: '筛选台账',
      kind: '类别',
      name: '干部姓名',
      namePlaceholder: '输入姓名',
      status: '状态',
      dates: '生效日期',
      from: '起',
      to: '止',
      any: '全部',
      search: '查询',
    },
    status: { in_force: '有效', superseded: '已被取代', all: '全部' },
    columns: {
      cadre: '干部',
      kind: '类别',
      result: '结果',
      effects: '运用效力',
      dates: '生效 / 截止',
      source: '来源',
      status: '状态',
    },
    kinds: {
      tolerance_decision: '容错认定',
      correction_ordered: '责令纠错',
      correction_closed: '纠错销号',
      correction_terminated: '纠错终止',
      name_cleared: '澄清正名',
      sanction: '处分或处理',
      reuse_decision: '重新使用建议',
    },
    entry: {
      from: '{{date}} 起',
      until: '至 {{date}}',
      noEnd: '长期有效',
      document: '文书 {{number}}',
      policy: '政策版本 {{version}}',
      supersededOn: '已于 {{date}} 被新决定取代',
      replaces: '取代先前记录',
    },
    block: {
      title: '结果运用记录',
      mineTitle: '我的结果运用记录',
      mineIntro:
        '以下是纪委监委对您作出的各项结果及其对考核、评优、提拔等的影响，已同时告知组织部门。如有疑问，可向承办部门咨询。',
      empty: '暂无结果运用记录',
      all: '在台账中查看',
    },
  },
};
