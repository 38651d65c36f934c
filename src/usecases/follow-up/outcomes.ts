/**
 * The sanctions and reuse decisions of a cadre as plain entries, for the per-cadre outcome ledger
 * (issue 8, "system chain"): each sanction with its influence period and block dates, and each reuse
 * recommendation the commission sent to the organisation department, with its grade, reasons and
 * dates. No access check here: callers (the ledger) apply their own.
 */
import type { Db } from '../../db/connect.ts';
import type { SanctionCategoryValue } from '../../db/schema.ts';
import type { VisitGrade } from '../../domain/follow-up/procedure.ts';
import type { SanctionType } from '../../domain/policy/types.ts';
import { outcomeOf } from './stored.ts';

export type SanctionEntry = {
  sanctionId: string;
  category: SanctionCategoryValue;
  type: SanctionType;
  decidedOn: string;
  effectiveOn: string;
  /** Last day of the block on promotion; null: no end (开除). */
  influenceEndsOn: string | null;
  reusable: boolean;
  policy: { id: string; version: string };
  recordedAt: Date;
};

export type ReuseDecisionEntry = {
  followUpId: string;
  number: string;
  sanctionId: string;
  status: string;
  grade: VisitGrade | null;
  recommended: boolean;
  reasons: string;
  suggestedUse: string | null;
  decidedOn: string;
  /** When the leader sent it to the organisation department, and when the department signed for it. */
  deliveredOn: string | null;
  receivedOn: string | null;
  registerFormId: string | null;
};

/** Every sanction of the cadre (oldest first) and every reuse decision sent to the organisation department. */
export async function followUpOutcomesOfCadre(
  db: Db,
  cadreId: string,
): Promise<{ sanctions: SanctionEntry[]; reuseDecisions: ReuseDecisionEntry[] }> {
  const [sanctions, followUps] = await Promise.all([
    db
      .selectFrom('sanctions')
      .selectAll()
      .where('cadre_id', '=', cadreId)
      .orderBy('effective_on')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('matters')
      .select(['id', 'number', 'status', 'sanction_id', 'decision'])
      .where('type', '=', 'follow_up')
      .where('subject_cadre_id', '=', cadreId)
      .where('status', 'in', ['notified', 'closed'])
      .orderBy('created_at')
      .execute(),
  ]);
  return {
    sanctions: sanctions.map((s) => ({
      sanctionId: s.id,
      category: s.category,
      type: s.sanction_type as SanctionType,
      decidedOn: s.decided_on,
      effectiveOn: s.effective_on,
      influenceEndsOn: s.influence_ends_on,
      reusable: s.reusable,
      policy: { id: s.policy_id, version: s.policy_version },
      recordedAt: s.created_at,
    })),
    reuseDecisions: followUps.flatMap((f) => {
      const outcome = outcomeOf(f.decision);
      if (!outcome.reuse) return [];
      return [
        {
          followUpId: f.id,
          number: f.number,
          sanctionId: f.sanction_id!,
          status: f.status,
          grade: outcome.grade?.value ?? null,
          recommended: outcome.reuse.recommended,
          reasons: outcome.reuse.reasons,
          suggestedUse: outcome.reuse.suggestedUse,
          decidedOn: outcome.reuse.decidedOn,
          deliveredOn: outcome.delivery?.deliveredOn ?? null,
          receivedOn: outcome.receipt?.receivedOn ?? null,
          registerFormId: outcome.delivery?.documentId ?? null,
        },
      ];
    }),
  };
}
