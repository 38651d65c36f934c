import { describe, expect, it } from 'vitest';
import { CORRECTION_STATES } from '../correction/procedure.ts';
import { FOLLOW_UP_STATES } from '../follow-up/procedure.ts';
import { NAME_CLEARING_STATES } from '../name-clearing/procedure.ts';
import {
  countedTypes,
  PROCEDURE_COUNTERS,
  procedureCounters,
  type StatusCount,
} from './procedure-counters.ts';

const row = (type: string, status: string, total: number, overdue = 0, inPeriod = 0): StatusCount => ({
  type,
  status,
  total,
  overdue,
  inPeriod,
});

const countsOf = (result: ReturnType<typeof procedureCounters>, type: string) =>
  Object.fromEntries(result.find((p) => p.type === type)!.counters.map((c) => [c.key, c.count]));

describe('procedure counters', () => {
  const rows = [
    row('correction', 'rectifying', 7, 2),
    row('correction', 'awaiting_acceptance', 1),
    row('correction', 'escalated', 3),
    row('correction', 'closed', 9, 0, 4),
    row('correction', 'terminated', 2, 0, 2),
    row('pre_registration', 'submitted', 5, 1),
    row('pre_registration', 'acknowledged', 12, 0, 6),
    row('pre_registration', 'returned', 1),
    row('pre_registration', 'draft', 8),
    // Another procedure's statuses never leak into these counters.
    row('tolerance', 'submitted', 40, 3),
  ];

  it('counts open corrections over every non-terminal status, overdue only while rectifying', () => {
    expect(countsOf(procedureCounters(rows, false), 'correction')).toEqual({
      open: 11,
      overdue: 2,
      escalated: 3,
      closed: 4,
    });
  });

  it('counts filings awaiting review now, acknowledged in the period, returned now', () => {
    expect(countsOf(procedureCounters(rows, false), 'pre_registration')).toEqual({
      submitted: 5,
      acknowledged: 6,
      returned: 1,
    });
  });

  it('counts name clearings open, overdue while the clearing period runs, awaiting filing, and filed in the period', () => {
    const clearings = [
      row('name_clearing', 'consulting', 2, 1),
      row('name_clearing', 'executing', 3, 2),
      row('name_clearing', 'cleared', 1),
      row('name_clearing', 'not_cleared', 1),
      row('name_clearing', 'closed', 6, 0, 4),
      row('name_clearing', 'ended', 3, 0, 2),
      row('follow_up', 'closed', 9, 0, 9),
    ];
    expect(countsOf(procedureCounters(clearings, false), 'name_clearing')).toEqual({
      open: 7,
      overdue: 3,
      to_file: 1,
      cleared: 4,
    });
    const open = PROCEDURE_COUNTERS.find((p) => p.type === 'name_clearing')!.counters[0]!.statuses;
    for (const [status, state] of Object.entries(NAME_CLEARING_STATES))
      expect(open.includes(status)).toBe(!('terminal' in state));
  });

  it('counts follow-ups open, visits overdue, sent to the organisation department, and received in the period', () => {
    const followUps = [
      row('follow_up', 'planned', 4, 3),
      row('follow_up', 'visited', 1),
      row('follow_up', 'graded', 1),
      row('follow_up', 'notified', 2),
      row('follow_up', 'closed', 8, 0, 5),
      row('follow_up', 'cancelled', 2, 0, 1),
      row('name_clearing', 'executing', 5, 5),
    ];
    expect(countsOf(procedureCounters(followUps, false), 'follow_up')).toEqual({
      open: 8,
      overdue: 3,
      notified: 2,
      closed: 5,
    });
    const open = PROCEDURE_COUNTERS.find((p) => p.type === 'follow_up')!.counters[0]!.statuses;
    for (const [status, state] of Object.entries(FOLLOW_UP_STATES))
      expect(open.includes(status)).toBe(!('terminal' in state));
  });

  it('suppresses counts of 1–4 and keeps zero', () => {
    const shown = procedureCounters([row('correction', 'escalated', 3)], true);
    expect(countsOf(shown, 'correction')).toEqual({ open: '<5', overdue: 0, escalated: '<5', closed: 0 });
  });

  it('is one entry per procedure, in declared order, each counter saying what it counts', () => {
    const result = procedureCounters([], false);
    expect(result.map((p) => p.type)).toEqual(countedTypes());
    expect(result[0]!.counters[0]).toMatchObject({
      key: 'open',
      label: { zh: '未销号' },
      window: 'now',
      overdueOnly: false,
    });
    const open = PROCEDURE_COUNTERS[0]!.counters[0]!.statuses;
    for (const [status, state] of Object.entries(CORRECTION_STATES))
      expect(open.includes(status)).toBe(!('terminal' in state));
  });

  it('takes a new procedure as one more entry', () => {
    const specs = [
      ...PROCEDURE_COUNTERS,
      {
        type: 'inquiry',
        label: { zh: '谈话函询', en: 'Inquiries' },
        counters: [
          {
            key: 'done',
            label: { zh: '已办结', en: 'Done' },
            statuses: ['done'],
            window: 'period' as const,
          },
        ],
      },
    ];
    const result = procedureCounters([row('inquiry', 'done', 6, 0, 5)], false, specs);
    expect(countsOf(result, 'inquiry')).toEqual({ done: 5 });
  });
});
