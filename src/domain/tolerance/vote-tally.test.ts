import { describe, expect, it } from 'vitest';
import type { Outcome, Quorum } from '../policy/types.ts';
import { assertCarried, tallyVotes, type Vote } from './decision.ts';

/** The default policy's rule: two thirds present, more than half of the members in favour. */
const DEFAULT_QUORUM: Quorum = { minPresentFraction: 2 / 3, passFraction: 1 / 2, passBase: 'members' };
const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${i + 1}`);
/** Votes by m1, m2, … in order, one outcome each. */
const votes = (...outcomes: Outcome[]): Vote[] =>
  outcomes.map((outcome, i) => ({ memberId: `m${i + 1}`, outcome, opinion: `意见${i + 1}` }));

describe('tallyVotes', () => {
  it('carries the outcome with more than half of the members, and records the dissent', () => {
    const result = tallyVotes(DEFAULT_QUORUM, {
      members: ids(9),
      present: ids(7),
      recused: [],
      votes: votes('exempt', 'exempt', 'exempt', 'exempt', 'exempt', 'mitigate', 'refuse'),
    });
    expect(result).toEqual({
      quorumMet: true,
      membersCount: 9,
      recusedCount: 0,
      entitledCount: 9,
      presentCount: 7,
      eligibleCount: 7,
      tally: { exempt: 5, mitigate: 1, refuse: 1 },
      outcome: 'exempt',
      dissent: [
        { memberId: 'm6', outcome: 'mitigate', opinion: '意见6' },
        { memberId: 'm7', outcome: 'refuse', opinion: '意见7' },
      ],
    });
  });

  it('carries nothing when the largest group is not more than half of the members', () => {
    const result = tallyVotes(DEFAULT_QUORUM, {
      members: ids(9),
      present: ids(6),
      recused: [],
      votes: votes('exempt', 'exempt', 'exempt', 'exempt', 'refuse', 'refuse'),
    });
    expect(result).toMatchObject({ quorumMet: true, outcome: null });
    expect(result.dissent).toHaveLength(6);
    expect(() => assertCarried(result)).toThrow(
      expect.objectContaining({
        code: 'meeting.no_majority',
        details: { tally: '免责 4、减责 0、不予容错 2' },
      }),
    );
  });

  it('carries nothing without quorum, even when unanimous', () => {
    const result = tallyVotes(DEFAULT_QUORUM, {
      members: ids(9),
      present: ids(5),
      recused: [],
      votes: votes('exempt', 'exempt', 'exempt', 'exempt', 'exempt'),
    });
    expect(result).toMatchObject({ quorumMet: false, outcome: null });
    expect(() => assertCarried(result)).toThrow(
      expect.objectContaining({ code: 'meeting.no_quorum', details: { present: 5, members: 9 } }),
    );
  });

  it('counts a present member who does not vote as an abstention', () => {
    const byPresent: Quorum = { ...DEFAULT_QUORUM, passBase: 'present' };
    const input = { members: ids(7), present: ids(7), recused: [] };
    expect(
      tallyVotes(byPresent, { ...input, votes: votes('mitigate', 'mitigate', 'mitigate', 'mitigate') })
        .outcome,
    ).toBe('mitigate');
    expect(
      tallyVotes(byPresent, { ...input, votes: votes('mitigate', 'mitigate', 'mitigate') }).outcome,
    ).toBeNull();
  });

  it('with the present as the pass base, needs more than half of those present only', () => {
    const byPresent: Quorum = { ...DEFAULT_QUORUM, passBase: 'present' };
    const input = {
      members: ids(9),
      present: ids(6),
      recused: [],
      votes: votes('refuse', 'refuse', 'refuse', 'refuse', 'exempt', 'exempt'),
    };
    expect(tallyVotes(byPresent, input).outcome).toBe('refuse');
    expect(tallyVotes(DEFAULT_QUORUM, input).outcome).toBeNull();
  });

  describe('recusal (回避): quorum and majority are judged on the members who may take part', () => {
    it('takes recused members out of the base, so the remaining members can decide', () => {
      // 9 members, 2 recused → 7 may take part; 5 of them present (m1–m5), 4 for exemption.
      // Counted against all 9 this would be neither quorate (5/9) nor carried (4/9).
      const result = tallyVotes(DEFAULT_QUORUM, {
        members: ids(9),
        present: [...ids(5), 'm8'],
        recused: ['m8', 'm9'],
        votes: votes('exempt', 'exempt', 'exempt', 'exempt', 'mitigate'),
      });
      expect(result).toMatchObject({
        membersCount: 9,
        recusedCount: 2,
        entitledCount: 7,
        presentCount: 6,
        eligibleCount: 5,
        quorumMet: true,
        outcome: 'exempt',
      });
    });

    it('does not count a recused member who is in the room toward the quorum', () => {
      // 6 members, m1 recused: 3 of the 5 who may take part are there (3/5 < 2/3), not 4/5.
      const result = tallyVotes(DEFAULT_QUORUM, {
        members: ids(6),
        present: ids(4),
        recused: ['m1'],
        votes: [],
      });
      expect(result).toMatchObject({ entitledCount: 5, eligibleCount: 3, quorumMet: false });
    });

    it('ignores attendees and recusals of people who are not members', () => {
      const result = tallyVotes(DEFAULT_QUORUM, {
        members: ids(3),
        present: [...ids(2), 'staff'],
        recused: ['outsider'],
        votes: [],
      });
      expect(result).toMatchObject({
        membersCount: 3,
        recusedCount: 0,
        presentCount: 2,
        eligibleCount: 2,
        quorumMet: true,
      });
    });
  });

  describe('rejected votes', () => {
    const input = { members: ids(5), present: ids(4), recused: ['m2'] };
    it.each([
      ['a recused member, even in the room', 'm2', 'procedure.recused'],
      ['an absent member', 'm5', 'meeting.not_attending'],
      ['someone not on the body', 'staff', 'meeting.not_attending'],
    ])('from %s', (_label, memberId, code) => {
      const vote: Vote = { memberId, outcome: 'exempt', opinion: '' };
      expect(() => tallyVotes(DEFAULT_QUORUM, { ...input, votes: [...votes('refuse'), vote] })).toThrow(
        expect.objectContaining({ code, field: 'votes[1].memberId', details: { memberId } }),
      );
    });

    it('a second vote by the same member', () => {
      const twice = [...votes('exempt'), { memberId: 'm1', outcome: 'refuse' as const, opinion: '改变主意' }];
      expect(() => tallyVotes(DEFAULT_QUORUM, { ...input, votes: twice })).toThrow(
        expect.objectContaining({ code: 'meeting.duplicate_vote', field: 'votes[1].memberId' }),
      );
    });
  });

  it('under a pass fraction below one half, the larger of two passing outcomes wins and a tie carries nothing', () => {
    const lenient: Quorum = { minPresentFraction: 0.5, passFraction: 0.3, passBase: 'present' };
    const input = { members: ids(10), present: ids(10), recused: [] };
    expect(
      tallyVotes(lenient, {
        ...input,
        votes: votes(
          'exempt',
          'exempt',
          'exempt',
          'exempt',
          'mitigate',
          'mitigate',
          'mitigate',
          'mitigate',
          'mitigate',
          'refuse',
        ),
      }).outcome,
    ).toBe('mitigate');
    expect(
      tallyVotes(lenient, {
        ...input,
        votes: votes(
          'exempt',
          'exempt',
          'exempt',
          'exempt',
          'mitigate',
          'mitigate',
          'mitigate',
          'mitigate',
          'refuse',
          'refuse',
        ),
      }).outcome,
    ).toBeNull();
  });

  it('assertCarried returns the carried outcome', () => {
    expect(
      assertCarried(
        tallyVotes(DEFAULT_QUORUM, {
          members: ids(3),
          present: ids(3),
          recused: [],
          votes: votes('refuse', 'refuse', 'exempt'),
        }),
      ),
    ).toBe('refuse');
  });
});
