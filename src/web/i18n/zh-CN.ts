/**
 * Chinese texts, one namespace per area. This object is the reference: en.ts must have exactly
 * the same keys (the type checker enforces it), and `t()` keys are checked against it.
 */
import type { MATTERS_ZH } from './matters.zh-CN.ts';
import type { STEPS_ZH } from './steps.zh-CN.ts';
import type { ADMIN_ZH } from './admin.zh-CN.ts';
import type { PROCEDURES_ZH } from './procedures.zh-CN.ts';
import type { CASES_ZH } from './cases.zh-CN.ts';
import type { SCORECARD_ZH } from './scorecard.zh-CN.ts';
import type { OUTCOMES_ZH } from './outcomes.zh-CN.ts';
import type { CONSISTENCY_ZH } from './consistency.zh-CN.ts';

export const zhCN = {
  common: {
    appName: '容错纠错',
    appSubtitle: '激励干部担当作为 · 容错纠错工作平台',
    loading: '正在加载…',
    retry: '重试',
    none: '—',
    cancel: '取消',
    language: {
      label: '界面语言',
      switchTo: '切换到 {{language}}',
    },
  },
  errors: {
    client: {
      network: '无法连接服务器，请检查网络后重试',
      bad_response: '服务器返回了无法识别的内容，请稍后再试',
      http: '服务器暂时无法处理请求（HTTP {{status}}），请稍后再试',
      unexpected: '出现意外错误，请稍后再试',
    },
    loadFailed: '加载失败',
    notFoundRecord: '记录不存在',
    notFoundHint: '该记录不存在，或不在您的查看范围内。',
    forbidden: '无权查看',
    crash: {
      title: '页面出错了',
      subtitle: '页面遇到问题无法显示。已输入但未提交的内容可能需要重新填写。',
      reload: '重新加载',
      home: '返回首页',
    },
    notFoundPage: {
      title: '页面不存在',
      subtitle: '您访问的地址不存在，可能已被移动或输入有误。',
    },
    forbiddenPage: {
      title: '无权访问此页面',
      subtitle: '您的角色不能使用此功能。如需开通，请联系系统管理员。',
    },
    backHome: '返回首页',
  },
  layout: {
    skipToContent: '跳到主要内容',
    openMenu: '打开菜单',
    expandMenu: '展开菜单',
    collapseMenu: '收起菜单',
    homeLink: '容错纠错 首页',
    demo: '演示环境',
    menu: '菜单',
    mainNav: '主导航',
    jurisdiction: '所在辖区',
    logout: '退出登录',
    account: '账号：{{name}}',
  },
  roles: {
    cadre: '干部',
    unit_leader: '单位负责人',
    case_officer: '承办人',
    committee_member: '常委会委员',
    commission_leader: '主要负责人',
    org_dept: '组织部',
    supervisor: '上级纪委监委',
    admin: '系统管理员',
  },
  nav: {
    groups: {
      main: '工作台',
      matters: '容错办理',
      procedures: '纠错、报备、澄清与回访',
      stats: '统计分析',
      roster: '干部名册',
      admin: '系统管理',
    },
    home: { label: '首页', description: '查看本人账号与工作入口' },
    myMatters: {
      label: '我的申请',
      description: '查看容错申请办到了哪一步、下一个期限，下载文书，签收和申诉',
    },
    apply: { label: '申请容错', description: '先了解哪些情形可以容错，再填写情况、上传材料并提交' },
    matters: { label: '容错事项', description: '按期限排列的待办事项，按阶段、启动方式和辖区筛选' },
    newMatter: { label: '新建事项', description: '组织主动启动容错甄别，或由单位代干部申请' },
    meetings: { label: '集体研究', description: '待常委会研究的事项：回避、表决、会议纪要和作出决定' },
    roster: {
      label: '名册查询',
      description: '按姓名、职务、单位或身份证号查找干部，按单位、状态等筛选，导出 Excel',
    },
    rosterImport: {
      label: '名册导入',
      description: '从 Excel 或 CSV 导入干部名册：先预览逐行检查，再正式导入',
    },
    audit: { label: '审计日志', description: '查看每一次数据变更和敏感信息查看的记录' },
    dashboard: { label: '统计分析', description: '办理进度、处理结果、各环节用时和超期情况；上级可比较各县' },
    scorecard: { label: '实施力度评价', description: '各县（市、区）容错纠错机制实施力度的评分、排名和对比，可导出 Excel' },
    consistency: { label: '认定尺度', description: '按单位、承办人和决定人看容错结果结构，提示容错率远高于辖区常态的情况' },
    users: { label: '用户与角色', description: '新建用户、授予或撤销带辖区范围的角色、重置密码、停用' },
    units: { label: '单位', description: '查看和新增单位' },
    policies: { label: '容错政策', description: '查看各辖区各版本的政策，比较版本差异' },
    calendar: { label: '工作日历', description: '节假日和调休安排，录入新年份，计算期限' },
    corrections: {
      label: '纠错',
      description: '纠错通知、整改进展与佐证材料、验收、回头看和销号；逾期或拒不整改报请领导处理',
    },
    preRegistrations: {
      label: '事前报备',
      description: '改革创新、先行先试事项实施前报备：初审、退回修改、下载和验证事前报备回执',
    },
    nameClearings: {
      label: '澄清正名',
      description: '举报经核查失实的，研判、征求本人意见、报批后澄清正名，出具澄清正名书，抄送组织部门',
    },
    followUps: {
      label: '回访教育',
      description: '对受处分干部回访：填写登记表、评定等次、向组织部门提出使用建议',
    },
    sanctions: {
      label: '处分与影响期',
      description: '干部所受处分及其影响期，待回访、回访中和已回访的处分，制定回访计划',
    },
    outcomeLedger: {
      label: '结果运用台账',
      description: '干部的容错认定、纠错、澄清、处分影响期和重新使用建议，筛选、导出和推送',
    },
    caseLibrary: {
      label: '典型案例',
      description: '检索已发布和本辖区内部的典型案例；将已决定事项脱敏后提请发布、审批发布',
    },
  },
  auth: {
    title: '登录',
    expired: '登录已过期，请重新登录，登录后将回到原来的页面。',
    username: '用户名',
    usernameRequired: '请输入用户名',
    password: '密码',
    passwordRequired: '请输入密码',
    submit: '登录',
    auditNote: '本系统仅限授权人员使用，登录和操作均记入审计日志。',
    version: '版本 {{version}}',
    principle: {
      title: '三个区分开来',
      one: '把干部在推进改革中因缺乏经验、先行先试出现的失误和错误，同明知故犯的违纪违法行为区分开来；',
      two: '把上级尚无明确限制的探索性试验中的失误和错误，同上级明令禁止后依然我行我素的违纪违法行为区分开来；',
      three: '把为推动发展的无意过失，同为谋取私利的违纪违法行为区分开来。',
    },
    demo: {
      title: '演示账号',
      hint: '点击用户名即可填入。所有演示账号的密码均为',
      fill: '使用演示账号 {{username}} 填写',
    },
  },
  home: {
    welcome: '{{name}}，您好',
    work: '我的工作',
    account: {
      title: '我的账号',
      displayName: '姓名',
      username: '用户名',
      roles: '角色与辖区',
      demo: '当前为演示环境，数据均为虚构。',
    },
  },
  roster: {
    list: {
      title: '干部名册',
      total: '共 {{count}} 人',
      noMatch: '没有符合条件的干部',
      empty: '名册中还没有干部',
      goImport: '导入名册',
      import: '导入名册',
    },
    export: {
      button: '导出 Excel',
      fileName: '干部名册.xlsx',
      started: '已开始下载',
    },
    filters: {
      region: '查询干部',
      search: '搜索',
      searchPlaceholder: '姓名、职务、单位或身份证号',
      searchButton: '搜索',
      unit: '单位',
      unitPlaceholder: '全部单位',
      unitsFailed: '单位列表加载失败',
      noUnits: '没有可选的单位',
      status: '状态',
      gender: '性别',
      party: '政治面貌',
      any: '全部',
      toggle: '筛选',
      clear: '清除筛选',
      clearAll: '清除搜索和筛选',
    },
    fields: {
      name: '姓名',
      gender: '性别',
      birthMonth: '出生年月',
      unit: '单位',
      position: '职务',
      rank: '职级',
      party: '政治面貌',
      status: '状态',
      idNumber: '身份证号',
      mobile: '手机号',
      jurisdiction: '辖区',
      updatedAt: '最后更新',
      createdAt: '建档时间',
    },
    gender: { male: '男', female: '女' },
    party: { member: '中共党员', probationary: '中共预备党员', none: '非党员' },
    status: { in_office: '在职', retired: '退休', transferred_out: '调出', deceased: '去世' },
    reveal: {
      idNumber: { button: '查看完整身份证号', confirm: '查看完整身份证号？' },
      mobile: { button: '查看完整手机号', confirm: '查看完整手机号？' },
      hide: '隐藏',
      confirmBody: '此次查看将记入审计日志（查看人、时间和对象）。请仅在工作需要时查看。',
      confirmOk: '确认查看',
    },
    detail: {
      title: '干部详情',
      back: '返回名册',
      timeNote: '时间均为北京时间。',
    },
  },
  import: {
    title: '名册导入',
    file: {
      title: '选择文件',
      help: '请使用导入模板填写，第一行为列名。',
      drop: '点击或将文件拖到此处',
      formats: '支持 .xlsx 和 .csv 文件',
    },
    template: {
      download: '下载导入模板',
      fileName: '干部名册导入模板.xlsx',
    },
    mode: {
      title: '导入方式',
      allOrNothing: '全部成功才导入',
      allOrNothingHelp: '只要有一行有误，就不导入任何数据',
      validRows: '只导入正确的行',
      validRowsHelp: '跳过有误的行，其余行照常导入',
    },
    run: {
      title: '检查并导入',
      preview: '预览检查',
      import: '确认导入',
      needFile: '请先选择文件。',
      needPreview: '请先预览检查，确认无误后再导入。',
      blocked: '按“全部成功才导入”方式，需先修正下列错误并重新选择文件；也可改为“只导入正确的行”。',
      uploading: '正在上传…',
      checking: '正在逐行检查…',
      importing: '正在导入…',
      failed: '文件未能处理',
      toRoster: '查看干部名册',
    },
    outcome: {
      imported: '导入完成',
      importedDetail:
        '新增 {{created}} 人，更新 {{updated}} 人，{{unchanged}} 人无变化，跳过 {{skipped}} 行。',
      rejected: '有 {{rows}} 行有误，未导入任何数据',
      rejectedDetail: '请按下表修正文件后重新选择，或改为“只导入正确的行”。',
      previewClean: '预览检查通过，可以导入',
      previewDetail: '导入后将新增 {{created}} 人，更新 {{updated}} 人，{{unchanged}} 人无变化。',
      previewErrors: '预览发现 {{rows}} 行有误',
      previewErrorsAllOrNothing: '按“全部成功才导入”方式，这些错误修正前不能导入。',
      previewErrorsValidRows: '导入时将跳过这些行，其余 {{rows}} 行照常导入。',
    },
    summary: {
      previewTitle: '预览结果',
      resultTitle: '导入结果',
      totalRows: '总行数',
      created: '新增',
      updated: '更新',
      unchanged: '无变化',
      skipped: '跳过',
      errorRows: '有误行数',
      format: '文件格式：{{format}}；编码：{{encoding}}',
      encodingNone: '不适用',
      warnings: '提示',
    },
    errors: {
      title: '逐行错误（{{count}} 处）',
      row: '行号',
      column: '列',
      value: '值',
      problem: '问题',
      emptyValue: '（空）',
      noMatch: '没有符合筛选条件的错误',
      filterColumn: '按列筛选',
      allColumns: '全部列',
      filterText: '搜索值或问题',
      rowN: '第 {{row}} 行',
      truncated: '另有 {{count}} 处未显示，请缩小筛选范围',
    },
  },
  audit: {
    title: '审计日志',
    filters: '筛选审计事件',
    search: '查询',
    entityTypePlaceholder: '如 cadre、user',
    empty: '没有审计事件',
    total: '共 {{count}} 条',
    fields: {
      seq: '序号',
      occurredAt: '时间（北京时间）',
      actor: '操作人',
      action: '操作',
      entityType: '对象类型',
      entityId: '对象编号',
    },
  },
};

/** The texts bundled with the first page (login, shell, roster); en.ts has the same keys. */
export type BaseMessages = typeof zhCN;
/**
 * Every namespace, for typed `t()` keys: the base ones plus those of the tolerance pages, which are
 * added when those pages load (i18n/work.ts) so the login page does not carry them.
 */
export type Messages = BaseMessages &
  typeof MATTERS_ZH &
  typeof STEPS_ZH &
  typeof ADMIN_ZH &
  typeof PROCEDURES_ZH &
  typeof OUTCOMES_ZH &
  typeof CASES_ZH &
  typeof SCORECARD_ZH &
  typeof CONSISTENCY_ZH;
