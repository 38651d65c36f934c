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
import { preRegistrationFromStatus } from '../../usecases/tolerance/steps/verification.ts';
import {
  PRE_REGISTRATION_PROCEDURE,
  type PreRegistrationAction,
  type PreRegistrationMatter,
  type PreRegistrationState,
} from './procedure.ts';

/*
 * The expected pre-registration procedure, written from DESIGN §3.8 and DOMAIN §8 (file before
 * acting → first review → acknowledged with a receipt, or returned with reasons) and the issue
 * (the filer may revise a returned filing and file again).
 */
const STATES = [
  'draft',
  'submitted',
  'returned',
  'acknowledged',
  'withdrawn',
] as const satisfies readonly PreRegistrationState[];
// prettier-ignore
const ACTIONS = [
  'revise', 'add_evidence', 'submit', 'acknowledge', 'return_filing', 'withdraw',
] as const satisfies readonly PreRegistrationAction[];

const ACTORS = {
  // A cadre filing their own initiative is its subject and its applicant.
  'cadre(filer)': actor('cadre', { isSubject: true, isApplicant: true, sameUnitAsSubject: true }),
  'cadre(other)': actor('cadre'),
  // The unit leader who filed the unit's initiative.
  'unit_leader(filer)': actor('unit_leader', {
    leadsSubjectUnit: true,
    sameUnitAsSubject: true,
    isApplicant: true,
  }),
  // The leader of a filing cadre's unit: sees the filing, does not file it.
  'unit_leader(filer’s unit)': actor('unit_leader', { leadsSubjectUnit: true, sameUnitAsSubject: true }),
  'unit_leader(other)': actor('unit_leader'),
  case_officer: actor('case_officer'),
  committee_member: actor('committee_member'),
  commission_leader: actor('commission_leader'),
  org_dept: actor('org_dept'),
  supervisor: actor('supervisor'),
  admin: actor('admin'),
  'case_officer(same unit)': actor('case_officer', { sameUnitAsSubject: true }),
} satisfies Record<string, Actor>;
type Key = keyof typeof ACTORS;

const FILER_EDITS = ['revise', 'add_evidence', 'submit', 'withdraw'] as const;
const EXPECTED: Matrix<PreRegistrationState, PreRegistrationAction, Key> = {
  draft: {
    'cadre(filer)': FILER_EDITS,
    'unit_leader(filer)': FILER_EDITS,
    // The table allows it, but a draft is invisible to the commission (domain/matters/access.ts).
    case_officer: ['add_evidence'],
  },
  submitted: {
    'cadre(filer)': ['add_evidence', 'withdraw'],
    'unit_leader(filer)': ['add_evidence', 'withdraw'],
    case_officer: ['add_evidence', 'acknowledge', 'return_filing'],
  },
  returned: {
    'cadre(filer)': FILER_EDITS,
    'unit_leader(filer)': FILER_EDITS,
    case_officer: ['add_evidence'],
  },
  acknowledged: {},
  withdrawn: {},
};

const TARGET: Record<PreRegistrationAction, PreRegistrationState | 'same'> = {
  revise: 'same',
  add_evidence: 'same',
  submit: 'submitted',
  acknowledge: 'acknowledged',
  return_filing: 'returned',
  withdraw: 'withdrawn',
};

/** A filing on which every guard passes: the initiative starts 2026-03-20, today is 2026-03-16. */
function filingIn(
  status: PreRegistrationState,
  overrides: Partial<PreRegistrationMatter> = {},
): PreRegistrationMatter {
  return { status, plannedStartOn: day('2026-03-20'), today: day('2026-03-16'), ...overrides };
}

const NOW = noonOn('2026-03-16');
const SPEC: MatrixSpec<PreRegistrationState, PreRegistrationAction, PreRegistrationMatter, Key> = {
  table: PRE_REGISTRATION_PROCEDURE,
  states: STATES,
  actions: ACTIONS,
  actors: ACTORS,
  unrelated: { 'case_officer(same unit)': 'case_officer' },
  expected: EXPECTED,
  matterFor: (state: PreRegistrationState) => filingIn(state),
  now: NOW,
};
const CELLS = STATES.length * ACTIONS.length * Object.keys(ACTORS).length;

describe('pre-registration procedure table', () => {
  it('has exactly the states and actions of the expectation, and every role is tried', () => {
    expect(Object.keys(PRE_REGISTRATION_PROCEDURE.states).sort()).toEqual([...STATES].sort());
    expect(Object.keys(PRE_REGISTRATION_PROCEDURE.actions).sort()).toEqual([...ACTIONS].sort());
    expect(Object.values(ACTORS).map((a) => a.roles[0])).toEqual(expect.arrayContaining([...ROLES]));
  });

  it(`matches the hand-written matrix in all ${CELLS} cells`, () => {
    const { mismatches, checked } = matrixMismatches(SPEC);
    expect(mismatches).toEqual([]);
    expect(checked).toBe(CELLS);
  });

  it('offers each role exactly the expected buttons in every state', () => {
    expect(offeredMismatches(SPEC, (s) => filingIn(s))).toEqual([]);
  });

  it('leads every allowed step to the expected state', () => {
    for (const state of STATES) {
      for (const action of new Set(Object.values(EXPECTED[state]).flat())) {
        const to = TARGET[action];
        expect(targetState(PRE_REGISTRATION_PROCEDURE, filingIn(state), action), `${state} → ${action}`).toBe(
          to === 'same' ? state : to,
        );
      }
    }
  });

  it('ends in acknowledged or withdrawn', () => {
    expect(STATES.filter((s) => 'terminal' in PRE_REGISTRATION_PROCEDURE.states[s])).toEqual([
      'acknowledged',
      'withdrawn',
    ]);
  });

  it('gives the tolerance engine the fact its statuses stand for', () => {
    expect(Object.fromEntries(STATES.map((s) => [s, preRegistrationFromStatus(s)]))).toEqual({
      draft: 'not_filed',
      submitted: 'filed_rejected',
      returned: 'filed_rejected',
      acknowledged: 'filed_acknowledged',
      withdrawn: 'filed_rejected',
    });
  });
});

describe('filing before acting (事前)', () => {
  const filer = ACTORS['cadre(filer)'];

  it('files up to and including the planned start day, not after it', () => {
    expect(
      refusal(
        PRE_REGISTRATION_PROCEDURE,
        filingIn('draft', { plannedStartOn: day('2026-03-16') }),
        filer,
        'submit',
        NOW,
      ),
    ).toBeNull();
    const late = refusal(
      PRE_REGISTRATION_PROCEDURE,
      filingIn('returned', { plannedStartOn: day('2026-03-15') }),
      filer,
      'submit',
      NOW,
    );
    expect(late?.code).toBe('pre_registration.not_before_acting');
    expect(late?.details).toEqual({ date: '2026-03-15' });
  });

  it('still lets the filer withdraw or revise once the planned start has passed', () => {
    const late = filingIn('returned', { plannedStartOn: day('2026-03-01') });
    expect(refusal(PRE_REGISTRATION_PROCEDURE, late, filer, 'withdraw', NOW)).toBeNull();
    expect(refusal(PRE_REGISTRATION_PROCEDURE, late, filer, 'revise', NOW)).toBeNull();
  });
});
