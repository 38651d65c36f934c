/**
 * The divergence check of the proposal (认定意见) and of the decision (决定), run inside the step's
 * transaction: the nearest decided matters as the acting officer or leader sees them, the rule of
 * domain/consistency/divergence.ts, and — when the outcome diverges — the reason the deciders give.
 * The result is stored with the proposal or the decision and put in the step's audit event.
 */
import {
  consistencyRecord,
  practiceOf,
  type ConsistencyRecord,
} from '../../domain/consistency/divergence.ts';
import type { Outcome } from '../../domain/policy/types.ts';
import type { StepContext } from '../tolerance/perform-action.ts';
import { practiceFrom, rankedNeighbours, targetOf } from './neighbours.ts';

/**
 * @param reason the reason given with this step for diverging
 * @param fallbacks reasons that stand for it when none is given, in order: the proposal's for the same
 *   outcome (at the decision), then the written reason for departing from the recommendation — one
 *   written reason may explain both, and the form asks for no more than it needs (DOMAIN §11.3)
 * @throws DomainError('matter.divergence_reason_required') when the outcome diverges without a reason
 */
export async function checkConsistency(
  ctx: StepContext,
  outcome: Outcome,
  reason: string | undefined,
  fallbacks: readonly (string | null | undefined)[] = [],
): Promise<ConsistencyRecord> {
  const target = await targetOf(ctx.trx, ctx.deps.keyring, ctx.loaded.matter);
  const practice = target ? practiceFrom(await rankedNeighbours(ctx.trx, ctx.user, target)) : practiceOf([]);
  const fallback = fallbacks.find((text) => (text ?? '').trim().length > 0) ?? null;
  return consistencyRecord(practice, outcome, reason, fallback);
}

/** What the audit event carries: the neighbours' ids and the mix, the outcome, the reason. */
export function consistencyAudit(record: ConsistencyRecord) {
  return {
    neighbours: record.neighbours.map((n) => n.id),
    mix: record.mix,
    majority: record.majority,
    outcome: record.outcome,
    ...(record.proposed !== undefined ? { proposed: record.proposed } : {}),
    diverges: record.diverges,
    reason: record.reason,
  };
}
