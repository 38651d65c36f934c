/**
 * 纠错 — the error-correction procedure as one table (DESIGN §3.5, DOMAIN §5.2): a correction order
 * (measures, responsible unit and person, deadline in working days) → progress reports from the unit
 * → acceptance of the rectification (验收) on evidence → look-back check (回头看) once the set period
 * has passed → closed (销号). Overdue or refused rectification is escalated to the leader, who orders
 * further rectification or ends the order — or reopens the tolerance decision it came with (a step
 * of the tolerance table, guarded by this matter being escalated).
 */
import type { LocalDate } from '../calendar/local-date.ts';
import type { GuardResult, ProcedureTable } from '../procedure/engine.ts';

export const CORRECTION_STATES = {
  rectifying: { zh: '整改中', en: 'Rectifying' },
  awaiting_acceptance: { zh: '待验收', en: 'Awaiting acceptance' },
  observing: { zh: '待回头看', en: 'Awaiting the look-back check' },
  looked_back: { zh: '回头看已完成待销号', en: 'Looked back, to be closed' },
  escalated: { zh: '已报请领导处理', en: 'Escalated to the leader' },
  closed: { zh: '已销号', en: 'Closed', terminal: true },
  terminated: { zh: '已终止', en: 'Terminated', terminal: true },
} as const;

export type CorrectionState = keyof typeof CORRECTION_STATES;

/** How an order came about: with a tolerance decision, or on its own (a case officer's finding). */
export type CorrectionRoute = 'from_decision' | 'standalone';

/** What the table's guards need to know about a correction; dates are computed by the caller's calendar. */
export type CorrectionMatter = {
  status: CorrectionState;
  /** Last day of the rectification period as the clock now counts it; null when no clock runs. */
  rectificationDue: LocalDate | null;
  /** First day the look-back check may be made; null before the rectification is accepted. */
  lookBackDue: LocalDate | null;
  /** Evidence files on the matter: acceptance (验收) rests on them. */
  evidenceCount: number;
  /** Today in Beijing, supplied by the caller with `now` so guards stay pure. */
  today: LocalDate;
};

const ok: GuardResult = { ok: true };

/** The unit that must rectify, and the cadre the order concerns: the side that reports. */
const UNIT_SIDE = [
  { role: 'cadre', relation: 'subject_or_applicant' },
  { role: 'unit_leader', relation: 'subject_unit_leader' },
] as const;
/** The case officer records reports received on paper, so the unit side's steps are theirs too. */
const REPORTERS = [...UNIT_SIDE, { role: 'case_officer' }] as const;

/** 逾期: escalation as overdue only once the last day of the rectification period has passed. */
export function overdueGuard(m: CorrectionMatter): GuardResult {
  if (m.rectificationDue && m.today > m.rectificationDue) return ok;
  return { ok: false, code: 'correction.not_overdue', details: { deadline: m.rectificationDue ?? '—' } };
}

/** 回头看 after the set period, never before: the period shows whether the rectification holds. */
export function lookBackGuard(m: CorrectionMatter): GuardResult {
  if (m.lookBackDue && m.today >= m.lookBackDue) return ok;
  return { ok: false, code: 'correction.look_back_not_due', details: { date: m.lookBackDue ?? '—' } };
}

export const CORRECTION_PROCEDURE = {
  type: 'correction',
  states: CORRECTION_STATES,
  actions: {
    report_progress: {
      from: ['rectifying'],
      to: 'rectifying',
      by: REPORTERS,
      label: { zh: '报告整改进展', en: 'Report progress' },
    },
    report_completion: {
      from: ['rectifying'],
      to: 'awaiting_acceptance',
      by: REPORTERS,
      label: { zh: '报告整改完成', en: 'Report the rectification complete' },
    },
    add_evidence: {
      from: ['rectifying', 'awaiting_acceptance', 'observing'],
      to: (m) => m.status,
      by: REPORTERS,
      label: { zh: '上传整改佐证材料', en: 'Add evidence' },
    },
    accept_rectification: {
      from: ['awaiting_acceptance'],
      to: 'observing',
      by: [{ role: 'case_officer' }],
      label: { zh: '验收通过', en: 'Accept the rectification' },
      guard: (m) => (m.evidenceCount > 0 ? ok : { ok: false, code: 'correction.evidence_missing' }),
    },
    reject_rectification: {
      from: ['awaiting_acceptance'],
      to: 'rectifying',
      by: [{ role: 'case_officer' }],
      label: { zh: '验收不通过', en: 'Reject the rectification' },
      danger: true,
    },
    escalate: {
      from: ['rectifying'],
      to: 'escalated',
      by: [{ role: 'case_officer' }],
      label: { zh: '逾期未整改报请领导处理', en: 'Escalate as overdue' },
      guard: overdueGuard,
    },
    record_refusal: {
      from: ['rectifying'],
      to: 'escalated',
      by: [{ role: 'case_officer' }],
      label: { zh: '认定拒不整改并报请领导处理', en: 'Record a refusal and escalate' },
      danger: true,
    },
    reorder: {
      from: ['escalated'],
      to: 'rectifying',
      by: [{ role: 'commission_leader' }],
      label: { zh: '责令限期继续整改', en: 'Order further rectification' },
    },
    terminate: {
      from: ['escalated'],
      to: 'terminated',
      by: [{ role: 'commission_leader' }],
      label: { zh: '终止纠错', en: 'End the correction' },
      danger: true,
    },
    look_back: {
      from: ['observing'],
      // A relapse found on looking back sends the unit back to rectify, under a new deadline.
      to: (_m, branch) => (branch === 'relapsed' ? 'rectifying' : 'looked_back'),
      by: [{ role: 'case_officer' }],
      label: { zh: '回头看', en: 'Look back' },
      guard: lookBackGuard,
    },
    close: {
      from: ['looked_back'],
      to: 'closed',
      by: [{ role: 'case_officer' }],
      label: { zh: '销号', en: 'Close' },
    },
  },
} as const satisfies ProcedureTable<CorrectionState, string, CorrectionMatter>;

export type CorrectionAction = keyof typeof CORRECTION_PROCEDURE.actions;
