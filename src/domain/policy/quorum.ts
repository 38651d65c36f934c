import type { Quorum } from './types.ts';

/** A collective vote (集体研究): members entitled to attend, those present, and those in favour. */
export type VoteCount = { members: number; present: number; inFavour: number };

/**
 * Whether a meeting was quorate and the proposal passed under a policy's quorum: present ≥
 * `minPresentFraction` of members, and in favour strictly more than `passFraction` of the pass base.
 */
export function quorumResult(quorum: Quorum, votes: VoteCount): { quorate: boolean; passed: boolean } {
  const quorate = votes.members > 0 && votes.present / votes.members >= quorum.minPresentFraction;
  const base = quorum.passBase === 'members' ? votes.members : votes.present;
  return { quorate, passed: quorate && base > 0 && votes.inFavour / base > quorum.passFraction };
}
