import { describe, expect, it } from 'vitest';
import { refusal, targetState, type Actor } from '../procedure/engine.ts';
import {
  matrixMismatches,
  offeredMismatches,
  type Matrix,
  type MatrixSpec,
} from '../procedure/test-matrix.ts';
import { ROLES } from '../roles.ts';
import { actor, day, noonOn } from '../tolerance/test-matter.ts';
import {
  CORRECTION_PROCEDURE,
  type CorrectionAction,
  type CorrectionMatter,
  type CorrectionState,
} from './procedure.ts';

/*
 * The expected correction procedure, written from DESIGN §3.5 and DOMAIN §5.2 (order → progress
 * reports → acceptance on evidence → look-back after the period → close; overdue or refused →
 * the leader) rather than read off the table.
 */
// prettier-ignore
const STATES = [
  'rectifying', 'awaiting_acceptance', 'observing', 'looked_back', 'escalated', 'closed', 'terminated',
] as const satisfies readonly CorrectionState[];

// prettier-ignore
const ACTIONS = [
  'report_progress', 'report_completion', 'add_evidence', 'accept_rectification', 'reject_rectification',
  'escalate', 'record_refusal', 'reorder', 'terminate', 'look_back', 'close',
] as const satisfies readonly CorrectionAction[];

const ACTORS = {
  // The cadre the order concerns (an order that came with their tolerance decision).
  'cadre(subject)': actor('cadre', { isSubject: true, sameUnitAsSubject: true }),
  'cadre(other)': actor('cadre'),
  // The leader of the responsible unit: the unit owns the rectification.
  'unit_leader(responsible unit)': actor('unit_leader', { leadsSubjectUnit: true, sameUnitAsSubject: true }),
  'unit_leader(other)': actor('unit_leader'),
  case_officer: actor('case_officer'),
  committee_member: actor('committee_member'),
  commission_leader: actor('commission_leader'),
  org_dept: actor('org_dept'),
  supervisor: actor('supervisor'),
  admin: actor('admin'),
  'case_officer(same unit)': actor('case_officer', { sameUnitAsSubject: true }),
  'commission_leader(same unit)': actor('commission_leader', { sameUnitAsSubject: true }),
  'committee_member(declared conflict)': actor('committee_member', { declaredConflict: true }),
} satisfies Record<string, Actor>;
type Key = keyof typeof ACTORS;

const UNIT_SIDE_REPORTS = ['report_progress', 'report_completion', 'add_evidence'] as const;

const EXPECTED: Matrix<CorrectionState, CorrectionAction, Key> = {
  rectifying: {
    'cadre(subject)': UNIT_SIDE_REPORTS,
    'unit_leader(responsible unit)': UNIT_SIDE_REPORTS,
    // The officer records reports received on paper, and escalates an overdue or refused order.
    case_officer: [...UNIT_SIDE_REPORTS, 'escalate', 'record_refusal'],
  },
  awaiting_acceptance: {
    'cadre(subject)': ['add_evidence'],
    'unit_leader(responsible unit)': ['add_evidence'],
    case_officer: ['add_evidence', 'accept_rectification', 'reject_rectification'],
  },
  observing: {
    'cadre(subject)': ['add_evidence'],
    'unit_leader(responsible unit)': ['add_evidence'],
    case_officer: ['add_evidence', 'look_back'],
  },
  looked_back: { case_officer: ['close'] },
  escalated: { commission_leader: ['reorder', 'terminate'] },
  closed: {},
  terminated: {},
};

/** Where each action leads; 'same' stays put. look_back is dynamic (tested below). */
const TARGET: Record<Exclude<CorrectionAction, 'look_back'>, CorrectionState | 'same'> = {
  report_progress: 'same',
  report_completion: 'awaiting_acceptance',
  add_evidence: 'same',
  accept_rectification: 'observing',
  reject_rectification: 'rectifying',
  escalate: 'escalated',
  record_refusal: 'escalated',
  reorder: 'rectifying',
  terminate: 'terminated',
  close: 'closed',
};

/** A correction on which every guard passes: overdue since 03-10, look-back due 03-15, one file. */
function correctionIn(status: CorrectionState, overrides: Partial<CorrectionMatter> = {}): CorrectionMatter {
  return {
    status,
    rectificationDue: day('2026-03-10'),
    lookBackDue: day('2026-03-15'),
    evidenceCount: 1,
    today: day('2026-03-16'),
    ...overrides,
  };
}

const NOW = noonOn('2026-03-16');
const SPEC: MatrixSpec<CorrectionState, CorrectionAction, CorrectionMatter, Key> = {
  table: CORRECTION_PROCEDURE,
  states: STATES,
  actions: ACTIONS,
  actors: ACTORS,
  unrelated: {
    'case_officer(same unit)': 'case_officer',
    'commission_leader(same unit)': 'commission_leader',
    'committee_member(declared conflict)': 'committee_member',
  },
  expected: EXPECTED,
  matterFor: (state: CorrectionState) => correctionIn(state),
  now: NOW,
};
const CELLS = STATES.length * ACTIONS.length * Object.keys(ACTORS).length;
const code = (m: CorrectionMatter, who: Actor, a: CorrectionAction) =>
  refusal(CORRECTION_PROCEDURE, m, who, a, NOW)?.code ?? null;

describe('correction procedure table', () => {
  it('has exactly the states and actions of the expectation, and every role is tried', () => {
    expect(Object.keys(CORRECTION_PROCEDURE.states).sort()).toEqual([...STATES].sort());
    expect(Object.keys(CORRECTION_PROCEDURE.actions).sort()).toEqual([...ACTIONS].sort());
    expect(Object.values(ACTORS).map((a) => a.roles[0])).toEqual(expect.arrayContaining([...ROLES]));
  });

  it(`matches the hand-written matrix in all ${CELLS} cells`, () => {
    const { mismatches, checked } = matrixMismatches(SPEC);
    expect(mismatches).toEqual([]);
    expect(checked).toBe(CELLS);
  });

  it('offers each role exactly the expected buttons in every state', () => {
    expect(offeredMismatches(SPEC, (s) => correctionIn(s))).toEqual([]);
  });

  it('leads every allowed step to the expected state', () => {
    for (const state of STATES) {
      for (const action of new Set(Object.values(EXPECTED[state]).flat())) {
        if (action === 'look_back') continue;
        const to = TARGET[action];
        expect(targetState(CORRECTION_PROCEDURE, correctionIn(state), action), `${state} → ${action}`).toBe(
          to === 'same' ? state : to,
        );
      }
    }
  });

  it('looks back to closing when the rectification holds, back to rectifying on a relapse', () => {
    const observing = correctionIn('observing');
    expect(targetState(CORRECTION_PROCEDURE, observing, 'look_back')).toBe('looked_back');
    expect(targetState(CORRECTION_PROCEDURE, observing, 'look_back', 'sustained')).toBe('looked_back');
    expect(targetState(CORRECTION_PROCEDURE, observing, 'look_back', 'relapsed')).toBe('rectifying');
  });

  it('marks closed and terminated, and nothing else, terminal', () => {
    const terminal = STATES.filter((s) => 'terminal' in CORRECTION_PROCEDURE.states[s]);
    expect(terminal).toEqual(['closed', 'terminated']);
  });
});

describe('correction guards', () => {
  const officer = ACTORS.case_officer;

  it('escalates as overdue only after the last day of the rectification period', () => {
    const onLastDay = correctionIn('rectifying', { rectificationDue: day('2026-03-16') });
    const error = refusal(CORRECTION_PROCEDURE, onLastDay, officer, 'escalate', NOW);
    expect(error?.code).toBe('correction.not_overdue');
    expect(error?.messageZh).toBe('整改期限至 2026-03-16 届满前不能按逾期报请处理');
    expect(
      code(correctionIn('rectifying', { rectificationDue: day('2026-03-15') }), officer, 'escalate'),
    ).toBeNull();
    expect(code(correctionIn('rectifying', { rectificationDue: null }), officer, 'escalate')).toBe(
      'correction.not_overdue',
    );
  });

  it('records a refusal at any time while rectifying: refusing is not waiting for the deadline', () => {
    const early = correctionIn('rectifying', { rectificationDue: day('2026-06-30') });
    expect(code(early, officer, 'record_refusal')).toBeNull();
  });

  it('accepts a rectification only on evidence', () => {
    expect(
      code(correctionIn('awaiting_acceptance', { evidenceCount: 0 }), officer, 'accept_rectification'),
    ).toBe('correction.evidence_missing');
    expect(
      code(correctionIn('awaiting_acceptance', { evidenceCount: 2 }), officer, 'accept_rectification'),
    ).toBeNull();
    // Rejecting needs no evidence: the officer says what is missing.
    expect(
      code(correctionIn('awaiting_acceptance', { evidenceCount: 0 }), officer, 'reject_rectification'),
    ).toBeNull();
  });

  it('looks back on or after the day the period ends, never before', () => {
    const dayBefore = correctionIn('observing', { lookBackDue: day('2026-03-17') });
    const error = refusal(CORRECTION_PROCEDURE, dayBefore, officer, 'look_back', NOW);
    expect(error?.code).toBe('correction.look_back_not_due');
    expect(error?.details).toEqual({ date: '2026-03-17' });
    expect(
      code(correctionIn('observing', { lookBackDue: day('2026-03-16') }), officer, 'look_back'),
    ).toBeNull();
    expect(code(correctionIn('observing', { lookBackDue: null }), officer, 'look_back')).toBe(
      'correction.look_back_not_due',
    );
  });
});
