/**
 * The signature of a tolerance matter's established facts (decision_signatures, migration 0013): its
 * structure from the facts and the policy's gates, and its terms as keyed digests — HMAC-SM3 under
 * the blind-index key, the first 32 bits — so accounts are compared without storing their words.
 */
import type { Insertable } from 'kysely';
import type { Keyring } from '../../crypto/field-cipher.ts';
import type { DecisionSignaturesTable } from '../../db/schema.ts';
import { gateKey, itemKey, signatureOf, type Signature } from '../../domain/consistency/signature.ts';
import { encodeTermSet, similarityTerms } from '../../domain/consistency/terms.ts';
import type { Facts } from '../../domain/policy/types.ts';

/** Separates these digests from every other blind index (ID numbers…): equal inputs, unequal digests. */
export const TERM_PURPOSE = 'consistency.term';

/** The facts' terms as a stored term set: distinct 32-bit keyed digests, sorted (terms.ts). */
export function termDigests(keyring: Keyring, text: string): Uint8Array {
  return encodeTermSet(
    similarityTerms(text).map((term) =>
      Number.parseInt(keyring.blindIndex(term, TERM_PURPOSE).slice(0, 8), 16),
    ),
  );
}

export type SignatureSource = {
  matterId: string;
  jurisdictionId: string;
  subjectUnitId: string | null;
  facts: Pick<Facts, 'gates' | 'situations' | 'exclusions'>;
  policy: { id: string; version: string; gateIds: readonly string[] };
  /** The account and the findings, as the commission established them. */
  text: string;
};

/** The structure and the terms of the facts. */
export function signatureParts(
  keyring: Keyring,
  source: Pick<SignatureSource, 'facts' | 'policy' | 'text'>,
): { signature: Signature; terms: Uint8Array } {
  return {
    signature: signatureOf(source.facts, source.policy.gateIds),
    terms: termDigests(keyring, source.text),
  };
}

/** The row as saved when the facts are recorded; the decision columns follow later (repos/decision-signatures.ts). */
export function signatureRow(
  keyring: Keyring,
  source: SignatureSource,
  now: Date,
): Insertable<DecisionSignaturesTable> {
  const { signature, terms } = signatureParts(keyring, source);
  return {
    matter_id: source.matterId,
    jurisdiction_id: source.jurisdictionId,
    subject_unit_id: source.subjectUnitId,
    policy_id: source.policy.id,
    policy_version: source.policy.version,
    gate_key: gateKey(signature.gates),
    item_key: itemKey(signature),
    situation_ids: [...signature.situations],
    exclusion_ids: [...signature.exclusions],
    // A Buffer: what both database drivers take for bytea.
    terms: Buffer.from(terms.buffer, terms.byteOffset, terms.byteLength),
    updated_at: now,
  };
}
