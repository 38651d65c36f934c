import { describe, expect, it } from 'vitest';
import { allowedActions, refusal, targetState, type Actor } from '../procedure/engine.ts';
import {
  matrixMismatches,
  offeredMismatches,
  type Matrix,
  type MatrixSpec,
} from '../procedure/test-matrix.ts';
import { ROLES } from '../roles.ts';
import { actor, day, noonOn } from '../tolerance/test-matter.ts';
import {
  NAME_CLEARING_PROCEDURE,
  type NameClearingAction,
  type NameClearingMatter,
  type NameClearingState,
} from './procedure.ts';

/*
 * The expected name-clearing procedure, written from DESIGN §3.6 and DOMAIN §6 (trigger check →
 * the cadre consulted and consenting → the principal leader's approval → clearing within the
 * deadline → copied to the organisation department and filed; the accuser classified and any wrong
 * handling corrected before closing) rather than read off the table.
 */
// prettier-ignore
const STATES = [
  'trigger_check', 'consulting', 'awaiting_leader', 'executing', 'cleared', 'not_cleared', 'closed', 'ended',
] as const satisfies readonly NameClearingState[];

// prettier-ignore
const ACTIONS = [
  'check_triggers', 'record_consent', 'decline', 'submit_for_approval', 'withdraw_consent', 'approve',
  'return_plan', 'extend_deadline', 'execute', 'handle_accuser', 'order_correction', 'archive', 'close',
] as const satisfies readonly NameClearingAction[];

const ACTORS = {
  // The cadre cleared: their own consent, nothing else.
  'cadre(subject)': actor('cadre', { isSubject: true, sameUnitAsSubject: true }),
  'cadre(other)': actor('cadre'),
  // The cadre's unit leader has no part in the record (the clearing may reach the unit, with consent).
  'unit_leader(subject unit)': actor('unit_leader', { leadsSubjectUnit: true, sameUnitAsSubject: true }),
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
  // A commission member cannot clear themself (their own name clearing is handled by others).
  'case_officer(subject)': actor('case_officer', { isSubject: true }),
} satisfies Record<string, Actor>;
type Key = keyof typeof ACTORS;

const EXTEND = 'extend_deadline' as const;
const AFTERMATH = ['handle_accuser', 'order_correction'] as const;

const EXPECTED: Matrix<NameClearingState, NameClearingAction, Key> = {
  trigger_check: { case_officer: ['check_triggers'], commission_leader: [EXTEND] },
  consulting: {
    'cadre(subject)': ['record_consent', 'decline'],
    // The officer records what the cadre said on paper or in person, and puts the plan forward.
    case_officer: ['record_consent', 'decline', 'submit_for_approval'],
    commission_leader: [EXTEND],
  },
  awaiting_leader: {
    'cadre(subject)': ['withdraw_consent'],
    case_officer: ['withdraw_consent'],
    commission_leader: ['approve', 'return_plan', EXTEND],
  },
  executing: {
    'cadre(subject)': ['withdraw_consent'],
    case_officer: ['withdraw_consent', 'execute'],
    commission_leader: [EXTEND],
  },
  cleared: { case_officer: [...AFTERMATH, 'archive'] },
  not_cleared: { case_officer: [...AFTERMATH, 'close'] },
  closed: {},
  ended: {},
};

/** Where each action leads; 'same' stays put. check_triggers is dynamic (tested below). */
const TARGET: Record<Exclude<NameClearingAction, 'check_triggers'>, NameClearingState | 'same'> = {
  record_consent: 'consulting',
  decline: 'not_cleared',
  submit_for_approval: 'awaiting_leader',
  withdraw_consent: 'consulting',
  approve: 'executing',
  return_plan: 'consulting',
  extend_deadline: 'same',
  execute: 'cleared',
  handle_accuser: 'same',
  order_correction: 'same',
  archive: 'closed',
  close: 'ended',
};

/** A name clearing on which every guard passes: consent on record, not extended, accuser not dealt with. */
function clearingIn(
  status: NameClearingState,
  overrides: Partial<NameClearingMatter> = {},
): NameClearingMatter {
  return {
    status,
    consented: true,
    extendedOn: null,
    accuserHandled: false,
    today: day('2026-03-16'),
    ...overrides,
  };
}

const NOW = noonOn('2026-03-16');
const SPEC: MatrixSpec<NameClearingState, NameClearingAction, NameClearingMatter, Key> = {
  table: NAME_CLEARING_PROCEDURE,
  states: STATES,
  actions: ACTIONS,
  actors: ACTORS,
  unrelated: {
    'case_officer(same unit)': 'case_officer',
    'commission_leader(same unit)': 'commission_leader',
    'committee_member(declared conflict)': 'committee_member',
    'case_officer(subject)': 'case_officer',
  },
  expected: EXPECTED,
  matterFor: (state: NameClearingState) => clearingIn(state),
  now: NOW,
};
const CELLS = STATES.length * ACTIONS.length * Object.keys(ACTORS).length;
const code = (m: NameClearingMatter, who: Actor, a: NameClearingAction) =>
  refusal(NAME_CLEARING_PROCEDURE, m, who, a, NOW)?.code ?? null;

describe('name-clearing procedure table', () => {
  it('has exactly the states and actions of the expectation, and every role is tried', () => {
    expect(Object.keys(NAME_CLEARING_PROCEDURE.states).sort()).toEqual([...STATES].sort());
    expect(Object.keys(NAME_CLEARING_PROCEDURE.actions).sort()).toEqual([...ACTIONS].sort());
    expect(Object.values(ACTORS).map((a) => a.roles[0])).toEqual(expect.arrayContaining([...ROLES]));
  });

  it(`matches the hand-written matrix in all ${CELLS} cells`, () => {
    const { mismatches, checked } = matrixMismatches(SPEC);
    expect(mismatches).toEqual([]);
    expect(checked).toBe(CELLS);
  });

  it('offers each role exactly the expected buttons in every state', () => {
    expect(offeredMismatches(SPEC, (s) => clearingIn(s))).toEqual([]);
  });

  it('leads every allowed step to the expected state', () => {
    for (const state of STATES) {
      for (const action of new Set(Object.values(EXPECTED[state]).flat())) {
        if (action === 'check_triggers') continue;
        const to = TARGET[action];
        expect(targetState(NAME_CLEARING_PROCEDURE, clearingIn(state), action), `${state} → ${action}`).toBe(
          to === 'same' ? state : to,
        );
      }
    }
  });

  it('consults the cadre when the check calls for clearing, and goes to closing otherwise', () => {
    const checking = clearingIn('trigger_check');
    expect(targetState(NAME_CLEARING_PROCEDURE, checking, 'check_triggers', 'required')).toBe('consulting');
    expect(targetState(NAME_CLEARING_PROCEDURE, checking, 'check_triggers', 'excluded')).toBe('not_cleared');
    expect(targetState(NAME_CLEARING_PROCEDURE, checking, 'check_triggers', 'not_triggered')).toBe(
      'not_cleared',
    );
  });

  it('marks closed and ended, and nothing else, terminal', () => {
    const terminal = STATES.filter((s) => 'terminal' in NAME_CLEARING_PROCEDURE.states[s]);
    expect(terminal).toEqual(['closed', 'ended']);
  });
});

describe('name-clearing guards', () => {
  const officer = ACTORS.case_officer;
  const leader = ACTORS.commission_leader;
  const withoutConsent = (s: NameClearingState) => clearingIn(s, { consented: false });

  it('refuses a plan, an approval and a clearing without the cadre’s consent on record', () => {
    const error = refusal(
      NAME_CLEARING_PROCEDURE,
      withoutConsent('consulting'),
      officer,
      'submit_for_approval',
      NOW,
    );
    expect(error?.code).toBe('name_clearing.consent_missing');
    expect(error?.messageZh).toBe('未取得本人对澄清方式和范围的同意，不能澄清正名');
    expect(code(withoutConsent('awaiting_leader'), leader, 'approve')).toBe('name_clearing.consent_missing');
    expect(code(withoutConsent('executing'), officer, 'execute')).toBe('name_clearing.consent_missing');
    // Without consent the buttons are not offered either.
    expect(allowedActions(NAME_CLEARING_PROCEDURE, withoutConsent('executing'), officer, NOW)).toEqual([
      'withdraw_consent',
    ]);
  });

  it('lets the cadre consent or decline without anything on record, and the leader return a plan', () => {
    const cadre = ACTORS['cadre(subject)'];
    expect(code(withoutConsent('consulting'), cadre, 'record_consent')).toBeNull();
    expect(code(withoutConsent('consulting'), cadre, 'decline')).toBeNull();
    expect(code(withoutConsent('awaiting_leader'), leader, 'return_plan')).toBeNull();
  });

  it('extends the deadline once only', () => {
    const extended = clearingIn('consulting', { extendedOn: day('2026-03-10') });
    const error = refusal(NAME_CLEARING_PROCEDURE, extended, leader, 'extend_deadline', NOW);
    expect(error?.code).toBe('deadline.already_extended');
    expect(error?.details).toEqual({ approvedOn: '2026-03-10' });
    expect(code(clearingIn('executing'), leader, 'extend_deadline')).toBeNull();
  });

  it('classifies the accuser once; ordering corrections may be repeated', () => {
    const handled = clearingIn('cleared', { accuserHandled: true });
    expect(code(handled, officer, 'handle_accuser')).toBe('name_clearing.accuser_already_handled');
    expect(code(handled, officer, 'order_correction')).toBeNull();
    expect(code(handled, officer, 'archive')).toBeNull();
  });
});
