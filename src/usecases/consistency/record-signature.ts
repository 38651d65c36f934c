/**
 * Writes the signature of a matter's facts when the case officer records them (核实 → 认定事实), in the
 * step's transaction: the account (decrypted here, never stored in clear) and the findings give the
 * terms; the facts and the policy's gates give the structure.
 */
import { saveSignature } from '../../db/repos/decision-signatures.ts';
import type { Facts } from '../../domain/policy/types.ts';
import { policyVersion } from '../policy-context.ts';
import type { StepContext } from '../tolerance/perform-action.ts';
import { signatureRow } from './signature.ts';

/** The text a matter's terms come from: the applicant's account and the established findings. */
export function factsText(summary: string | null, findings: string | null): string {
  return [summary ?? '', findings ?? ''].filter(Boolean).join('\n');
}

export async function recordFactsSignature(
  ctx: StepContext,
  facts: Facts,
  policy: { id: string; version: string },
  findings: string,
): Promise<void> {
  const m = ctx.loaded.matter;
  const summary = m.summary_enc ? ctx.deps.keyring.decrypt(m.summary_enc, `matter.summary:${m.id}`) : null;
  const gateIds = policyVersion(policy.id, policy.version).gates.map((g) => g.id);
  await saveSignature(
    ctx.trx,
    signatureRow(
      ctx.deps.keyring,
      {
        matterId: m.id,
        jurisdictionId: m.jurisdiction_id,
        subjectUnitId: m.subject_unit_id,
        facts,
        policy: { ...policy, gateIds },
        text: factsText(summary, findings),
      },
      ctx.now,
    ),
  );
}
