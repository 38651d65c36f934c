/**
 * Writes of decision_signatures (migration 0013): the signature is saved when the facts are recorded,
 * and its decision columns follow the matter in the same transaction as every transition that moves
 * a decision into or out of effect — so the "similar decided matters" never include a reopened
 * decision or miss one just taken.
 */
import type { Insertable, Transaction } from 'kysely';
import type { Database, DecisionSignaturesTable, Matter } from '../schema.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';

/** States in which a decision is in effect (the appeal does not suspend it, DESIGN §3.1). */
export const DECISION_IN_EFFECT: ReadonlySet<string> = new Set([
  'decided',
  'notified',
  'under_review',
  'closed',
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const field = (json: unknown, key: string): unknown => {
  const value = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
};
const userId = (value: unknown): string | null =>
  typeof value === 'string' && UUID.test(value) ? value : null;

/** Saves the signature of freshly recorded facts (again after a return for verification). */
export async function saveSignature(
  trx: Transaction<Database>,
  row: Insertable<DecisionSignaturesTable>,
): Promise<void> {
  const { matter_id: _, ...changes } = row;
  await trx
    .insertInto('decision_signatures')
    .values(row)
    .onConflict((oc) => oc.column('matter_id').doUpdateSet(changes))
    .execute();
}

/** The decision columns as the matter row now stands. */
export function decisionColumns(
  matter: Pick<Matter, 'status' | 'outcome' | 'decision' | 'proposal' | 'decided_at'>,
) {
  const inEffect = DECISION_IN_EFFECT.has(matter.status) && matter.outcome !== null;
  const decidedOn = field(matter.decision, 'decidedOn');
  return {
    outcome: inEffect ? matter.outcome : null,
    decided_on: inEffect
      ? typeof decidedOn === 'string'
        ? decidedOn
        : toBeijingDate(matter.decided_at ?? new Date(0))
      : null,
    proposed_by: userId(field(matter.proposal, 'proposedBy')),
    decided_by: inEffect ? userId(field(matter.decision, 'decidedBy')) : null,
  };
}

/**
 * Brings the signature's decision columns in line with the matter after a transition — only when
 * they changed, and only for a matter with recorded facts (no facts, no signature): most steps move
 * neither, and a transition should not pay a statement for nothing.
 */
export async function syncSignatureDecision(
  trx: Transaction<Database>,
  before: Pick<Matter, 'status' | 'outcome' | 'decision' | 'proposal' | 'decided_at'>,
  after: Pick<Matter, 'id' | 'type' | 'status' | 'outcome' | 'decision' | 'proposal' | 'decided_at' | 'facts'>,
  now: Date,
): Promise<void> {
  if (after.type !== 'tolerance' || after.facts === null) return;
  const columns = decisionColumns(after);
  if (JSON.stringify(columns) === JSON.stringify(decisionColumns(before))) return;
  await trx
    .updateTable('decision_signatures')
    .set({ ...columns, updated_at: now })
    .where('matter_id', '=', after.id)
    .execute();
}
