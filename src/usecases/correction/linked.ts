/**
 * Corrections ordered with a tolerance decision point back to it (`linked_matter_id`). An escalated
 * one — overdue or refused — is what lets the leader reopen the decision (DOMAIN §5.2).
 */
import type { Db } from '../../db/connect.ts';

/** Ids of the corrections ordered with `toleranceMatterId` that stand escalated. */
export async function escalatedCorrectionIds(db: Db, toleranceMatterId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('matters')
    .select('id')
    .where('linked_matter_id', '=', toleranceMatterId)
    .where('type', '=', 'correction')
    .where('status', '=', 'escalated')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.id);
}

export async function hasEscalatedCorrection(db: Db, toleranceMatterId: string): Promise<boolean> {
  return (await escalatedCorrectionIds(db, toleranceMatterId)).length > 0;
}
