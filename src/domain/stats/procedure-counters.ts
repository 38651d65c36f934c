/**
 * The dashboard's counters of the procedures beside tolerance (纠错、事前报备、澄清正名、
 * 回访教育): each procedure is one entry of a list, each counter one declared row — which statuses it
 * counts, whether only overdue ones, and over which window — so a new procedure adds an entry here
 * and nothing in the response's shape or the page changes.
 *
 * Windows: `now` counts the work in hand at the moment of asking, whenever it began (open, escalated,
 * awaiting review); `period` counts what reached a final status within the dashboard's period (closed,
 * acknowledged), by the day it got there (`closed_at`).
 */
import { CORRECTION_STATES } from '../correction/procedure.ts';
import { FOLLOW_UP_STATES } from '../follow-up/procedure.ts';
import { NAME_CLEARING_STATES } from '../name-clearing/procedure.ts';
import { cell, type Cell } from './indicators.ts';

type Label = { zh: string; en: string };

export type ProcedureCounterSpec = {
  key: string;
  label: Label;
  statuses: readonly string[];
  /** Only matters past the running time limit (their `due_on` before today). */
  overdueOnly?: boolean;
  window: 'now' | 'period';
};

export type ProcedureCountersSpec = {
  /** The matter type (`matters.type`). */
  type: string;
  label: Label;
  counters: readonly ProcedureCounterSpec[];
};

/** The statuses of a procedure table that are not terminal: the matters still in hand. */
function openStatuses(states: Readonly<Record<string, object>>): string[] {
  return Object.entries(states)
    .filter(([, state]) => !('terminal' in state))
    .map(([status]) => status);
}

export const PROCEDURE_COUNTERS: readonly ProcedureCountersSpec[] = [
  {
    type: 'correction',
    label: { zh: '纠错', en: 'Error correction' },
    counters: [
      {
        key: 'open',
        label: { zh: '未销号', en: 'Open' },
        statuses: openStatuses(CORRECTION_STATES),
        window: 'now',
      },
      {
        key: 'overdue',
        label: { zh: '逾期未整改', en: 'Overdue' },
        statuses: ['rectifying'],
        overdueOnly: true,
        window: 'now',
      },
      {
        key: 'escalated',
        label: { zh: '已报请领导处理', en: 'Escalated' },
        statuses: ['escalated'],
        window: 'now',
      },
      {
        key: 'closed',
        label: { zh: '本期销号', en: 'Closed in the period' },
        statuses: ['closed'],
        window: 'period',
      },
    ],
  },
  {
    type: 'pre_registration',
    label: { zh: '事前报备', en: 'Pre-registration' },
    counters: [
      {
        key: 'submitted',
        label: { zh: '待初审', en: 'Awaiting review' },
        statuses: ['submitted'],
        window: 'now',
      },
      {
        key: 'acknowledged',
        label: { zh: '本期予以备案', en: 'Acknowledged in the period' },
        statuses: ['acknowledged'],
        window: 'period',
      },
      {
        key: 'returned',
        label: { zh: '已退回待修改', en: 'Returned' },
        statuses: ['returned'],
        window: 'now',
      },
    ],
  },
  {
    type: 'name_clearing',
    label: { zh: '澄清正名', en: 'Name clearing' },
    counters: [
      {
        key: 'open',
        label: { zh: '在办', en: 'Open' },
        statuses: openStatuses(NAME_CLEARING_STATES),
        window: 'now',
      },
      {
        // The clearing period runs from the conclusion until the clearing is carried out.
        key: 'overdue',
        label: { zh: '逾期未澄清', en: 'Overdue' },
        statuses: ['trigger_check', 'consulting', 'awaiting_leader', 'executing'],
        overdueOnly: true,
        window: 'now',
      },
      {
        key: 'to_file',
        label: { zh: '已澄清待抄送归档', en: 'Cleared, to be filed' },
        statuses: ['cleared'],
        window: 'now',
      },
      {
        // 'closed' is reached only from 'cleared', after the clearing was carried out.
        key: 'cleared',
        label: { zh: '本期澄清并归档', en: 'Cleared and filed in the period' },
        statuses: ['closed'],
        window: 'period',
      },
    ],
  },
  {
    type: 'follow_up',
    label: { zh: '回访教育', en: 'Follow-up visits' },
    counters: [
      {
        key: 'open',
        label: { zh: '在办', en: 'Open' },
        statuses: openStatuses(FOLLOW_UP_STATES),
        window: 'now',
      },
      {
        // Only a planned visit has a clock: the visit day.
        key: 'overdue',
        label: { zh: '逾期未回访', en: 'Visits overdue' },
        statuses: ['planned'],
        overdueOnly: true,
        window: 'now',
      },
      {
        key: 'notified',
        label: { zh: '已送组织部门待签收', en: 'Sent to the organisation department' },
        statuses: ['notified'],
        window: 'now',
      },
      {
        key: 'closed',
        label: { zh: '本期组织部门签收', en: 'Received in the period' },
        statuses: ['closed'],
        window: 'period',
      },
    ],
  },
];

/** How many matters of one type are in one status, counted three ways by the query. */
export type StatusCount = {
  type: string;
  status: string;
  /** All of them now. */
  total: number;
  /** Those past their running time limit now. */
  overdue: number;
  /** Those that reached the status within the period. */
  inPeriod: number;
};

export type ProcedureCounters = {
  type: string;
  label: Label;
  counters: {
    key: string;
    label: Label;
    count: Cell;
    statuses: string[];
    overdueOnly: boolean;
    window: 'now' | 'period';
  }[];
};

/** The counters of every procedure from the per-status counts, small counts suppressed when asked. */
export function procedureCounters(
  rows: readonly StatusCount[],
  suppress: boolean,
  specs: readonly ProcedureCountersSpec[] = PROCEDURE_COUNTERS,
): ProcedureCounters[] {
  return specs.map((procedure) => ({
    type: procedure.type,
    label: procedure.label,
    counters: procedure.counters.map((counter) => {
      const matching = rows.filter((r) => r.type === procedure.type && counter.statuses.includes(r.status));
      const field = counter.window === 'period' ? 'inPeriod' : counter.overdueOnly ? 'overdue' : 'total';
      const count = matching.reduce((sum, r) => sum + r[field], 0);
      return {
        key: counter.key,
        label: counter.label,
        count: cell(count, suppress),
        statuses: [...counter.statuses],
        overdueOnly: counter.overdueOnly === true,
        window: counter.window,
      };
    }),
  }));
}

/** The matter types the counters read. */
export function countedTypes(specs: readonly ProcedureCountersSpec[] = PROCEDURE_COUNTERS): string[] {
  return specs.map((s) => s.type);
}
