/**
 * Signatures for matters whose facts were recorded before decision_signatures existed (migration
 * 0013): written once per installation (`claimOneTimeTask`), so an upgraded installation shows
 * similar matters from its whole history. New facts write their own signature
 * (record-signature.ts); the scale generator writes them in bulk.
 */
import type { Deps } from '../../app/deps.ts';
import { decisionColumns } from '../../db/repos/decision-signatures.ts';
import { claimOneTimeTask } from '../../db/repos/one-time-tasks.ts';
import type { Facts } from '../../domain/policy/types.ts';
import { policyVersion } from '../policy-context.ts';
import { factsText } from './record-signature.ts';
import { signatureRow } from './signature.ts';

const BATCH = 200;
/** The one-time task's key; the scale generator records it too, having written every signature itself. */
export const SIGNATURE_BACKFILL_TASK = 'consistency.signature_backfill';

/** Returns how many signatures were written (0 when an earlier start already did it). */
export async function backfillDecisionSignatures(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  if (!(await claimOneTimeTask(deps.db, SIGNATURE_BACKFILL_TASK, now))) return 0;
  let written = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const matters = await deps.db
      .selectFrom('matters')
      .select([
        'id',
        'jurisdiction_id',
        'subject_unit_id',
        'summary_enc',
        'facts',
        'policy_id',
        'policy_version',
        'status',
        'outcome',
        'decision',
        'proposal',
        'decided_at',
      ])
      .where('type', '=', 'tolerance')
      .where('facts', 'is not', null)
      .where('policy_id', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (matters.length === 0) return written;
    after = matters.at(-1)!.id;
    const findings = await deps.db
      .selectFrom('matter_records')
      .select(['id', 'matter_id', 'text_enc', 'created_at'])
      .where('kind', '=', 'findings')
      .where(
        'matter_id',
        'in',
        matters.map((m) => m.id),
      )
      .orderBy('created_at')
      .execute();
    const latest = new Map(findings.map((f) => [f.matter_id, f]));
    const rows = matters.map((m) => {
      const f = latest.get(m.id);
      const summary = m.summary_enc ? deps.keyring.decrypt(m.summary_enc, `matter.summary:${m.id}`) : null;
      const text = f?.text_enc ? deps.keyring.decrypt(f.text_enc, `matter_record:${f.id}`) : null;
      const policy = {
        id: m.policy_id!,
        version: m.policy_version!,
        gateIds: policyVersion(m.policy_id!, m.policy_version!).gates.map((g) => g.id),
      };
      return {
        ...signatureRow(
          deps.keyring,
          {
            matterId: m.id,
            jurisdictionId: m.jurisdiction_id,
            subjectUnitId: m.subject_unit_id,
            facts: m.facts as Facts,
            policy,
            text: factsText(summary, text),
          },
          now,
        ),
        ...decisionColumns(m),
      };
    });
    await deps.db
      .insertInto('decision_signatures')
      .values(rows)
      .onConflict((oc) => oc.column('matter_id').doNothing())
      .execute();
    written += rows.length;
  }
}
