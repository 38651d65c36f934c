/**
 * 集体研究表决 — counting a collective decision's votes under the policy's quorum (DOMAIN §4.1 Step 4:
 * collective decision, not one leader's will).
 */
import { DomainError } from '../errors.ts';
import { quorumResult } from '../policy/quorum.ts';
import { OUTCOME_ZH } from '../policy/reasons.ts';
import { OUTCOME_ORDER, type Outcome, type Quorum } from '../policy/types.ts';

/** One member's recorded vote and the opinion they gave. */
export type Vote = { memberId: string; outcome: Outcome; opinion: string };

/** Who sits on the deciding body, who came, who recused from this item, and the votes cast. */
export type VoteInput = {
  /** Members of the deciding body (应到会成员). */
  members: readonly string[];
  /** Members present; others present (列席) are not counted and may not vote. */
  present: readonly string[];
  /** Members who recused from this item (回避): they neither attend it nor vote. */
  recused: readonly string[];
  votes: readonly Vote[];
};

/** The count of a collective decision. */
export type Tally = {
  quorumMet: boolean;
  /** Members of the body. */
  membersCount: number;
  /** Members recused from this item. */
  recusedCount: number;
  /** Members who may take part in this item: members minus recused; the quorum's base. */
  entitledCount: number;
  /** Members present at the meeting. */
  presentCount: number;
  /** Members present who may take part: present minus recused. */
  eligibleCount: number;
  tally: Record<Outcome, number>;
  /** The outcome carried by the policy's majority; null without quorum or majority. */
  outcome: Outcome | null;
  /** Votes not for the carried outcome (all votes when none carried), recorded as dissent. */
  dissent: Vote[];
};

/**
 * Counts the votes. Recusal removes a member from this item altogether, so quorum and majority are
 * judged on the members who may take part: `entitledCount` stands for 应到会, `eligibleCount` for
 * 实到会. A present member who does not vote counts as present and not in favour (an abstention).
 * @throws DomainError('procedure.recused') for a vote by a recused member;
 *   DomainError('meeting.not_attending') for a vote by anyone not a present member;
 *   DomainError('meeting.duplicate_vote') for a second vote by the same member.
 */
export function tallyVotes(quorum: Quorum, input: VoteInput): Tally {
  const members = new Set(input.members);
  const recused = new Set(input.recused.filter((id) => members.has(id)));
  const present = new Set(input.present.filter((id) => members.has(id)));
  const eligible = [...present].filter((id) => !recused.has(id));
  const entitledCount = members.size - recused.size;

  const tally: Record<Outcome, number> = { exempt: 0, mitigate: 0, refuse: 0 };
  const voted = new Set<string>();
  input.votes.forEach((vote, index) => {
    const field = `votes[${index}].memberId`;
    const details = { memberId: vote.memberId };
    if (recused.has(vote.memberId)) throw new DomainError('procedure.recused', details, field);
    if (!present.has(vote.memberId)) throw new DomainError('meeting.not_attending', details, field);
    if (voted.has(vote.memberId)) throw new DomainError('meeting.duplicate_vote', details, field);
    voted.add(vote.memberId);
    tally[vote.outcome] += 1;
  });

  const count = (inFavour: number) =>
    quorumResult(quorum, { members: entitledCount, present: eligible.length, inFavour });
  const quorumMet = count(0).quorate;
  const carried = OUTCOME_ORDER.filter((outcome) => count(tally[outcome]).passed);
  // Two outcomes can both pass only under a pass fraction below one half; then the larger wins.
  const [first, second] = [...carried].sort((a, b) => tally[b] - tally[a]);
  const outcome =
    first !== undefined && (second === undefined || tally[first] > tally[second]) ? first : null;

  return {
    quorumMet,
    membersCount: members.size,
    recusedCount: recused.size,
    entitledCount,
    presentCount: present.size,
    eligibleCount: eligible.length,
    tally,
    outcome,
    dissent: input.votes.filter((vote) => vote.outcome !== outcome),
  };
}

/**
 * The carried outcome, or why the meeting cannot decide.
 * @throws DomainError('meeting.no_quorum') | DomainError('meeting.no_majority')
 */
export function assertCarried(result: Tally): Outcome {
  if (!result.quorumMet) {
    throw new DomainError('meeting.no_quorum', {
      present: result.eligibleCount,
      members: result.entitledCount,
    });
  }
  if (result.outcome === null) {
    const tally = OUTCOME_ORDER.map((outcome) => `${OUTCOME_ZH[outcome]} ${result.tally[outcome]}`).join(
      '、',
    );
    throw new DomainError('meeting.no_majority', { tally });
  }
  return result.outcome;
}
