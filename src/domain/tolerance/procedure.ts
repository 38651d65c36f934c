/**
 * 容错 — the tolerance procedure as one table (DESIGN §3.1, DOMAIN §4): application → acceptance →
 * verification → determination proposal → collective decision → (higher approval) → notice →
 * publicity and filing → appeal and review → closed; with supplement, withdrawal, suspension and
 * conversion into an ordinary discipline case as explicit steps.
 */
import type { LocalDate } from '../calendar/local-date.ts';
import type { Outcome } from '../policy/types.ts';
import type { GuardResult, ProcedureTable } from '../procedure/engine.ts';

export const TOLERANCE_STATES = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待受理', en: 'Awaiting acceptance' },
  awaiting_supplement: { zh: '待补正材料', en: 'Awaiting supplement' },
  verifying: { zh: '核实中', en: 'Verifying' },
  awaiting_decision: { zh: '待集体研究', en: 'Awaiting collective decision' },
  deliberating: { zh: '集体研究中', en: 'Deliberating' },
  awaiting_approval: { zh: '待上级批准', en: 'Awaiting higher approval' },
  decided: { zh: '已决定待送达', en: 'Decided, to be notified' },
  notified: { zh: '已送达', en: 'Notified' },
  under_review: { zh: '申诉复核中', en: 'Under review on appeal' },
  closed: { zh: '已办结', en: 'Closed', terminal: true },
  not_accepted: { zh: '不予受理', en: 'Not accepted', terminal: true },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', terminal: true },
  suspended: { zh: '已中止', en: 'Suspended' },
  converted: { zh: '已转纪律审查', en: 'Converted to a discipline case', terminal: true },
} as const;

export type ToleranceState = keyof typeof TOLERANCE_STATES;

/** How a matter began (FACTS.md `route`). */
export type ToleranceRoute = 'own_application' | 'unit_application' | 'ex_officio' | 'pre_registration';

/** What the table's guards need to know about a matter. */
export type ToleranceMatter = {
  status: ToleranceState;
  route: ToleranceRoute;
  suspendedFrom: ToleranceState | null;
  factsRecorded: boolean;
  verificationExtended: boolean;
  outcome: Outcome | null;
  /** Day the subject received the decision: the appeal window runs from it. */
  receivedOn: LocalDate | null;
  /** Last day to appeal, once received. */
  appealDeadline: LocalDate | null;
  appealed: boolean;
  filed: boolean;
  publicityRequired: boolean;
  published: boolean;
  /** A correction ordered with this decision was escalated as overdue or refused (纠错, DOMAIN §5.2). */
  correctionEscalated: boolean;
  /** Today in Beijing, supplied by the caller with `now` so guards stay pure. */
  today: LocalDate;
};

const ok: GuardResult = { ok: true };
const ACTIVE: ToleranceState[] = ['submitted', 'awaiting_supplement', 'verifying', 'awaiting_decision', 'deliberating'];
/** Who filed: the cadre (own application, about themself) or the unit leader who filed for the unit. */
const APPLICANT = [
  { role: 'cadre', relation: 'subject_or_applicant' },
  { role: 'unit_leader', relation: 'applicant_unit_leader' },
] as const;
/** Anyone on the cadre's side: the cadre and the leader of the cadre's unit (evidence, the unit opinion). */
const CADRE_SIDE = [
  { role: 'cadre', relation: 'subject_or_applicant' },
  { role: 'unit_leader', relation: 'subject_unit_leader' },
] as const;
/** Rights of the person handled (appeal, receipt): the cadre alone. */
const SUBJECT = [{ role: 'cadre', relation: 'subject_or_applicant' }] as const;

export const TOLERANCE_PROCEDURE = {
  type: 'tolerance',
  states: TOLERANCE_STATES,
  actions: {
    submit: { from: ['draft'], to: 'submitted', by: APPLICANT, label: { zh: '提交申请', en: 'Submit' } },
    request_supplement: { from: ['submitted'], to: 'awaiting_supplement', by: [{ role: 'case_officer' }], label: { zh: '要求补正', en: 'Request supplement' } },
    supplement: { from: ['awaiting_supplement'], to: 'submitted', by: APPLICANT, label: { zh: '补正材料', en: 'Supplement' } },
    accept: { from: ['submitted'], to: 'verifying', by: [{ role: 'case_officer' }], label: { zh: '受理', en: 'Accept' } },
    refuse_acceptance: { from: ['submitted', 'awaiting_supplement'], to: 'not_accepted', by: [{ role: 'case_officer' }], label: { zh: '不予受理', en: 'Refuse to accept' }, danger: true },
    add_evidence: {
      from: ['draft', 'submitted', 'awaiting_supplement', 'verifying'],
      to: (m) => m.status,
      by: [...CADRE_SIDE, { role: 'case_officer' }],
      label: { zh: '上传证据材料', en: 'Add evidence' },
    },
    add_task: { from: ['verifying'], to: 'verifying', by: [{ role: 'case_officer' }], label: { zh: '安排核实任务', en: 'Add verification task' } },
    complete_task: { from: ['verifying'], to: 'verifying', by: [{ role: 'case_officer' }], label: { zh: '完成核实任务', en: 'Complete task' } },
    record_unit_opinion: {
      from: ['verifying'],
      to: 'verifying',
      by: [{ role: 'unit_leader', relation: 'subject_unit_leader' }, { role: 'case_officer' }],
      label: { zh: '提出单位意见', en: 'Give the unit opinion' },
    },
    extend_verification: {
      from: ['verifying'],
      to: 'verifying',
      by: [{ role: 'commission_leader' }],
      label: { zh: '批准延长核实期限', en: 'Extend verification' },
      guard: (m) => (m.verificationExtended ? { ok: false, code: 'matter.already_extended' } : ok),
    },
    record_facts: { from: ['verifying'], to: 'verifying', by: [{ role: 'case_officer' }], label: { zh: '认定事实并研判', en: 'Record facts and evaluate' } },
    propose: {
      from: ['verifying'],
      to: 'awaiting_decision',
      by: [{ role: 'case_officer' }],
      label: { zh: '提出认定意见', en: 'Propose a determination' },
      guard: (m) => (m.factsRecorded ? ok : { ok: false, code: 'matter.facts_missing' }),
    },
    return_for_verification: {
      from: ['awaiting_decision', 'deliberating'],
      to: 'verifying',
      by: [{ role: 'commission_leader' }],
      label: { zh: '退回补充核实', en: 'Return for further verification' },
    },
    convene_meeting: {
      from: ['awaiting_decision'],
      to: 'deliberating',
      by: [{ role: 'commission_leader' }, { role: 'case_officer' }],
      label: { zh: '提请常委会研究', en: 'Put before the standing committee' },
    },
    declare_conflict: {
      from: ['submitted', 'awaiting_supplement', 'verifying', 'awaiting_decision', 'deliberating', 'under_review'],
      to: (m) => m.status,
      by: [{ role: 'case_officer' }, { role: 'committee_member' }, { role: 'commission_leader' }],
      label: { zh: '申请回避', en: 'Declare a conflict' },
      recusal: false,
    },
    cast_vote: { from: ['deliberating'], to: 'deliberating', by: [{ role: 'committee_member' }], label: { zh: '表决', en: 'Vote' } },
    decide: {
      from: ['deliberating'],
      to: (_m, branch) => (branch === 'needs_approval' ? 'awaiting_approval' : 'decided'),
      by: [{ role: 'commission_leader' }],
      label: { zh: '作出决定', en: 'Issue the decision' },
    },
    approve: { from: ['awaiting_approval'], to: 'decided', by: [{ role: 'supervisor' }], label: { zh: '批准', en: 'Approve' } },
    reject_approval: { from: ['awaiting_approval'], to: 'awaiting_decision', by: [{ role: 'supervisor' }], label: { zh: '不予批准', en: 'Withhold approval' }, danger: true },
    notify: { from: ['decided'], to: 'notified', by: [{ role: 'case_officer' }], label: { zh: '送达决定', en: 'Notify the decision' } },
    acknowledge_receipt: {
      from: ['notified'],
      to: 'notified',
      by: SUBJECT,
      label: { zh: '签收决定', en: 'Acknowledge receipt' },
      guard: (m) => (m.receivedOn ? { ok: false, code: 'matter.already_received' } : ok),
    },
    /** 送达: the officer records delivery (e.g. served in person, or the cadre refused to sign). */
    record_delivery: {
      from: ['notified'],
      to: 'notified',
      by: [{ role: 'case_officer' }],
      label: { zh: '登记送达', en: 'Record delivery' },
      guard: (m) => (m.receivedOn ? { ok: false, code: 'matter.already_received' } : ok),
    },
    publicize: {
      from: ['notified', 'closed'],
      to: (m) => m.status,
      by: [{ role: 'case_officer' }],
      label: { zh: '公示', en: 'Publicise' },
      guard: (m) => (m.publicityRequired && !m.published ? ok : { ok: false, code: 'matter.publicity_not_required' }),
    },
    file_with_higher: {
      from: ['notified', 'under_review', 'closed'],
      to: (m) => m.status,
      by: [{ role: 'case_officer' }],
      label: { zh: '报上级备案', en: 'File with the higher level' },
      guard: (m) => (m.filed ? { ok: false, code: 'matter.already_filed' } : ok),
    },
    appeal: {
      from: ['notified'],
      to: 'under_review',
      by: SUBJECT,
      label: { zh: '提出申诉', en: 'Appeal' },
      guard: (m) => {
        if (m.appealed) return { ok: false, code: 'matter.already_appealed' };
        if (!m.appealDeadline) return { ok: false, code: 'matter.not_received' };
        return m.today > m.appealDeadline ? { ok: false, code: 'matter.appeal_window_closed', details: { deadline: m.appealDeadline } } : ok;
      },
    },
    assign_review_panel: { from: ['under_review'], to: 'under_review', by: [{ role: 'commission_leader' }, { role: 'case_officer' }], label: { zh: '组成复核组', en: 'Form the review panel' } },
    review_decide: { from: ['under_review'], to: 'closed', by: [{ role: 'committee_member' }], label: { zh: '作出复核决定', en: 'Decide the review' } },
    close: {
      from: ['notified'],
      to: 'closed',
      by: [{ role: 'case_officer' }],
      label: { zh: '办结', en: 'Close' },
      guard: (m) =>
        m.appealDeadline && m.today > m.appealDeadline ? ok : { ok: false, code: 'matter.appeal_window_open', details: { deadline: m.appealDeadline ?? '—' } },
    },
    // Liuzhou logic (DOMAIN §5.2): overdue or refused correction can reopen the tolerance decision.
    reopen: {
      from: ['notified', 'closed'],
      to: 'awaiting_decision',
      by: [{ role: 'commission_leader' }],
      label: { zh: '重新研究容错认定', en: 'Reopen the decision' },
      danger: true,
      guard: (m) => (m.correctionEscalated ? ok : { ok: false, code: 'matter.correction_not_escalated' }),
    },
    withdraw: {
      from: ['draft', 'submitted', 'awaiting_supplement', 'verifying'],
      to: 'withdrawn',
      by: APPLICANT,
      label: { zh: '撤回申请', en: 'Withdraw' },
      danger: true,
      // A check the commission opened itself is not the cadre's to withdraw.
      guard: (m) => (m.route === 'ex_officio' ? { ok: false, code: 'matter.ex_officio_not_withdrawable' } : ok),
    },
    suspend: { from: ACTIVE, to: 'suspended', by: [{ role: 'commission_leader' }], label: { zh: '中止办理', en: 'Suspend' } },
    resume: { from: ['suspended'], to: (m) => m.suspendedFrom ?? 'verifying', by: [{ role: 'commission_leader' }], label: { zh: '恢复办理', en: 'Resume' } },
    convert: {
      from: ['verifying', 'awaiting_decision', 'suspended'],
      to: 'converted',
      by: [{ role: 'commission_leader' }],
      label: { zh: '转为纪律审查', en: 'Convert to a discipline case' },
      danger: true,
    },
  },
} as const satisfies ProcedureTable<ToleranceState, string, ToleranceMatter>;

export type ToleranceAction = keyof typeof TOLERANCE_PROCEDURE.actions;
