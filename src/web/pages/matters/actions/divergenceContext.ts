import type { SimilarMatters } from '../../../api/consistency.ts';
import type { MatterDetail, Outcome } from '../../../api/matterTypes.ts';
import type { DivergenceContext } from './DivergenceInput.tsx';

/**
 * What the divergence field of a step needs: for the proposal, the practice (the officer chooses the
 * outcome in the form); for the decision, also the outcome the votes carry and the reason the
 * proposal gave for that same outcome, which the server accepts in place of a new one.
 */
export function divergenceContext(
  detail: MatterDetail,
  action: string,
  similar: SimilarMatters | null | undefined,
): DivergenceContext | undefined {
  if (!similar?.factsRecorded || (action !== 'propose' && action !== 'decide')) return undefined;
  if (action === 'propose') return { practice: similar.practice, fixedOutcome: null, earlierReason: null };
  const carried = similar.practice.carried;
  const proposal = detail.matter.proposal as {
    outcome?: Outcome;
    consistency?: { reason?: string | null } | null;
  } | null;
  const earlier = carried && proposal?.outcome === carried ? (proposal.consistency?.reason ?? null) : null;
  return { practice: similar.practice, fixedOutcome: carried, earlierReason: earlier };
}
