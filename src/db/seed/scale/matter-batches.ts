/**
 * Row batches for everything a matter writes (the matter, its records, documents, meeting and
 * participants) and the insert job that writes one batch of each in foreign-key order. Jobs run one
 * after another (a later batch may name an account an earlier one created) but overlap with the
 * audit inserts and with Node building the next batch.
 */
import type { Db } from '../../connect.ts';
import { ColumnBatch, bulkInsert, type Cell, type ColumnSpec } from './bulk.ts';
import { SIGNATURE_COLUMNS } from './signatures.ts';

const MATTER_COLUMNS: ColumnSpec[] = [
  ['id', 'uuid'],
  ['number', 'text'],
  ['jurisdiction_id', 'uuid'],
  ['status', 'text'],
  ['suspended_from', 'text'],
  ['route', 'text'],
  ['subject_cadre_id', 'uuid'],
  ['subject_unit_id', 'uuid'],
  ['applicant_user_id', 'uuid'],
  ['title', 'text'],
  ['summary_enc', 'text'],
  ['accountability_ref', 'text'],
  ['conduct_date', 'date'],
  ['facts', 'jsonb'],
  ['recommendation_key', 'text'],
  ['jurisdiction_code', 'text'],
  // The policy version in force when the facts were recorded, as the verification step stores it.
  ['policy_id', 'text'],
  ['policy_version', 'text'],
  ['proposal', 'jsonb'],
  ['outcome', 'text'],
  ['decision', 'jsonb'],
  ['decided_at', 'timestamptz'],
  ['clocks', 'jsonb'],
  ['due_on', 'date'],
  ['received_on', 'date'],
  ['appeal_deadline', 'date'],
  ['appealed', 'boolean'],
  ['filed_at', 'timestamptz'],
  ['published_at', 'timestamptz'],
  ['version', 'int'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
  ['closed_at', 'timestamptz'],
];
const RECORD_COLUMNS: ColumnSpec[] = [
  ['id', 'uuid'],
  ['matter_id', 'uuid'],
  ['kind', 'text'],
  ['visibility', 'text'],
  ['data', 'jsonb'],
  ['text_enc', 'text'],
  ['status', 'text'],
  ['created_by', 'uuid'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const DOCUMENT_COLUMNS: ColumnSpec[] = [
  ['id', 'uuid'],
  ['matter_id', 'uuid'],
  ['kind', 'text'],
  ['number', 'text'],
  ['title', 'text'],
  ['content', 'jsonb'],
  ['digest', 'text'],
  ['signature', 'text'],
  ['key_id', 'text'],
  ['code', 'text'],
  ['recipient', 'text'],
  ['issued_at', 'timestamptz'],
];
const MEETING_COLUMNS: ColumnSpec[] = [
  ['id', 'uuid'],
  ['jurisdiction_id', 'uuid'],
  ['kind', 'text'],
  ['title', 'text'],
  ['held_on', 'date'],
  ['minutes_enc', 'text'],
  ['created_by', 'uuid'],
  ['created_at', 'timestamptz'],
];
/** 结果运用台账: `seq` is given when the entry's audit event is released, so entries number in time order. */
export const LEDGER_COLUMNS: ColumnSpec[] = [
  ['id', 'uuid'],
  ['seq', 'bigint'],
  ['cadre_id', 'uuid'],
  ['jurisdiction_id', 'uuid'],
  ['jurisdiction_path', 'text'],
  ['unit_id', 'uuid'],
  ['kind', 'text'],
  ['chain_key', 'text'],
  ['supersedes_id', 'uuid'],
  ['facts', 'jsonb'],
  ['effects', 'jsonb'],
  ['scope', 'text'],
  ['effective_from', 'date'],
  ['effective_until', 'date'],
  ['source_matter_id', 'uuid'],
  ['source_document_id', 'uuid'],
  ['document_number', 'text'],
  ['policy_id', 'text'],
  ['policy_version', 'text'],
  ['recorded_by', 'uuid'],
  ['recorded_at', 'timestamptz'],
];
const PARTICIPANT_COLUMNS: ColumnSpec[] = [
  ['meeting_id', 'uuid'],
  ['matter_id', 'uuid'],
  ['user_id', 'uuid'],
  ['present', 'boolean'],
  ['vote', 'text'],
  ['opinion', 'text'],
  ['voted_at', 'timestamptz'],
];

export class MatterBatches {
  matters = new ColumnBatch(MATTER_COLUMNS);
  records = new ColumnBatch(RECORD_COLUMNS);
  documents = new ColumnBatch(DOCUMENT_COLUMNS);
  meetings = new ColumnBatch(MEETING_COLUMNS);
  participants = new ColumnBatch(PARTICIPANT_COLUMNS);
  /** 认定尺度统一: one signature per matter with recorded facts (signatures.ts). */
  signatures = new ColumnBatch(SIGNATURE_COLUMNS);

  /** Moves the accumulated rows out, leaving empty batches. */
  take(): MatterBatches {
    const taken = new MatterBatches();
    [taken.matters, this.matters] = [this.matters, taken.matters];
    [taken.records, this.records] = [this.records, taken.records];
    [taken.documents, this.documents] = [this.documents, taken.documents];
    [taken.meetings, this.meetings] = [this.meetings, taken.meetings];
    [taken.participants, this.participants] = [this.participants, taken.participants];
    [taken.signatures, this.signatures] = [this.signatures, taken.signatures];
    return taken;
  }
}

/**
 * Inserts one set of batches. `recommendations` maps an outcome to the policy engine's
 * recommendation, which each decided matter gets with its county filled in.
 */
export async function insertMatterBatches(db: Db, b: MatterBatches, accounts: { users: ColumnBatch; roles: ColumnBatch }, recommendations: Recommendations): Promise<void> {
  await bulkInsert(db, 'users', accounts.users);
  await bulkInsert(db, 'role_assignments', accounts.roles);
  await bulkInsert(db, 'matters', withRecommendations(b.matters, recommendations));
  await bulkInsert(db, 'meetings', b.meetings);
  await bulkInsert(db, 'meeting_participants', b.participants);
  await bulkInsert(db, 'matter_records', b.records);
  await bulkInsert(db, 'documents', b.documents);
  await bulkInsert(db, 'decision_signatures', b.signatures);
}

/** The policy engine's recommendation for each outcome, and its JSON per county (memoised). */
export class Recommendations {
  private readonly json = new Map<string, string>();
  constructor(private readonly byOutcome: Record<string, unknown>) {}
  of(key: string, jurisdictionCode: string): string {
    const memoKey = `${key}|${jurisdictionCode}`;
    let text = this.json.get(memoKey);
    if (text === undefined) {
      const template = this.byOutcome[key] as { policy: Record<string, unknown> } & Record<string, unknown>;
      text = JSON.stringify({ ...template, policy: { ...template.policy, jurisdiction: jurisdictionCode } });
      this.json.set(memoKey, text);
    }
    return text;
  }
}

const KEY = MATTER_COLUMNS.findIndex(([name]) => name === 'recommendation_key');
const CODE = MATTER_COLUMNS.findIndex(([name]) => name === 'jurisdiction_code');

/** The matters batch as the table takes it: type, the plain columns and the recommendation. */
function withRecommendations(matters: ColumnBatch, recommendations: Recommendations): ColumnBatch {
  const plain = MATTER_COLUMNS.map((c, i) => [c, i] as const).filter(([, i]) => i !== KEY && i !== CODE);
  const out = new ColumnBatch([['type', 'text'], ...plain.map(([c]) => c), ['recommendation', 'jsonb']]);
  const n = matters.length;
  out.values[0] = new Array<Cell>(n).fill('tolerance');
  plain.forEach(([, i], k) => (out.values[k + 1] = matters.values[i]!));
  const keys = matters.values[KEY]!;
  const codes = matters.values[CODE]!;
  out.values[plain.length + 1] = keys.map((key, r) => (key === null ? null : recommendations.of(String(key), String(codes[r]))));
  return out;
}
