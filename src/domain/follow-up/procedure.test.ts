import { describe, expect, it } from 'vitest';
import { matterAccess } from '../matters/access.ts';
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
  assertPlannedOn,
  assertVisit,
  FOLLOW_UP_PROCEDURE,
  type FollowUpAction,
  type FollowUpMatter,
  type FollowUpState,
  type VisitWindow,
} from './procedure.ts';

/*
 * The expected follow-up procedure, written from DOMAIN §7 (谁处分谁回访: the commission plans and
 * visits within the influence period with a team of two or more, fills in the register form, grades
 * 好/一般/较差, recommends reuse or not with reasons; the organisation department receives it) rather
 * than read off the table.
 */
// prettier-ignore
const STATES = [
  'planned', 'visited', 'graded', 'reuse_recommended', 'reuse_not_recommended', 'notified', 'closed', 'cancelled',
] as const satisfies readonly FollowUpState[];

// prettier-ignore
const ACTIONS = [
  'reschedule', 'record_visit', 'grade', 'recommend_reuse', 'decline_reuse', 'return_for_revision', 'deliver',
  'acknowledge', 'cancel',
] as const satisfies readonly FollowUpAction[];

const ACTORS = {
  // The sanctioned cadre: visited, never a party who acts.
  'cadre(subject)': actor('cadre', { isSubject: true, sameUnitAsSubject: true }),
  'cadre(other)': actor('cadre'),
  // The leader of the cadre's unit (its Party organisation cares for them daily, but the commission visits).
  'unit_leader(subject unit)': actor('unit_leader', { leadsSubjectUnit: true, sameUnitAsSubject: true }),
  'unit_leader(other)': actor('unit_leader'),
  case_officer: actor('case_officer'),
  committee_member: actor('committee_member'),
  commission_leader: actor('commission_leader'),
  org_dept: actor('org_dept'),
  supervisor: actor('supervisor'),
  admin: actor('admin'),
  'case_officer(same unit)': actor('case_officer', { sameUnitAsSubject: true }),
  'case_officer(subject)': actor('case_officer', { isSubject: true }),
  'commission_leader(same unit)': actor('commission_leader', { sameUnitAsSubject: true }),
  'committee_member(declared conflict)': actor('committee_member', { declaredConflict: true }),
} satisfies Record<string, Actor>;
type Key = keyof typeof ACTORS;

const EXPECTED: Matrix<FollowUpState, FollowUpAction, Key> = {
  planned: { case_officer: ['reschedule', 'record_visit', 'cancel'] },
  visited: { case_officer: ['grade', 'cancel'] },
  graded: { case_officer: ['recommend_reuse', 'decline_reuse'] },
  // The leader approves what is sent to the organisation department, or sends it back.
  reuse_recommended: { commission_leader: ['return_for_revision', 'deliver'] },
  reuse_not_recommended: { commission_leader: ['return_for_revision', 'deliver'] },
  notified: { org_dept: ['acknowledge'] },
  closed: {},
  cancelled: {},
};

/** Where each action leads; 'same' stays put. */
const TARGET: Record<FollowUpAction, FollowUpState | 'same'> = {
  reschedule: 'same',
  record_visit: 'visited',
  grade: 'graded',
  recommend_reuse: 'reuse_recommended',
  decline_reuse: 'reuse_not_recommended',
  return_for_revision: 'graded',
  deliver: 'notified',
  acknowledge: 'closed',
  cancel: 'cancelled',
};

/** A sanction effective 2026-01-10 with a one-year influence period (last day 2027-01-09). */
const WINDOW: VisitWindow = { from: day('2026-01-10'), until: day('2027-01-09') };

/** A follow-up on which every guard passes: inside the window, graded good, reuse possible. */
function followUpIn(status: FollowUpState, overrides: Partial<FollowUpMatter> = {}): FollowUpMatter {
  return { status, window: WINDOW, grade: 'good', reusable: true, today: day('2026-03-16'), ...overrides };
}

const NOW = noonOn('2026-03-16');
const SPEC: MatrixSpec<FollowUpState, FollowUpAction, FollowUpMatter, Key> = {
  table: FOLLOW_UP_PROCEDURE,
  states: STATES,
  actions: ACTIONS,
  actors: ACTORS,
  unrelated: {
    'case_officer(same unit)': 'case_officer',
    'case_officer(subject)': 'case_officer',
    'commission_leader(same unit)': 'commission_leader',
    'committee_member(declared conflict)': 'committee_member',
  },
  expected: EXPECTED,
  matterFor: (state: FollowUpState) => followUpIn(state),
  now: NOW,
};
const CELLS = STATES.length * ACTIONS.length * Object.keys(ACTORS).length;
const code = (m: FollowUpMatter, who: Actor, a: FollowUpAction) =>
  refusal(FOLLOW_UP_PROCEDURE, m, who, a, NOW)?.code ?? null;

describe('follow-up procedure table', () => {
  it('has exactly the states and actions of the expectation, and every role is tried', () => {
    expect(Object.keys(FOLLOW_UP_PROCEDURE.states).sort()).toEqual([...STATES].sort());
    expect(Object.keys(FOLLOW_UP_PROCEDURE.actions).sort()).toEqual([...ACTIONS].sort());
    expect(Object.values(ACTORS).map((a) => a.roles[0])).toEqual(expect.arrayContaining([...ROLES]));
  });

  it(`matches the hand-written matrix in all ${CELLS} cells`, () => {
    const { mismatches, checked } = matrixMismatches(SPEC);
    expect(mismatches).toEqual([]);
    expect(checked).toBe(CELLS);
  });

  it('offers each role exactly the expected buttons in every state', () => {
    expect(offeredMismatches(SPEC, (s) => followUpIn(s))).toEqual([]);
  });

  it('leads every allowed step to the expected state', () => {
    for (const state of STATES) {
      for (const action of new Set(Object.values(EXPECTED[state]).flat())) {
        const to = TARGET[action];
        expect(targetState(FOLLOW_UP_PROCEDURE, followUpIn(state), action), `${state} → ${action}`).toBe(
          to === 'same' ? state : to,
        );
      }
    }
  });

  it('marks closed and cancelled, and nothing else, terminal', () => {
    const terminal = STATES.filter((s) => 'terminal' in FOLLOW_UP_PROCEDURE.states[s]);
    expect(terminal).toEqual(['closed', 'cancelled']);
  });

  it('shows the organisation department a follow-up only once it has been sent to it', () => {
    const orgDept = {
      userId: 'u1',
      username: 'orgdept',
      cadreId: null,
      grants: [
        { role: 'org_dept' as const, jurisdictionId: 'k', jurisdictionPath: '/s/s01/k/', unitId: null },
      ],
    };
    const viewIn = (status: FollowUpState) =>
      matterAccess(
        orgDept,
        {
          jurisdictionPath: '/s/s01/k/',
          subjectCadreId: 'c1',
          subjectUnitId: 'u9',
          applicantUserId: null,
          status,
          filed: false,
        },
        { viewerUnitId: null, declaredConflict: false },
      ).view;
    expect(STATES.filter((s) => viewIn(s) === 'outcome')).toEqual(['notified', 'closed']);
  });
});

describe('follow-up guards', () => {
  const officer = ACTORS.case_officer;

  it('plans visits between the sanction taking effect and the last day of the influence period, both included', () => {
    const before = refusal(
      FOLLOW_UP_PROCEDURE,
      followUpIn('planned', { today: day('2026-01-09') }),
      officer,
      'reschedule',
      NOW,
    );
    expect(before?.code).toBe('follow_up.outside_window');
    expect(before?.details).toEqual({ from: '2026-01-10', until: '2027-01-09' });
    expect(before?.messageZh).toBe(
      '回访应在处分生效之日（2026-01-10）至影响期届满之日（2027-01-09）之间进行',
    );
    expect(code(followUpIn('planned', { today: day('2026-01-10') }), officer, 'reschedule')).toBeNull();
    expect(code(followUpIn('planned', { today: day('2027-01-09') }), officer, 'reschedule')).toBeNull();
    expect(code(followUpIn('planned', { today: day('2027-01-10') }), officer, 'reschedule')).toBe(
      'follow_up.outside_window',
    );
  });

  it('records a visit from the day the sanction takes effect; the visit date itself is checked against the window', () => {
    expect(code(followUpIn('planned', { today: day('2026-01-09') }), officer, 'record_visit')).toBe(
      'follow_up.outside_window',
    );
    expect(code(followUpIn('planned', { today: day('2026-01-10') }), officer, 'record_visit')).toBeNull();
    // After the period the step stays open so a visit held in time can be written up (assertVisit below).
    expect(code(followUpIn('planned', { today: day('2027-01-10') }), officer, 'record_visit')).toBeNull();
  });

  it('has no upper bound when the period has no end (开除)', () => {
    const expelled = { window: { from: day('2026-01-10'), until: null }, reusable: false };
    expect(
      code(followUpIn('planned', { ...expelled, today: day('2031-06-01') }), officer, 'record_visit'),
    ).toBeNull();
  });

  it('recommends reuse only after a good grade, and never after 开除', () => {
    for (const grade of ['average', 'poor'] as const) {
      const error = refusal(
        FOLLOW_UP_PROCEDURE,
        followUpIn('graded', { grade }),
        officer,
        'recommend_reuse',
        NOW,
      );
      expect(error?.code).toBe('follow_up.grade_not_good');
    }
    const average = refusal(
      FOLLOW_UP_PROCEDURE,
      followUpIn('graded', { grade: 'average' }),
      officer,
      'recommend_reuse',
      NOW,
    );
    expect(average?.messageZh).toBe('回访评定为“一般”：评定为“好”的方可提出使用建议');
    expect(average?.messageEn).toBe(
      'The visit was graded "Average": only a good grade allows a reuse recommendation',
    );
    expect(code(followUpIn('graded', { grade: null }), officer, 'recommend_reuse')).toBe(
      'follow_up.grade_not_good',
    );
    expect(code(followUpIn('graded', { reusable: false }), officer, 'recommend_reuse')).toBe(
      'follow_up.not_reusable',
    );
    expect(code(followUpIn('graded', { grade: 'good' }), officer, 'recommend_reuse')).toBeNull();
  });

  it('can always recommend against reuse, with reasons, whatever the grade or sanction', () => {
    for (const grade of ['good', 'average', 'poor'] as const)
      expect(code(followUpIn('graded', { grade, reusable: false }), officer, 'decline_reuse')).toBeNull();
  });
});

describe('the register form as entered', () => {
  const today = day('2026-03-16');
  const two = [
    { name: '王强', position: '县纪委监委第一纪检监察室主任' },
    { name: '刘洋', position: '县纪委监委干部' },
  ];
  const refusalOf = (f: () => void) => {
    try {
      f();
      return null;
    } catch (error) {
      return error as { code: string; field?: string; messageZh: string };
    }
  };

  it('needs at least two different visitors', () => {
    const one = refusalOf(() => assertVisit({ visitedOn: today, visitors: [two[0]!] }, WINDOW, today));
    expect(one).toMatchObject({ code: 'follow_up.visitors_too_few', field: 'visitors' });
    expect(one?.messageZh).toBe('回访组应由至少 2 名不同人员组成（现为 1 名）');
    // The same person twice, or a blank name, is not a second visitor.
    const twice = [two[0]!, { name: ' 王强 ', position: '主任' }, { name: '  ', position: '干部' }];
    expect(refusalOf(() => assertVisit({ visitedOn: today, visitors: twice }, WINDOW, today))?.code).toBe(
      'follow_up.visitors_too_few',
    );
    expect(refusalOf(() => assertVisit({ visitedOn: today, visitors: two }, WINDOW, today))).toBeNull();
  });

  it('takes a visit held by today and inside the window', () => {
    expect(
      refusalOf(() => assertVisit({ visitedOn: day('2026-03-17'), visitors: two }, WINDOW, today)),
    ).toMatchObject({
      code: 'follow_up.visit_in_future',
      field: 'visitedOn',
    });
    const early = refusalOf(() =>
      assertVisit({ visitedOn: day('2026-01-09'), visitors: two }, WINDOW, today),
    );
    expect(early).toMatchObject({ code: 'follow_up.visit_outside_window', field: 'visitedOn' });
    expect(early?.messageZh).toBe(
      '回访日期 2026-01-09 不在处分生效之日（2026-01-10）至影响期届满之日（2027-01-09）之间',
    );
    expect(
      refusalOf(() => assertVisit({ visitedOn: day('2026-01-10'), visitors: two }, WINDOW, today)),
    ).toBeNull();
    // A visit held on the period's last day may be written up later; one held the day after may not.
    expect(
      refusalOf(() =>
        assertVisit({ visitedOn: day('2027-01-09'), visitors: two }, WINDOW, day('2027-01-12')),
      ),
    ).toBeNull();
    expect(
      refusalOf(() => assertVisit({ visitedOn: day('2027-01-10'), visitors: two }, WINDOW, day('2027-01-12')))
        ?.code,
    ).toBe('follow_up.visit_outside_window');
  });

  it('plans a visit for today or later, inside the window', () => {
    expect(refusalOf(() => assertPlannedOn(day('2026-03-15'), WINDOW, today))).toMatchObject({
      code: 'follow_up.plan_in_past',
      field: 'plannedOn',
    });
    expect(refusalOf(() => assertPlannedOn(day('2027-01-10'), WINDOW, today))).toMatchObject({
      code: 'follow_up.plan_outside_window',
      field: 'plannedOn',
    });
    expect(refusalOf(() => assertPlannedOn(today, WINDOW, today))).toBeNull();
    expect(refusalOf(() => assertPlannedOn(day('2027-01-09'), WINDOW, today))).toBeNull();
    expect(
      refusalOf(() => assertPlannedOn(day('2035-01-01'), { from: WINDOW.from, until: null }, today)),
    ).toBeNull();
  });
});
