import { describe, expect, it } from 'vitest';
import { calendarWithOfficialSchedules } from '../calendar/official-calendar.ts';
import { parseLocalDate } from '../calendar/local-date.ts';
import { extendDeadline, pauseDeadline, resumeDeadline, startDeadline } from '../calendar/deadline.ts';
import type { ToleranceAction, ToleranceState } from '../tolerance/procedure.ts';
import {
  addMetrics,
  contributionsOfMatter,
  emptyMetrics,
  incrementsForTransition,
  type MatterSnapshot,
  type Metrics,
} from './metrics.ts';

const calendar = calendarWithOfficialSchedules();
const d = (s: string) => parseLocalDate(s);

type Step = { action: ToleranceAction | 'open'; to: ToleranceState; set?: Partial<MatterSnapshot> };

const BLANK: MatterSnapshot = {
  status: 'draft',
  route: 'own_application',
  filedOn: null,
  verificationStartedOn: null,
  proposedOn: null,
  decidedOn: null,
  firstOutcome: null,
  appealed: false,
  reviewResult: null,
  acceptanceClock: null,
  verificationClock: null,
  closedOn: null,
};

/**
 * Walks a matter through steps; after every step the counters (the sum of increments so far) must
 * equal what the matter's present state contributes. Returns the final counters.
 */
function walk(route: MatterSnapshot['route'], steps: Step[]): Metrics {
  let snapshot: MatterSnapshot = { ...BLANK, route };
  let from: ToleranceState | null = null;
  const counters = emptyMetrics();
  for (const step of steps) {
    snapshot = { ...snapshot, ...step.set, status: step.to };
    addMetrics(
      counters,
      incrementsForTransition({ action: step.action, from, to: step.to, after: snapshot }, calendar),
    );
    expect(counters, `after ${step.action} → ${step.to}`).toEqual(contributionsOfMatter(snapshot, calendar));
    from = step.to;
  }
  return counters;
}

const toDecision = (verificationStartedOn: string): Step[] => [
  { action: 'record_facts', to: 'verifying' },
  { action: 'propose', to: 'awaiting_decision', set: { proposedOn: d('2025-03-17') } },
  { action: 'convene_meeting', to: 'deliberating' },
  { action: 'cast_vote', to: 'deliberating' },
  {
    action: 'decide',
    to: 'decided',
    set: {
      decidedOn: d('2025-03-20'),
      firstOutcome: 'mitigate',
      verificationStartedOn: d(verificationStartedOn),
    },
  },
];

describe('counters and the present-state query agree at every step', () => {
  it('own application: supplement, acceptance, decision, notice, appeal varied on review', () => {
    const m = walk('own_application', [
      { action: 'open', to: 'draft' },
      { action: 'submit', to: 'submitted', set: { filedOn: d('2025-03-03') } },
      { action: 'request_supplement', to: 'awaiting_supplement' },
      { action: 'supplement', to: 'submitted' },
      { action: 'accept', to: 'verifying', set: { verificationStartedOn: d('2025-03-07') } },
      { action: 'add_task', to: 'verifying' },
      ...toDecision('2025-03-07'),
      { action: 'notify', to: 'notified' },
      { action: 'acknowledge_receipt', to: 'notified' },
      { action: 'appeal', to: 'under_review', set: { appealed: true } },
      { action: 'assign_review_panel', to: 'under_review' },
      { action: 'review_decide', to: 'closed', set: { reviewResult: 'varied' } },
      { action: 'file_with_higher', to: 'closed' },
    ]);
    expect(m).toMatchObject({
      applied: 1,
      accepted: 1,
      decided: 1,
      notified: 1,
      closed: 1,
      'outcome.mitigate': 1,
      'route.own_application': 1,
    });
    expect(m).toMatchObject({ appealed: 1, reviewed: 1, reversed: 1 });
    // 03-03 (Mon) → 03-07 (Fri): 4 working days; 03-07 → 03-17: 6; 03-17 → 03-20: 3.
    expect(m).toMatchObject({
      'days.acceptance.sum': 4,
      'days.acceptance.n': 1,
      'days.verification.sum': 6,
      'days.decision.sum': 3,
    });
  });

  it('ex officio: accepted on opening, suspended, resumed, converted', () => {
    const m = walk('ex_officio', [
      { action: 'open', to: 'verifying', set: { verificationStartedOn: d('2025-03-03') } },
      { action: 'suspend', to: 'suspended' },
      { action: 'resume', to: 'verifying' },
      { action: 'convert', to: 'converted' },
    ]);
    expect(m).toMatchObject({
      applied: 1,
      accepted: 1,
      converted: 1,
      'route.ex_officio': 1,
      'days.acceptance.n': 0,
      decided: 0,
    });
  });

  it('a draft withdrawn before filing counts nowhere', () => {
    expect(
      walk('own_application', [
        { action: 'open', to: 'draft' },
        { action: 'withdraw', to: 'withdrawn' },
      ]),
    ).toEqual(emptyMetrics());
  });

  it('non-acceptance and withdrawal after acceptance', () => {
    expect(
      walk('unit_application', [
        { action: 'open', to: 'submitted', set: { filedOn: d('2025-03-03') } },
        { action: 'refuse_acceptance', to: 'not_accepted' },
      ]),
    ).toMatchObject({ applied: 1, accepted: 0, not_accepted: 1, 'route.unit_application': 1 });
    expect(
      walk('own_application', [
        { action: 'open', to: 'submitted', set: { filedOn: d('2025-03-03') } },
        { action: 'accept', to: 'verifying', set: { verificationStartedOn: d('2025-03-04') } },
        { action: 'withdraw', to: 'withdrawn' },
      ]),
    ).toMatchObject({ applied: 1, accepted: 1, withdrawn: 1, 'days.acceptance.sum': 1 });
  });

  it('higher approval withheld, then given; a return for verification re-dates the proposal', () => {
    const m = walk('ex_officio', [
      { action: 'open', to: 'verifying', set: { verificationStartedOn: d('2025-03-03') } },
      { action: 'propose', to: 'awaiting_decision', set: { proposedOn: d('2025-03-05') } },
      { action: 'return_for_verification', to: 'verifying' },
      { action: 'propose', to: 'awaiting_decision', set: { proposedOn: d('2025-03-10') } },
      { action: 'convene_meeting', to: 'deliberating' },
      {
        action: 'decide',
        to: 'awaiting_approval',
        set: { decidedOn: d('2025-03-11'), firstOutcome: 'exempt' },
      },
      { action: 'reject_approval', to: 'awaiting_decision', set: { decidedOn: null, firstOutcome: null } },
      { action: 'convene_meeting', to: 'deliberating' },
      {
        action: 'decide',
        to: 'awaiting_approval',
        set: { decidedOn: d('2025-03-12'), firstOutcome: 'exempt' },
      },
      { action: 'approve', to: 'decided' },
      { action: 'notify', to: 'notified' },
      { action: 'close', to: 'closed' },
    ]);
    expect(m).toMatchObject({
      decided: 1,
      'outcome.exempt': 1,
      'days.verification.sum': 5,
      'days.decision.sum': 2,
      closed: 1,
      reviewed: 0,
    });
  });
});

describe('time limits kept or missed (the scorecard’s acceptance on time and overdue share)', () => {
  const fiveDays = { unit: 'working_days', amount: 5 } as const;
  const tenDays = { unit: 'working_days', amount: 10 } as const;
  const filed = (on: string) => ({
    filedOn: d(on),
    acceptanceClock: startDeadline(fiveDays, d(on)),
  });

  it('acceptance: five working days from Monday 03-03 end on Monday 03-10, the last day counting', () => {
    const onTime = walk('own_application', [
      { action: 'open', to: 'submitted', set: filed('2025-03-03') },
      { action: 'accept', to: 'verifying', set: { verificationStartedOn: d('2025-03-10') } },
    ]);
    expect(onTime).toMatchObject({ 'limit.acceptance.met': 1, 'limit.acceptance.missed': 0 });
    const late = walk('own_application', [
      { action: 'open', to: 'submitted', set: filed('2025-03-03') },
      { action: 'accept', to: 'verifying', set: { verificationStartedOn: d('2025-03-11') } },
    ]);
    expect(late).toMatchObject({ 'limit.acceptance.met': 0, 'limit.acceptance.missed': 1 });
  });

  it('acceptance: the days awaiting a supplement do not count (03-06…03-12 paused: due 03-17)', () => {
    const clock = startDeadline(fiveDays, d('2025-03-03'));
    const paused = pauseDeadline(clock, d('2025-03-05'), 'awaiting_supplement');
    const resumed = resumeDeadline(paused, d('2025-03-12'));
    const steps = (acceptedOn: string): Step[] => [
      { action: 'open', to: 'submitted', set: { filedOn: d('2025-03-03'), acceptanceClock: clock } },
      { action: 'request_supplement', to: 'awaiting_supplement', set: { acceptanceClock: paused } },
      { action: 'supplement', to: 'submitted', set: { acceptanceClock: resumed } },
      { action: 'accept', to: 'verifying', set: { verificationStartedOn: d(acceptedOn) } },
    ];
    expect(walk('own_application', steps('2025-03-17'))['limit.acceptance.met']).toBe(1);
    expect(walk('own_application', steps('2025-03-18'))['limit.acceptance.missed']).toBe(1);
  });

  it('a refusal to accept is an acceptance decision too, dated the day it was made', () => {
    const m = walk('unit_application', [
      { action: 'open', to: 'submitted', set: filed('2025-03-03') },
      { action: 'refuse_acceptance', to: 'not_accepted', set: { closedOn: d('2025-03-12') } },
    ]);
    expect(m).toMatchObject({ not_accepted: 1, 'limit.acceptance.missed': 1, 'limit.acceptance.met': 0 });
  });

  it('ex officio matters have no acceptance step to rate', () => {
    const m = walk('ex_officio', [
      { action: 'open', to: 'verifying', set: { verificationStartedOn: d('2025-03-03') } },
    ]);
    expect(m['limit.acceptance.met'] + m['limit.acceptance.missed']).toBe(0);
  });

  it('verification: ten working days from 03-07 end on 03-21; an extension approved in time moves it', () => {
    const verification = startDeadline(tenDays, d('2025-03-07'));
    const decided = (proposedOn: string, clock = verification): Step[] => [
      { action: 'open', to: 'submitted', set: filed('2025-03-03') },
      {
        action: 'accept',
        to: 'verifying',
        set: { verificationStartedOn: d('2025-03-07'), verificationClock: clock },
      },
      { action: 'propose', to: 'awaiting_decision', set: { proposedOn: d(proposedOn) } },
      { action: 'convene_meeting', to: 'deliberating' },
      { action: 'decide', to: 'decided', set: { decidedOn: d('2025-03-28'), firstOutcome: 'exempt' } },
    ];
    expect(walk('own_application', decided('2025-03-21'))['limit.verification.met']).toBe(1);
    expect(walk('own_application', decided('2025-03-24'))['limit.verification.missed']).toBe(1);
    const extended = extendDeadline(
      verification,
      { by: fiveDays, approvedBy: '陈刚', reason: '需补充调查', approvedOn: d('2025-03-20') },
      tenDays,
    );
    // 03-21 + 5 working days = 03-28.
    expect(walk('own_application', decided('2025-03-28', extended))['limit.verification.met']).toBe(1);
    expect(walk('own_application', decided('2025-03-31', extended))['limit.verification.missed']).toBe(1);
  });

  it('a reopened decision takes its verification rating back until decided again', () => {
    const verification = startDeadline(tenDays, d('2025-03-03'));
    const m = walk('ex_officio', [
      {
        action: 'open',
        to: 'verifying',
        set: { verificationStartedOn: d('2025-03-03'), verificationClock: verification },
      },
      { action: 'propose', to: 'awaiting_decision', set: { proposedOn: d('2025-03-05') } },
      { action: 'convene_meeting', to: 'deliberating' },
      { action: 'decide', to: 'decided', set: { decidedOn: d('2025-03-06'), firstOutcome: 'exempt' } },
      { action: 'notify', to: 'notified' },
      { action: 'reopen', to: 'awaiting_decision' },
    ]);
    expect(m['limit.verification.met']).toBe(0);
    expect(m.decided).toBe(0);
  });
});
