import { describe, expect, it } from 'vitest';
import { refusal, targetState } from '../procedure/engine.ts';
import { TOLERANCE_PROCEDURE } from '../tolerance/procedure.ts';
import { actor, matterIn, noonOn } from '../tolerance/test-matter.ts';

/** The tolerance table's `reopen`, which only an escalated correction (overdue or refused) opens. */
describe('reopening a tolerance decision over its correction', () => {
  const leader = actor('commission_leader');
  const NOW = noonOn('2024-03-15');

  it('is refused while no correction ordered with the decision is escalated', () => {
    for (const status of ['notified', 'closed'] as const) {
      const error = refusal(
        TOLERANCE_PROCEDURE,
        matterIn(status, { correctionEscalated: false }),
        leader,
        'reopen',
        NOW,
      );
      expect(error?.code, status).toBe('matter.correction_not_escalated');
    }
  });

  it('returns a notified or closed decision to the committee once the correction is escalated', () => {
    for (const status of ['notified', 'closed'] as const) {
      const matter = matterIn(status, { correctionEscalated: true });
      expect(refusal(TOLERANCE_PROCEDURE, matter, leader, 'reopen', NOW), status).toBeNull();
      expect(targetState(TOLERANCE_PROCEDURE, matter, 'reopen')).toBe('awaiting_decision');
    }
  });

  it('is the leader’s step alone, never the officer’s, and never while the decision is under review', () => {
    expect(refusal(TOLERANCE_PROCEDURE, matterIn('closed'), actor('case_officer'), 'reopen', NOW)?.code).toBe(
      'auth.forbidden',
    );
    expect(refusal(TOLERANCE_PROCEDURE, matterIn('under_review'), leader, 'reopen', NOW)?.code).toBe(
      'procedure.wrong_state',
    );
  });
});
