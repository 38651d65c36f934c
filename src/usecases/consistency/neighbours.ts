/**
 * The nearest decided matters of a determination: candidates from the viewer's scope (and published
 * typical cases from anywhere), ranked by the pure rules of domain/consistency/similarity.ts, and the
 * settled practice the divergence rule reads from them. Used by the similar-matters page and by the
 * proposal and decision steps, which record what they were checked against.
 */
import type { Keyring } from '../../crypto/field-cipher.ts';
import type { Db } from '../../db/connect.ts';
import {
  caseCandidates,
  scopeCandidates,
  signatureRow,
  type CandidateRow,
} from '../../db/queries/consistency.ts';
import type { Matter } from '../../db/schema.ts';
import type { Principal } from '../../domain/access.ts';
import { similarPoolScope } from '../../domain/consistency/access.ts';
import { decisiveMatch, practiceOf, type Practice } from '../../domain/consistency/divergence.ts';
import {
  gateKey,
  gateNeighbourKeys,
  itemKey,
  parseGateKey,
  type Signature,
} from '../../domain/consistency/signature.ts';
import { rankCandidates, type Candidate, type Ranked } from '../../domain/consistency/similarity.ts';
import { sharedTerms, termSetSize } from '../../domain/consistency/terms.ts';
import type { Facts, Outcome } from '../../domain/policy/types.ts';
import { policyVersion } from '../policy-context.ts';
import { factsText } from './record-signature.ts';
import { signatureParts } from './signature.ts';

export type Target = { matterId: string; signature: Signature; terms: Uint8Array };

/**
 * The matter's own signature: as stored, or — for facts recorded before signatures were kept —
 * computed now from the facts, the account and the findings. Null while no facts are recorded.
 */
export async function targetOf(db: Db, keyring: Keyring, matter: Matter): Promise<Target | null> {
  const row = await signatureRow(db, matter.id);
  if (row) {
    return {
      matterId: matter.id,
      signature: {
        gates: parseGateKey(row.gate_key),
        situations: row.situation_ids,
        exclusions: row.exclusion_ids,
      },
      terms: row.terms,
    };
  }
  if (!matter.facts || !matter.policy_id || !matter.policy_version) return null;
  const findings = await db
    .selectFrom('matter_records')
    .select(['id', 'text_enc'])
    .where('matter_id', '=', matter.id)
    .where('kind', '=', 'findings')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const summary = matter.summary_enc
    ? keyring.decrypt(matter.summary_enc, `matter.summary:${matter.id}`)
    : null;
  const findingsText = findings?.text_enc
    ? keyring.decrypt(findings.text_enc, `matter_record:${findings.id}`)
    : null;
  const gateIds = policyVersion(matter.policy_id, matter.policy_version).gates.map((g) => g.id);
  const parts = signatureParts(keyring, {
    facts: matter.facts as Facts,
    policy: { id: matter.policy_id, version: matter.policy_version, gateIds },
    text: factsText(summary, findingsText),
  });
  return { matterId: matter.id, ...parts };
}

/** A decided matter as ranked: its structure, outcome and, when published, its typical case. */
export type NeighbourCandidate = Candidate & {
  outcome: Outcome;
  jurisdictionId: string;
  /** The published typical case made from it, if any. */
  caseId: string | null;
  /** Found among the viewer's scope (not only as a published case). */
  fromScope: boolean;
};

function candidateOf(row: CandidateRow, target: Target, fromScope: boolean): NeighbourCandidate {
  return {
    id: row.matter_id,
    signature: {
      gates: parseGateKey(row.gate_key),
      situations: row.situation_ids,
      exclusions: row.exclusion_ids,
    },
    sharedTerms: sharedTerms(row.terms, target.terms),
    terms: termSetSize(row.terms),
    decidedOn: row.decided_on,
    outcome: row.outcome,
    jurisdictionId: row.jurisdiction_id,
    caseId: row.case_id,
    fromScope,
  };
}

/** Every candidate, ranked best first. */
export async function rankedNeighbours(
  db: Db,
  viewer: Principal,
  target: Target,
): Promise<Ranked<NeighbourCandidate>[]> {
  const probe = {
    gateKey: gateKey(target.signature.gates),
    itemKey: itemKey(target.signature),
    neighbourKeys: gateNeighbourKeys(target.signature.gates),
    excludeMatterId: target.matterId,
  };
  const [inScope, cases] = await Promise.all([
    scopeCandidates(db, probe, similarPoolScope(viewer)),
    caseCandidates(db, probe),
  ]);
  const byId = new Map<string, NeighbourCandidate>();
  for (const row of inScope) byId.set(row.matter_id, candidateOf(row, target, true));
  for (const row of cases) {
    const known = byId.get(row.matter_id);
    if (known) known.caseId = row.case_id;
    else byId.set(row.matter_id, candidateOf(row, target, false));
  }
  return rankCandidates({ signature: target.signature, terms: termSetSize(target.terms) }, [
    ...byId.values(),
  ]);
}

/** The practice the divergence rule reads: the ranked neighbours' ids, kinds, outcomes and points. */
export function practiceFrom(ranked: readonly Ranked<NeighbourCandidate>[]): Practice {
  return practiceOf(
    ranked.map((r) => ({
      // A typical case from outside the scope is recorded by its case id (it is public), a matter by its own.
      id: r.candidate.fromScope ? r.candidate.id : (r.candidate.caseId ?? r.candidate.id),
      kind: r.candidate.fromScope ? 'matter' : 'case',
      outcome: r.candidate.outcome,
      points: r.structure.points,
      decisive: decisiveMatch(r.structure),
    })),
  );
}
