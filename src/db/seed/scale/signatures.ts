/**
 * The consistency signature (decision_signatures, migration 0013) of each generated matter whose
 * facts are recorded, as `record_facts` and the decision would have left it: structure from the
 * facts, terms from the account and the findings as keyed digests, the decision columns from the
 * matter's state. Terms are computed once per distinct text (the generator draws from a few).
 */
import type { Keyring } from '../../../crypto/field-cipher.ts';
import { decisionColumns } from '../../repos/decision-signatures.ts';
import { factsText } from '../../../usecases/consistency/record-signature.ts';
import { termDigests } from '../../../usecases/consistency/signature.ts';
import { gateKey, itemKey, signatureOf } from '../../../domain/consistency/signature.ts';
import type { Facts } from '../../../domain/policy/types.ts';
import type { ColumnBatch, ColumnSpec } from './bulk.ts';

export const SIGNATURE_COLUMNS: ColumnSpec[] = [
  ['matter_id', 'uuid'],
  ['jurisdiction_id', 'uuid'],
  ['subject_unit_id', 'uuid'],
  ['policy_id', 'text'],
  ['policy_version', 'text'],
  ['gate_key', 'text'],
  ['item_key', 'text'],
  // Array literals ({S3}): COPY reads them as the column's type, bulkInsert casts them.
  ['situation_ids', 'text[]'],
  ['exclusion_ids', 'text[]'],
  ['terms', 'bytea'],
  ['outcome', 'text'],
  ['decided_on', 'date'],
  ['proposed_by', 'uuid'],
  ['decided_by', 'uuid'],
  ['updated_at', 'timestamptz'],
];

/** Terms per keyring and text: the generator's accounts repeat, and a keyed digest per term costs. */
const termMemos = new WeakMap<Keyring, Map<string, string>>();

const literal = (items: readonly (string | number)[]) => `{${items.join(',')}}`;

export type SignatureInput = {
  matterId: string;
  jurisdictionId: string;
  subjectUnitId: string;
  policy: { id: string; version: string; gates: readonly { id: string }[] };
  /** The matter's state as built: facts, outcome, decision and proposal JSON. */
  state: {
    status: string;
    facts: string | null;
    outcome: string | null;
    decision: string | null;
    proposal: string | null;
    decidedAt: number | null;
    updatedAt: number;
  };
  summary: string;
  findings: string | null;
};

/** Pushes the matter's signature row, if its facts are recorded. */
export function pushSignature(batch: ColumnBatch, keyring: Keyring, input: SignatureInput): void {
  const { state } = input;
  if (state.facts === null) return;
  const signature = signatureOf(
    JSON.parse(state.facts) as Facts,
    input.policy.gates.map((g) => g.id),
  );
  const text = factsText(input.summary, input.findings);
  let memo = termMemos.get(keyring);
  if (!memo) termMemos.set(keyring, (memo = new Map()));
  let terms = memo.get(text);
  // bytea in its hex form: COPY and the insert from text both read it.
  if (!terms) memo.set(text, (terms = `\\x${Buffer.from(termDigests(keyring, text)).toString('hex')}`));
  const decision = decisionColumns({
    status: state.status,
    outcome: state.outcome as 'exempt' | 'mitigate' | 'refuse' | null,
    decision: state.decision,
    proposal: state.proposal,
    decided_at: state.decidedAt === null ? null : new Date(state.decidedAt),
  });
  batch.push(
    input.matterId,
    input.jurisdictionId,
    input.subjectUnitId,
    input.policy.id,
    input.policy.version,
    gateKey(signature.gates),
    itemKey(signature),
    literal(signature.situations),
    literal(signature.exclusions),
    terms,
    decision.outcome,
    decision.decided_on,
    decision.proposed_by,
    decision.decided_by,
    new Date(state.updatedAt),
  );
}
