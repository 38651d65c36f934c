import { describe, expect, it } from 'vitest';
import { refusal, targetState, type Actor } from '../procedure/engine.ts';
import {
  matrixMismatches,
  offeredMismatches,
  type Matrix,
  type MatrixSpec,
} from '../procedure/test-matrix.ts';
import { ROLES } from '../roles.ts';
import { actor, noonOn } from '../tolerance/test-matter.ts';
import { TOLERANCE_STATES, type ToleranceState } from '../tolerance/procedure.ts';
import { caseEntryView } from './access.ts';
import {
  CASE_ENTRY_PROCEDURE,
  CASE_PREPARATION,
  type CaseEntryAction,
  type CaseEntryMatter,
  type CaseEntryState,
} from './procedure.ts';

/*
 * The expected procedure, written from issue 8 item 4 and DESIGN §3.11: the case officer prepares
 * and proposes, the commission leader approves or returns, either takes a published case down;
 * revising and proposing again after a return or a withdrawal. Nobody related to the matter acts.
 */
const STATES = [
  'draft',
  'proposed',
  'returned',
  'published',
  'withdrawn',
] as const satisfies readonly CaseEntryState[];
const ACTIONS = [
  'revise',
  'propose',
  'approve',
  'return_case',
  'withdraw',
] as const satisfies readonly CaseEntryAction[];

const ACTORS = {
  case_officer: actor('case_officer'),
  'case_officer(same unit)': actor('case_officer', { sameUnitAsSubject: true }),
  commission_leader: actor('commission_leader'),
  'commission_leader(conflict)': actor('commission_leader', { declaredConflict: true }),
  committee_member: actor('committee_member'),
  supervisor: actor('supervisor'),
  org_dept: actor('org_dept'),
  cadre: actor('cadre', { isSubject: true, isApplicant: true }),
  unit_leader: actor('unit_leader', { leadsSubjectUnit: true }),
  admin: actor('admin'),
} satisfies Record<string, Actor>;
type Key = keyof typeof ACTORS;

const EDIT = ['revise', 'propose'] as const;
const EXPECTED: Matrix<CaseEntryState, CaseEntryAction, Key> = {
  draft: { case_officer: EDIT },
  proposed: { commission_leader: ['approve', 'return_case'] },
  returned: { case_officer: EDIT },
  published: { case_officer: ['withdraw'], commission_leader: ['withdraw'] },
  withdrawn: { case_officer: EDIT },
};

const entryIn = (status: CaseEntryState, overrides: Partial<CaseEntryMatter> = {}): CaseEntryMatter => ({
  status,
  decisionStands: true,
  personalDataLeft: 0,
  ...overrides,
});
const NOW = noonOn('2026-03-16');
const SPEC: MatrixSpec<CaseEntryState, CaseEntryAction, CaseEntryMatter, Key> = {
  table: CASE_ENTRY_PROCEDURE,
  states: STATES,
  actions: ACTIONS,
  actors: ACTORS,
  unrelated: {
    'case_officer(same unit)': 'case_officer',
    'commission_leader(conflict)': 'commission_leader',
  },
  expected: EXPECTED,
  matterFor: (state) => entryIn(state),
  now: NOW,
};

describe('typical case procedure table', () => {
  it('has exactly the states and actions of the expectation, and every role is tried', () => {
    expect(Object.keys(CASE_ENTRY_PROCEDURE.states).sort()).toEqual([...STATES].sort());
    expect(Object.keys(CASE_ENTRY_PROCEDURE.actions).sort()).toEqual([...ACTIONS].sort());
    expect(Object.values(ACTORS).map((a) => a.roles[0])).toEqual(expect.arrayContaining([...ROLES]));
  });

  it(`matches the hand-written matrix in all ${STATES.length * ACTIONS.length * Object.keys(ACTORS).length} cells`, () => {
    const { mismatches, checked } = matrixMismatches(SPEC);
    expect(mismatches).toEqual([]);
    expect(checked).toBe(STATES.length * ACTIONS.length * Object.keys(ACTORS).length);
  });

  it('offers exactly the expected buttons', () => {
    expect(offeredMismatches(SPEC, (s) => entryIn(s))).toEqual([]);
  });

  it('moves each action to its state', () => {
    const to = (s: CaseEntryState, a: CaseEntryAction) => targetState(CASE_ENTRY_PROCEDURE, entryIn(s), a);
    expect(to('returned', 'revise')).toBe('returned');
    expect(to('withdrawn', 'propose')).toBe('proposed');
    expect(to('proposed', 'approve')).toBe('published');
    expect(to('proposed', 'return_case')).toBe('returned');
    expect(to('published', 'withdraw')).toBe('withdrawn');
  });

  it('refuses to propose or approve while certain personal data is left, or when the decision no longer stands', () => {
    for (const [state, who, action] of [
      ['draft', 'case_officer', 'propose'],
      ['proposed', 'commission_leader', 'approve'],
    ] as const) {
      expect(
        refusal(CASE_ENTRY_PROCEDURE, entryIn(state, { personalDataLeft: 2 }), ACTORS[who], action, NOW),
      ).toMatchObject({ code: 'case_library.personal_data_left', details: { count: 2 } });
      expect(
        refusal(CASE_ENTRY_PROCEDURE, entryIn(state, { decisionStands: false }), ACTORS[who], action, NOW)
          ?.code,
      ).toBe('case_library.decision_not_standing');
    }
    // Withdrawing never waits for anything.
    expect(
      refusal(
        CASE_ENTRY_PROCEDURE,
        entryIn('published', { decisionStands: false, personalDataLeft: 3 }),
        ACTORS.case_officer,
        'withdraw',
        NOW,
      ),
    ).toBeNull();
  });
});

describe('preparing a typical case from a tolerance matter', () => {
  const matter = (status: ToleranceState, o: { hasDecision?: boolean; inLibrary?: boolean } = {}) => ({
    status,
    hasDecision: o.hasDecision ?? true,
    inLibrary: o.inLibrary ?? false,
  });

  it('is open to an unrelated case officer on a decided, notified or closed matter only', () => {
    const open = (Object.keys(TOLERANCE_STATES) as ToleranceState[]).filter(
      (s) => refusal(CASE_PREPARATION, matter(s), ACTORS.case_officer, 'prepare', NOW) === null,
    );
    expect(open).toEqual(['decided', 'notified', 'closed']);
    expect(refusal(CASE_PREPARATION, matter('under_review'), ACTORS.case_officer, 'prepare', NOW)?.code).toBe(
      'procedure.wrong_state',
    );
    expect(
      refusal(CASE_PREPARATION, matter('notified'), ACTORS['case_officer(same unit)'], 'prepare', NOW)?.code,
    ).toBe('procedure.recused');
    for (const who of ['commission_leader', 'committee_member', 'supervisor', 'cadre', 'admin'] as const)
      expect(refusal(CASE_PREPARATION, matter('closed'), ACTORS[who], 'prepare', NOW)?.code).toBe(
        'auth.forbidden',
      );
  });

  it('needs a stored decision, once per matter', () => {
    expect(
      refusal(CASE_PREPARATION, matter('closed', { hasDecision: false }), ACTORS.case_officer, 'prepare', NOW)
        ?.code,
    ).toBe('case_library.decision_not_standing');
    expect(
      refusal(CASE_PREPARATION, matter('closed', { inLibrary: true }), ACTORS.case_officer, 'prepare', NOW)
        ?.code,
    ).toBe('case_library.already_prepared');
  });
});

describe('who reads a case', () => {
  it('shows drafts to the unrelated commission and higher level, published cases to everyone', () => {
    expect(caseEntryView(ACTORS.committee_member, false)).toBe('internal');
    expect(caseEntryView(ACTORS.supervisor, false)).toBe('internal');
    expect(caseEntryView(ACTORS['case_officer(same unit)'], false)).toBeNull();
    expect(caseEntryView(ACTORS['case_officer(same unit)'], true)).toBe('published');
    for (const who of ['org_dept', 'cadre', 'unit_leader', 'admin'] as const) {
      expect(caseEntryView(ACTORS[who], false)).toBeNull();
      expect(caseEntryView(ACTORS[who], true)).toBe('published');
    }
  });
});
