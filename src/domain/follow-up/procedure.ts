/**
 * 回访教育 and 重新使用 — the follow-up visit procedure as one table (DESIGN §3.7, DOMAIN §7): for a
 * sanction recorded against a cadre the commission plans a visit between the sanction taking effect
 * and the end of its influence period (谁处分谁回访) → a team of at least two visits, listens,
 * observes and talks (听、察、谈) and fills in the register form (回访教育情况登记表) → the result is
 * graded 好 / 一般 / 较差 → the commission recommends reuse (only after a good grade, never after
 * 开除) or not, with reasons kept for audit → the leader approves and sends it with the register
 * form to the organisation department → the department signs for it. The influence-period block on
 * promotion itself is in ./influence.ts.
 */
import type { LocalDate } from '../calendar/local-date.ts';
import { DomainError } from '../errors.ts';
import type { GuardResult, ProcedureTable } from '../procedure/engine.ts';

export const FOLLOW_UP_STATES = {
  planned: { zh: '待回访', en: 'Visit planned' },
  visited: { zh: '已回访待评定', en: 'Visited, to be graded' },
  graded: { zh: '已评定待提出使用建议', en: 'Graded, recommendation due' },
  reuse_recommended: { zh: '建议使用，待审核报送', en: 'Reuse recommended, awaiting approval' },
  reuse_not_recommended: { zh: '暂不建议使用，待审核报送', en: 'Reuse not recommended, awaiting approval' },
  // The organisation department reads a follow-up from here on (its status, like a tolerance
  // matter's, says it has been notified).
  notified: { zh: '已送组织部门', en: 'Sent to the organisation department' },
  closed: { zh: '组织部门已签收', en: 'Received by the organisation department', terminal: true },
  cancelled: { zh: '已取消', en: 'Cancelled', terminal: true },
} as const;

export type FollowUpState = keyof typeof FOLLOW_UP_STATES;

/** 回访评定等次 (Hanyin): 好 / 一般 / 较差. */
export const VISIT_GRADES = ['good', 'average', 'poor'] as const;
export type VisitGrade = (typeof VISIT_GRADES)[number];
export const VISIT_GRADE_LABELS: Record<VisitGrade, { zh: string; en: string }> = {
  good: { zh: '好', en: 'Good' },
  average: { zh: '一般', en: 'Average' },
  poor: { zh: '较差', en: 'Poor' },
};

/** 听、察、谈: how the team learns how the cadre is doing. */
export const VISIT_METHODS = ['listen', 'observe', 'talk'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const VISIT_METHOD_LABELS: Record<VisitMethod, { zh: string; en: string }> = {
  listen: { zh: '听', en: 'Listen' },
  observe: { zh: '察', en: 'Observe' },
  talk: { zh: '谈', en: 'Talk' },
};

/** Hanyin: a team of at least two visits. */
export const MIN_VISITORS = 2;

/** When visits may fall: from the day the sanction takes effect to the last day of its influence period. */
export type VisitWindow = {
  from: LocalDate;
  /** Last day of the influence period; null when it has no end (开除). */
  until: LocalDate | null;
};

/** What the table's guards need to know about a follow-up. */
export type FollowUpMatter = {
  status: FollowUpState;
  window: VisitWindow;
  /** The grade once given. */
  grade: VisitGrade | null;
  /** False when the sanction rules reuse out (开除). */
  reusable: boolean;
  /** Today in Beijing, supplied by the caller with `now` so guards stay pure. */
  today: LocalDate;
};

const ok: GuardResult = { ok: true };

function within(window: VisitWindow, day: LocalDate): boolean {
  return day >= window.from && (window.until === null || day <= window.until);
}

/** Planning (or replanning) a visit: only while the window is open — from effect to the period's end. */
export function visitWindowGuard(m: FollowUpMatter): GuardResult {
  if (within(m.window, m.today)) return ok;
  return {
    ok: false,
    code: 'follow_up.outside_window',
    details: { from: m.window.from, until: m.window.until ?? '—' },
  };
}

/**
 * Recording a visit: not before the sanction takes effect. Whether the visit itself fell inside the
 * window is checked on its date (`assertVisit`), so a visit held on the period's last day can still
 * be written up the day after.
 */
export function visitOpenGuard(m: FollowUpMatter): GuardResult {
  if (m.today >= m.window.from) return ok;
  return {
    ok: false,
    code: 'follow_up.outside_window',
    details: { from: m.window.from, until: m.window.until ?? '—' },
  };
}

/**
 * 重新使用 is recommended only after a good visit, and never where the sanction rules it out: the
 * reasons for every reuse decision are kept because reusing sanctioned cadres draws public doubt.
 */
export function reuseGuard(m: FollowUpMatter): GuardResult {
  if (!m.reusable) return { ok: false, code: 'follow_up.not_reusable' };
  if (m.grade !== 'good') {
    const label = m.grade ? VISIT_GRADE_LABELS[m.grade] : { zh: '未评定', en: 'not graded' };
    return { ok: false, code: 'follow_up.grade_not_good', details: { grade: label.zh, gradeEn: label.en } };
  }
  return ok;
}

/** The commission's officer plans, visits, grades and recommends; the leader approves and sends. */
const OFFICER = [{ role: 'case_officer' }] as const;
const LEADER = [{ role: 'commission_leader' }] as const;

export const FOLLOW_UP_PROCEDURE = {
  type: 'follow_up',
  states: FOLLOW_UP_STATES,
  actions: {
    reschedule: {
      from: ['planned'],
      to: 'planned',
      by: OFFICER,
      label: { zh: '调整回访计划', en: 'Reschedule the visit' },
      guard: visitWindowGuard,
    },
    record_visit: {
      from: ['planned'],
      to: 'visited',
      by: OFFICER,
      label: { zh: '填写回访教育情况登记表', en: 'Record the visit' },
      guard: visitOpenGuard,
    },
    grade: {
      from: ['visited'],
      to: 'graded',
      by: OFFICER,
      label: { zh: '评定回访结果', en: 'Grade the visit' },
    },
    recommend_reuse: {
      from: ['graded'],
      to: 'reuse_recommended',
      by: OFFICER,
      label: { zh: '提出使用建议', en: 'Recommend reuse' },
      guard: reuseGuard,
    },
    decline_reuse: {
      from: ['graded'],
      to: 'reuse_not_recommended',
      by: OFFICER,
      label: { zh: '提出暂不使用意见', en: 'Recommend against reuse' },
    },
    return_for_revision: {
      from: ['reuse_recommended', 'reuse_not_recommended'],
      to: 'graded',
      by: LEADER,
      label: { zh: '退回重新提出意见', en: 'Return for a new recommendation' },
      danger: true,
    },
    deliver: {
      from: ['reuse_recommended', 'reuse_not_recommended'],
      to: 'notified',
      by: LEADER,
      label: { zh: '审核并送组织部门', en: 'Approve and send to the organisation department' },
    },
    acknowledge: {
      from: ['notified'],
      to: 'closed',
      by: [{ role: 'org_dept' }],
      label: { zh: '组织部门签收', en: 'Sign for it (organisation department)' },
    },
    cancel: {
      from: ['planned', 'visited'],
      to: 'cancelled',
      by: OFFICER,
      label: { zh: '取消回访', en: 'Cancel the follow-up' },
      danger: true,
    },
  },
} as const satisfies ProcedureTable<FollowUpState, string, FollowUpMatter>;

export type FollowUpAction = keyof typeof FOLLOW_UP_PROCEDURE.actions;

/** A visitor on the register form. */
export type Visitor = { name: string; position: string };

/**
 * The visit as entered must be one the window and the team allow: at least two different people,
 * held on a day between the sanction taking effect and the end of its influence period, not later
 * than today.
 * @throws DomainError('follow_up.visitors_too_few' | 'follow_up.visit_in_future' | 'follow_up.visit_outside_window')
 */
export function assertVisit(
  visit: { visitedOn: LocalDate; visitors: readonly Visitor[] },
  window: VisitWindow,
  today: LocalDate,
): void {
  const names = new Set(visit.visitors.map((v) => v.name.trim()).filter(Boolean));
  if (names.size < MIN_VISITORS)
    throw new DomainError('follow_up.visitors_too_few', { count: names.size, min: MIN_VISITORS }, 'visitors');
  if (visit.visitedOn > today)
    throw new DomainError('follow_up.visit_in_future', { date: visit.visitedOn }, 'visitedOn');
  if (!within(window, visit.visitedOn))
    throw new DomainError(
      'follow_up.visit_outside_window',
      { date: visit.visitedOn, from: window.from, until: window.until ?? '—' },
      'visitedOn',
    );
}

/**
 * A planned visit day: not in the past, and inside the window.
 * @throws DomainError('follow_up.plan_in_past' | 'follow_up.plan_outside_window')
 */
export function assertPlannedOn(plannedOn: LocalDate, window: VisitWindow, today: LocalDate): void {
  if (plannedOn < today) throw new DomainError('follow_up.plan_in_past', { date: plannedOn }, 'plannedOn');
  if (!within(window, plannedOn))
    throw new DomainError(
      'follow_up.plan_outside_window',
      { date: plannedOn, from: window.from, until: window.until ?? '—' },
      'plannedOn',
    );
}
