/**
 * Every column of every table with its nullability, checked two ways: the TypeScript compiler makes
 * this object list exactly the columns of `Database` (no more, no fewer), and
 * test/integration/schema.test.ts compares it with information_schema on a fresh database.
 */
import type { Database } from './schema.ts';

type Nullability = 'null' | 'not null';
type ColumnsOf = { [T in keyof Database]: { [C in keyof Database[T]]-?: Nullability } };

export const SCHEMA_COLUMNS = {
  jurisdictions: { id: 'not null', code: 'not null', name: 'not null', level: 'not null', parent_id: 'null', path: 'not null', created_at: 'not null' },
  units: { id: 'not null', jurisdiction_id: 'not null', parent_id: 'null', code: 'not null', name: 'not null', kind: 'not null', created_at: 'not null' },
  cadres: {
    id: 'not null', jurisdiction_id: 'not null', unit_id: 'not null', name: 'not null', gender: 'not null', birth_month: 'not null',
    position: 'not null', rank: 'not null', party_membership: 'not null', status: 'not null', id_number_enc: 'not null',
    id_number_hash: 'not null', id_number_masked: 'not null', mobile_enc: 'null', mobile_masked: 'null', version: 'not null',
    created_at: 'not null', updated_at: 'not null',
  },
  users: {
    id: 'not null', username: 'not null', display_name: 'not null', password_hash: 'not null', cadre_id: 'null', status: 'not null',
    failed_logins: 'not null', locked_until: 'null', totp_secret_enc: 'null', totp_enabled_at: 'null', totp_last_step: 'null',
    password_changed_at: 'not null', created_at: 'not null',
  },
  role_assignments: { id: 'not null', user_id: 'not null', role: 'not null', jurisdiction_id: 'not null', unit_id: 'null', created_at: 'not null' },
  sessions: {
    token_hash: 'not null', user_id: 'not null', csrf_token: 'not null', created_at: 'not null', last_seen_at: 'not null',
    expires_at: 'not null', ip: 'not null', user_agent: 'not null',
  },
  login_attempts: { id: 'not null', username: 'not null', ip: 'not null', succeeded: 'not null', at: 'not null' },
  audit_events: {
    seq: 'not null', id: 'not null', occurred_at: 'not null', actor_user_id: 'null', actor: 'not null', action: 'not null',
    entity_type: 'not null', entity_id: 'null', jurisdiction_id: 'null', data: 'not null', prev_hash: 'not null', hash: 'not null',
  },
  audit_head: { id: 'not null', seq: 'not null', hash: 'not null' },
  imports: {
    id: 'not null', kind: 'not null', jurisdiction_id: 'not null', filename: 'not null', file_digest: 'not null', mode: 'not null',
    total_rows: 'not null', created_count: 'not null', updated_count: 'not null', unchanged_count: 'not null', error_count: 'not null',
    errors: 'not null', actor_user_id: 'null', created_at: 'not null',
  },
  app_settings: { key: 'not null', value: 'not null', updated_at: 'not null' },
  matters: {
    id: 'not null', type: 'not null', number: 'not null', jurisdiction_id: 'not null', status: 'not null', suspended_from: 'null',
    route: 'null', subject_cadre_id: 'null', subject_unit_id: 'null', applicant_user_id: 'null', title: 'not null', summary_enc: 'null',
    accountability_ref: 'null', conduct_date: 'null', policy_id: 'null', policy_version: 'null', facts: 'null', recommendation: 'null',
    proposal: 'null', outcome: 'null', decision: 'null', decided_at: 'null', clocks: 'not null', due_on: 'null', received_on: 'null',
    appeal_deadline: 'null', appealed: 'not null', filed_at: 'null', published_at: 'null', linked_matter_id: 'null', sanction_id: 'null', version: 'not null',
    created_at: 'not null', updated_at: 'not null', closed_at: 'null',
  },
  matter_counters: { jurisdiction_id: 'not null', type: 'not null', year: 'not null', last: 'not null' },
  matter_records: {
    id: 'not null', matter_id: 'not null', kind: 'not null', visibility: 'not null', data: 'not null', text_enc: 'null', status: 'null',
    created_by: 'null', created_at: 'not null', updated_at: 'not null',
  },
  files: { digest: 'not null', size: 'not null', mime: 'not null', bytes: 'not null', created_at: 'not null' },
  matter_files: {
    id: 'not null', matter_id: 'not null', digest: 'not null', filename: 'not null', description: 'not null', visibility: 'not null',
    uploaded_by: 'null', created_at: 'not null',
  },
  meetings: { id: 'not null', jurisdiction_id: 'not null', kind: 'not null', title: 'not null', held_on: 'not null', minutes_enc: 'null', created_by: 'null', created_at: 'not null' },
  meeting_participants: {
    meeting_id: 'not null', matter_id: 'not null', user_id: 'not null', present: 'not null', recused: 'not null', recusal_reason: 'null',
    vote: 'null', opinion: 'null', voted_at: 'null',
  },
  documents: {
    id: 'not null', matter_id: 'null', kind: 'not null', number: 'not null', title: 'not null', content: 'not null', digest: 'not null',
    signature: 'not null', key_id: 'not null', code: 'not null', recipient: 'null', issued_at: 'not null',
  },
  signing_keys: { id: 'not null', public_key: 'not null', private_key_enc: 'not null', active: 'not null', created_at: 'not null' },
  calendar_years: { year: 'not null', schedule: 'not null', entered_by: 'null', updated_at: 'not null' },
  idempotency_keys: { key: 'not null', user_id: 'not null', request_digest: 'not null', response: 'not null', status_code: 'not null', created_at: 'not null' },
  matter_stats_daily: { jurisdiction_id: 'not null', day: 'not null', type: 'not null', metric: 'not null', count: 'not null' },
  procedure_stats_daily: { jurisdiction_id: 'not null', day: 'not null', type: 'not null', metric: 'not null', count: 'not null' },
  scorecard_weights: {
    id: 'not null', jurisdiction_id: 'not null', effective_from: 'not null', weights: 'not null', reason: 'not null', set_by: 'null',
    created_at: 'not null',
  },
  recovery_codes: { id: 'not null', user_id: 'not null', salt: 'not null', code_hash: 'not null', used_at: 'null', created_at: 'not null' },
  login_challenges: { token_hash: 'not null', user_id: 'not null', ip: 'not null', attempts: 'not null', created_at: 'not null', expires_at: 'not null' },
  case_library_entries: {
    id: 'not null', matter_id: 'not null', jurisdiction_id: 'not null', status: 'not null', number: 'null', title: 'not null', facts: 'not null',
    handling: 'not null', significance: 'not null', outcome: 'not null', situation_ids: 'not null', exclusion_ids: 'not null', labels: 'not null',
    decided_year: 'not null', decided_month: 'not null', search_words: 'not null', search_chars: 'not null', return_reason: 'null',
    created_by: 'null', proposed_at: 'null', published_at: 'null', version: 'not null', created_at: 'not null', updated_at: 'not null',
  },
  decision_signatures: {
    matter_id: 'not null', jurisdiction_id: 'not null', subject_unit_id: 'null', policy_id: 'not null', policy_version: 'not null',
    gate_key: 'not null', item_key: 'not null', situation_ids: 'not null', exclusion_ids: 'not null', terms: 'not null', outcome: 'null',
    decided_on: 'null', proposed_by: 'null', decided_by: 'null', updated_at: 'not null',
  },
  sanctions: {
    id: 'not null', cadre_id: 'not null', jurisdiction_id: 'not null', unit_id: 'not null', category: 'not null', sanction_type: 'not null',
    decided_on: 'not null', effective_on: 'not null', decided_by: 'not null', document_number: 'null', summary_enc: 'null', policy_id: 'not null',
    policy_version: 'not null', influence_months: 'null', influence_ends_on: 'null', reusable: 'not null', source_matter_id: 'null',
    recorded_by: 'null', created_at: 'not null',
  },
  appointment_proposals: {
    id: 'not null', cadre_id: 'not null', jurisdiction_id: 'not null', kind: 'not null', post: 'not null', proposed_on: 'not null', note: 'null',
    recorded_by: 'null', created_at: 'not null',
  },
  outcome_ledger: {
    id: 'not null', seq: 'not null', cadre_id: 'not null', jurisdiction_id: 'not null', jurisdiction_path: 'not null', unit_id: 'not null',
    kind: 'not null', chain_key: 'not null', supersedes_id: 'null', facts: 'not null', effects: 'not null', scope: 'not null',
    effective_from: 'not null', effective_until: 'null', source_matter_id: 'null', sanction_id: 'null', source_document_id: 'null',
    document_number: 'null', policy_id: 'not null', policy_version: 'not null', recorded_by: 'null', recorded_at: 'not null',
  },
  outcome_ledger_head: { id: 'not null', seq: 'not null' },
  webhook_subscriptions: {
    id: 'not null', jurisdiction_id: 'not null', url: 'not null', event_kinds: 'not null', description: 'not null', secret_enc: 'not null',
    status: 'not null', created_by: 'null', created_at: 'not null', disabled_by: 'null', disabled_at: 'null',
  },
  webhook_outbox: {
    id: 'not null', subscription_id: 'not null', entry_id: 'not null', status: 'not null', attempts: 'not null', next_attempt_at: 'not null',
    lease_until: 'null', last_status_code: 'null', last_error: 'null', delivered_at: 'null', receipt_id: 'null', acknowledged_at: 'null',
    acknowledged_via: 'null', created_at: 'not null',
  },
  webhook_delivery_attempts: {
    id: 'not null', outbox_id: 'not null', attempt: 'not null', started_at: 'not null', status_code: 'null', latency_ms: 'not null', error: 'null',
  },
} as const satisfies ColumnsOf;
