import { describe, expect, it } from 'vitest';
import { TOLERANCE_PROCEDURE } from '../tolerance/procedure.ts';
import { actor, matterIn, noonOn } from '../tolerance/test-matter.ts';
import {
  allowedActions,
  assertAllowed,
  refusal,
  targetState,
  type GuardResult,
  type MatterRelation,
  type ProcedureTable,
} from './engine.ts';

/** A small table of its own, so the engine's mechanics are tested apart from any real procedure. */
type S = 'open' | 'review' | 'paused' | 'done';
type M = { status: S; pausedFrom: S | null; ready: boolean };
const ok: GuardResult = { ok: true };
const label = (zh: string, en: string) => ({ zh, en });
const TABLE = {
  type: 'test',
  states: {
    open: label('办理中', 'Open'),
    review: label('审核中', 'In review'),
    paused: label('已暂停', 'Paused'),
    done: { ...label('已完成', 'Done'), terminal: true },
  },
  actions: {
    file: {
      from: ['open'],
      to: 'open',
      by: [{ role: 'cadre', relation: 'subject_or_applicant' }],
      label: label('提交', 'File'),
    },
    opine: {
      from: ['open'],
      to: (m: M) => m.status,
      by: [{ role: 'unit_leader', relation: 'subject_unit_leader' }],
      label: label('单位意见', 'Opine'),
    },
    check: {
      from: ['open'],
      to: 'review',
      by: [{ role: 'case_officer' }],
      label: label('审核', 'Check'),
      // Depends on `now` as well as the matter: closed on 2024-06-01 (UTC) and later.
      guard: (m: M, now: Date) =>
        !m.ready
          ? { ok: false, code: 'matter.facts_missing' }
          : now >= new Date('2024-06-01T00:00:00Z')
            ? { ok: false, code: 'matter.appeal_window_closed', details: { deadline: '2024-05-31' } }
            : ok,
    },
    declare: {
      from: ['open', 'review'],
      to: (m: M) => m.status,
      by: [{ role: 'committee_member' }],
      label: label('申请回避', 'Declare'),
      recusal: false,
    },
    pause: {
      from: ['open', 'review'],
      to: 'paused',
      by: [{ role: 'commission_leader' }],
      label: label('暂停', 'Pause'),
    },
    resume: {
      from: ['paused'],
      to: (m: M) => m.pausedFrom ?? 'open',
      by: [{ role: 'commission_leader' }],
      label: label('恢复', 'Resume'),
    },
    finish: {
      from: ['review'],
      to: (_m: M, branch?: string) => (branch === 'needs_approval' ? 'review' : 'done'),
      by: [{ role: 'commission_leader' }, { role: 'supervisor' }],
      label: label('完成', 'Finish'),
    },
  },
} as const satisfies ProcedureTable<S, string, M>;

const NOW = noonOn('2024-03-15');
const open: M = { status: 'open', pausedFrom: null, ready: true };
const code = (m: M, who: ReturnType<typeof actor>, action: keyof typeof TABLE.actions, now = NOW) =>
  refusal(TABLE, m, who, action, now)?.code ?? null;
const RELATIONS: (keyof MatterRelation)[] = [
  'isSubject',
  'isApplicant',
  'sameUnitAsSubject',
  'declaredConflict',
  'leadsSubjectUnit',
];

describe('recusal (回避)', () => {
  it.each(RELATIONS)('a case officer with %s must recuse', (flag) => {
    expect(code(open, actor('case_officer', { [flag]: true }), 'check')).toBe('procedure.recused');
    const accept = refusal(
      TOLERANCE_PROCEDURE,
      matterIn('submitted'),
      actor('case_officer', { [flag]: true }),
      'accept',
      NOW,
    );
    expect(accept?.code).toBe('procedure.recused');
  });

  it('an unrelated case officer may act', () => {
    expect(code(open, actor('case_officer'), 'check')).toBeNull();
  });

  it.each([
    ['committee_member', 'deliberating', 'cast_vote'],
    ['commission_leader', 'deliberating', 'decide'],
    ['supervisor', 'awaiting_approval', 'approve'],
  ] as const)('binds every commission role: %s', (role, status, action) => {
    expect(
      refusal(TOLERANCE_PROCEDURE, matterIn(status), actor(role, { declaredConflict: true }), action, NOW)
        ?.code,
    ).toBe('procedure.recused');
    expect(refusal(TOLERANCE_PROCEDURE, matterIn(status), actor(role), action, NOW)).toBeNull();
  });

  it('leaves declaring a conflict available to the related member, and nothing else', () => {
    const conflicted = actor('committee_member', { declaredConflict: true, sameUnitAsSubject: true });
    expect(code(open, conflicted, 'declare')).toBeNull();
    expect(allowedActions(TOLERANCE_PROCEDURE, matterIn('deliberating'), conflicted, NOW)).toEqual([
      'declare_conflict',
    ]);
  });

  it('recuses a holder of two commission roles when one of them would qualify', () => {
    const both = actor(['committee_member', 'case_officer'], { sameUnitAsSubject: true });
    expect(
      refusal(TOLERANCE_PROCEDURE, matterIn('awaiting_decision'), both, 'convene_meeting', NOW)?.code,
    ).toBe('procedure.recused');
  });

  it('does not stop the subject acting as the applicant when they also hold a commission role', () => {
    const staffSubject = actor(['cadre', 'case_officer'], { isSubject: true });
    expect(refusal(TOLERANCE_PROCEDURE, matterIn('submitted'), staffSubject, 'add_evidence', NOW)).toBeNull();
    expect(refusal(TOLERANCE_PROCEDURE, matterIn('submitted'), staffSubject, 'accept', NOW)?.code).toBe(
      'procedure.recused',
    );
  });
});

describe('roles and relations', () => {
  it('refuses an actor without any performing role', () => {
    for (const role of ['admin', 'org_dept', 'unit_leader', 'cadre'] as const) {
      expect(code(open, actor(role), 'check')).toBe('auth.forbidden');
    }
  });

  it('lets a cadre act only on a matter about or filed by them, never as a recusal', () => {
    expect(code(open, actor('cadre', { isSubject: true }), 'file')).toBeNull();
    expect(code(open, actor('cadre', { isApplicant: true }), 'file')).toBeNull();
    expect(code(open, actor('cadre', { sameUnitAsSubject: true }), 'file')).toBe('auth.forbidden');
    expect(code(open, actor('cadre'), 'file')).toBe('auth.forbidden');
  });

  it('lets a unit leader act only for the subject’s unit', () => {
    expect(code(open, actor('unit_leader', { leadsSubjectUnit: true }), 'opine')).toBeNull();
    expect(code(open, actor('unit_leader', { sameUnitAsSubject: true }), 'opine')).toBe('auth.forbidden');
  });

  it('accepts any one of several performing roles', () => {
    const review: M = { ...open, status: 'review' };
    expect(code(review, actor('supervisor'), 'finish')).toBeNull();
    expect(code(review, actor(['admin', 'commission_leader']), 'finish')).toBeNull();
  });
});

describe('state and guards', () => {
  it('names the action and the state in Chinese and English when the state is wrong', () => {
    const error = refusal(TOLERANCE_PROCEDURE, matterIn('verifying'), actor('case_officer'), 'accept', NOW);
    expect(error).toMatchObject({
      code: 'procedure.wrong_state',
      details: { action: '受理', actionEn: 'Accept', state: '核实中', stateEn: 'Verifying' },
    });
    expect(error?.messageZh).toBe('当前状态（核实中）不能执行“受理”');
    expect(error?.messageEn).toBe('"Accept" is not possible in the current state (Verifying)');
    expect(code({ ...open, status: 'done' }, actor('case_officer'), 'check')).toBe('procedure.wrong_state');
  });

  it('checks the guard last, with the matter and `now`, passing on its details', () => {
    expect(code({ ...open, ready: false }, actor('case_officer'), 'check')).toBe('matter.facts_missing');
    expect(code({ ...open, ready: false, status: 'review' }, actor('case_officer'), 'check')).toBe(
      'procedure.wrong_state',
    );
    expect(code({ ...open, ready: false }, actor('admin'), 'check')).toBe('auth.forbidden');
    const late = refusal(TABLE, open, actor('case_officer'), 'check', new Date('2024-06-01T00:00:00Z'));
    expect(late).toMatchObject({ code: 'matter.appeal_window_closed', details: { deadline: '2024-05-31' } });
    expect(code(open, actor('case_officer'), 'check', new Date('2024-05-31T23:59:59Z'))).toBeNull();
  });

  it('assertAllowed returns the action or throws the same reason', () => {
    expect(assertAllowed(TABLE, open, actor('case_officer'), 'check', NOW)).toBe(TABLE.actions.check);
    expect(() => assertAllowed(TABLE, open, actor('cadre'), 'check', NOW)).toThrow(
      expect.objectContaining({ code: 'auth.forbidden' }),
    );
  });

  it('allowedActions lists what the actor may do now, in table order', () => {
    const both = actor(['commission_leader', 'committee_member', 'case_officer']);
    expect(allowedActions(TABLE, open, both, NOW)).toEqual(['check', 'declare', 'pause']);
    expect(allowedActions(TABLE, { ...open, ready: false }, both, NOW)).toEqual(['declare', 'pause']);
    expect(allowedActions(TABLE, { ...open, status: 'done' }, both, NOW)).toEqual([]);
  });
});

describe('targets', () => {
  it('resolves static, same-state and dynamic targets', () => {
    expect(targetState(TABLE, open, 'check')).toBe('review');
    expect(targetState(TABLE, open, 'declare')).toBe('open');
    expect(targetState(TABLE, { ...open, status: 'paused', pausedFrom: 'review' }, 'resume')).toBe('review');
    expect(targetState(TABLE, { ...open, status: 'paused' }, 'resume')).toBe('open');
    expect(targetState(TABLE, { ...open, status: 'review' }, 'finish', 'needs_approval')).toBe('review');
    expect(targetState(TABLE, { ...open, status: 'review' }, 'finish')).toBe('done');
  });

  it('on the tolerance table: resume returns to where it was suspended; decide may await approval', () => {
    expect(
      targetState(
        TOLERANCE_PROCEDURE,
        matterIn('suspended', { suspendedFrom: 'awaiting_decision' }),
        'resume',
      ),
    ).toBe('awaiting_decision');
    expect(targetState(TOLERANCE_PROCEDURE, matterIn('deliberating'), 'decide', 'needs_approval')).toBe(
      'awaiting_approval',
    );
    expect(targetState(TOLERANCE_PROCEDURE, matterIn('deliberating'), 'decide')).toBe('decided');
  });
});
