import { describe, expect, it } from 'vitest';
import { refusal } from '../procedure/engine.ts';
import { TOLERANCE_PROCEDURE, type ToleranceAction, type ToleranceMatter } from './procedure.ts';
import { actor, day, matterIn, noonOn } from './test-matter.ts';

const NOW = noonOn('2024-03-15');
const subject = actor('cadre', { isSubject: true });
const officer = actor('case_officer');
const leader = actor('commission_leader');

const refused = (matter: ToleranceMatter, who: typeof subject, action: ToleranceAction) =>
  refusal(TOLERANCE_PROCEDURE, matter, who, action, NOW);
const code = (matter: ToleranceMatter, who: typeof subject, action: ToleranceAction) =>
  refused(matter, who, action)?.code ?? null;

describe('tolerance guards, each side', () => {
  it('propose needs the established facts (and recommendation)', () => {
    expect(code(matterIn('verifying', { factsRecorded: false }), officer, 'propose')).toBe(
      'matter.facts_missing',
    );
    expect(code(matterIn('verifying', { factsRecorded: true }), officer, 'propose')).toBeNull();
  });

  it('verification is extended at most once', () => {
    expect(code(matterIn('verifying', { verificationExtended: true }), leader, 'extend_verification')).toBe(
      'matter.already_extended',
    );
    expect(code(matterIn('verifying'), leader, 'extend_verification')).toBeNull();
  });

  describe('appeal', () => {
    it('is open up to and including the last day, closed the day after, naming the deadline', () => {
      expect(code(matterIn('notified', { today: day('2024-04-01') }), subject, 'appeal')).toBeNull();
      const late = refused(matterIn('notified', { today: day('2024-04-02') }), subject, 'appeal');
      expect(late).toMatchObject({
        code: 'matter.appeal_window_closed',
        details: { deadline: '2024-04-01' },
      });
      expect(late?.messageZh).toBe('申诉期限已于 2024-04-01 届满');
    });

    it('cannot be lodged before the decision is received', () => {
      expect(code(matterIn('notified', { receivedOn: null, appealDeadline: null }), subject, 'appeal')).toBe(
        'matter.not_received',
      );
    });

    it('is lodged once', () => {
      expect(code(matterIn('notified', { appealed: true }), subject, 'appeal')).toBe(
        'matter.already_appealed',
      );
      expect(code(matterIn('notified', { appealed: true, appealDeadline: null }), subject, 'appeal')).toBe(
        'matter.already_appealed',
      );
    });
  });

  describe('close', () => {
    it('waits until the appeal window has ended', () => {
      const open = refused(matterIn('notified', { today: day('2024-04-01') }), officer, 'close');
      expect(open).toMatchObject({ code: 'matter.appeal_window_open', details: { deadline: '2024-04-01' } });
      expect(code(matterIn('notified', { today: day('2024-04-02') }), officer, 'close')).toBeNull();
    });

    it('cannot close a decision never received (the window has not started)', () => {
      const unreceived = matterIn('notified', {
        receivedOn: null,
        appealDeadline: null,
        today: day('2030-01-01'),
      });
      expect(refused(unreceived, officer, 'close')).toMatchObject({
        code: 'matter.appeal_window_open',
        details: { deadline: '—' },
      });
    });
  });

  it('receipt is acknowledged once', () => {
    expect(code(matterIn('notified'), subject, 'acknowledge_receipt')).toBe('matter.already_received');
    expect(
      code(matterIn('notified', { receivedOn: null, appealDeadline: null }), subject, 'acknowledge_receipt'),
    ).toBeNull();
  });

  it.each(['notified', 'under_review', 'closed'] as const)(
    'filing with the higher level happens once (%s)',
    (status) => {
      expect(code(matterIn(status, { filed: true }), officer, 'file_with_higher')).toBe(
        'matter.already_filed',
      );
      expect(code(matterIn(status, { filed: false }), officer, 'file_with_higher')).toBeNull();
    },
  );

  it.each(['notified', 'closed'] as const)(
    'publicity only where the policy requires it, and once (%s)',
    (status) => {
      expect(code(matterIn(status, { publicityRequired: false }), officer, 'publicize')).toBe(
        'matter.publicity_not_required',
      );
      expect(code(matterIn(status, { published: true }), officer, 'publicize')).toBe(
        'matter.publicity_not_required',
      );
      expect(code(matterIn(status), officer, 'publicize')).toBeNull();
    },
  );

  it('checks role and state before the guard', () => {
    const late = matterIn('notified', { today: day('2024-04-02') });
    expect(code(late, actor('cadre'), 'appeal')).toBe('auth.forbidden');
    expect(code({ ...late, status: 'under_review' }, subject, 'appeal')).toBe('procedure.wrong_state');
    expect(code(matterIn('verifying', { filed: true }), officer, 'file_with_higher')).toBe(
      'procedure.wrong_state',
    );
    expect(
      code(
        matterIn('verifying', { factsRecorded: false }),
        actor('case_officer', { declaredConflict: true }),
        'propose',
      ),
    ).toBe('procedure.recused');
  });

  it('an ex officio check cannot be withdrawn by the cadre; an own application can', () => {
    expect(code(matterIn('verifying', { route: 'ex_officio' }), subject, 'withdraw')).toBe('matter.ex_officio_not_withdrawable');
    expect(code(matterIn('verifying', { route: 'own_application' }), subject, 'withdraw')).toBeNull();
  });

  it('delivery is recorded once, by the officer, and only before receipt', () => {
    expect(code(matterIn('notified', { receivedOn: null, appealDeadline: null }), officer, 'record_delivery')).toBeNull();
    expect(code(matterIn('notified'), officer, 'record_delivery')).toBe('matter.already_received');
    expect(code(matterIn('notified', { receivedOn: null, appealDeadline: null }), subject, 'record_delivery')).toBe('auth.forbidden');
  });
});
