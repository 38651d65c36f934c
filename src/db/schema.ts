/**
 * Kysely table types. Must match the migrations exactly: test/integration/schema.test.ts compares
 * them with information_schema on a fresh database.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** int8 / bigserial come back from pg as strings. */
type Int8 = ColumnType<string, string | number | bigint, string | number | bigint>;
type Json<T = unknown> = ColumnType<T, string, string>;

export type JurisdictionLevel = 'province' | 'city' | 'county' | 'township';
export type UnitKind =
  | 'party'
  | 'government'
  | 'people_congress'
  | 'cppcc'
  | 'judicial'
  | 'mass_org'
  | 'institution'
  | 'enterprise'
  | 'township'
  | 'village'
  | 'other';
export type Gender = 'male' | 'female';
export type PartyMembership = 'member' | 'probationary' | 'none';
export type CadreStatus = 'in_office' | 'retired' | 'transferred_out' | 'deceased';
export type { Role } from '../domain/roles.ts';
import type { Role } from '../domain/roles.ts';

export interface JurisdictionsTable {
  id: Generated<string>;
  code: string;
  name: string;
  level: JurisdictionLevel;
  parent_id: string | null;
  path: string;
  created_at: DefaultTimestamp;
}

export interface UnitsTable {
  id: Generated<string>;
  jurisdiction_id: string;
  parent_id: string | null;
  code: string;
  name: string;
  kind: UnitKind;
  created_at: DefaultTimestamp;
}

export interface CadresTable {
  id: Generated<string>;
  jurisdiction_id: string;
  unit_id: string;
  name: string;
  gender: Gender;
  birth_month: string;
  position: string;
  rank: string;
  party_membership: PartyMembership;
  status: CadreStatus;
  id_number_enc: string;
  id_number_hash: string;
  id_number_masked: string;
  mobile_enc: string | null;
  mobile_masked: string | null;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  cadre_id: string | null;
  status: ColumnType<'active' | 'disabled', 'active' | 'disabled' | undefined, 'active' | 'disabled'>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  totp_secret_enc: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: Int8 | null;
  password_changed_at: DefaultTimestamp;
  created_at: DefaultTimestamp;
}

export interface RoleAssignmentsTable {
  id: Generated<string>;
  user_id: string;
  role: Role;
  jurisdiction_id: string;
  unit_id: string | null;
  created_at: DefaultTimestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string;
  user_agent: ColumnType<string, string | undefined, string>;
}

export interface LoginAttemptsTable {
  id: Generated<Int8>;
  username: string;
  ip: string;
  succeeded: boolean;
  at: Timestamp;
}

export interface AuditEventsTable {
  seq: Int8;
  id: string;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  jurisdiction_id: string | null;
  data: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: Int8;
  hash: string;
}

export interface ImportsTable {
  id: Generated<string>;
  kind: 'cadres';
  jurisdiction_id: string;
  filename: string;
  file_digest: string;
  mode: 'all_or_nothing' | 'valid_rows';
  total_rows: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  error_count: number;
  errors: Json<unknown[]>;
  actor_user_id: string | null;
  created_at: Timestamp;
}

export interface AppSettingsTable {
  key: string;
  value: Json<unknown>;
  updated_at: DefaultTimestamp;
}

export type MatterType = 'tolerance' | 'correction' | 'name_clearing' | 'follow_up' | 'pre_registration';
export type OutcomeValue = 'exempt' | 'mitigate' | 'refuse';
type DateColumn = ColumnType<string, string, string>;

export interface MattersTable {
  id: string;
  type: MatterType;
  number: string;
  jurisdiction_id: string;
  status: string;
  suspended_from: string | null;
  route: string | null;
  subject_cadre_id: string | null;
  subject_unit_id: string | null;
  applicant_user_id: string | null;
  title: string;
  summary_enc: string | null;
  accountability_ref: string | null;
  conduct_date: DateColumn | null;
  policy_id: string | null;
  policy_version: string | null;
  facts: Json<unknown> | null;
  recommendation: Json<unknown> | null;
  proposal: Json<unknown> | null;
  outcome: OutcomeValue | null;
  decision: Json<unknown> | null;
  decided_at: Timestamp | null;
  clocks: ColumnType<Record<string, unknown>, string | undefined, string>;
  due_on: DateColumn | null;
  received_on: DateColumn | null;
  appeal_deadline: DateColumn | null;
  appealed: Generated<boolean>;
  filed_at: Timestamp | null;
  published_at: Timestamp | null;
  linked_matter_id: string | null;
  /** The sanction a follow-up visit (type 'follow_up') follows up. */
  sanction_id: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface MatterCountersTable {
  jurisdiction_id: string;
  type: string;
  year: number;
  last: number;
}

export interface MatterRecordsTable {
  id: string;
  matter_id: string;
  kind: string;
  visibility: 'internal' | 'parties';
  data: Json<Record<string, unknown>>;
  text_enc: string | null;
  status: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FilesTable {
  digest: string;
  size: number;
  mime: string;
  bytes: Buffer;
  created_at: Timestamp;
}

export interface MatterFilesTable {
  id: string;
  matter_id: string;
  digest: string;
  filename: string;
  description: ColumnType<string, string | undefined, string>;
  visibility: 'internal' | 'parties';
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface MeetingsTable {
  id: string;
  jurisdiction_id: string;
  kind: 'decision' | 'review';
  title: string;
  held_on: DateColumn;
  minutes_enc: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface MeetingParticipantsTable {
  meeting_id: string;
  matter_id: string;
  user_id: string;
  present: boolean;
  recused: ColumnType<boolean, boolean | undefined, boolean>;
  recusal_reason: string | null;
  vote: OutcomeValue | null;
  opinion: string | null;
  voted_at: Timestamp | null;
}

export interface DocumentsTable {
  id: string;
  matter_id: string | null;
  kind: string;
  number: string;
  title: string;
  content: Json<unknown>;
  digest: string;
  signature: string;
  key_id: string;
  code: string;
  recipient: string | null;
  issued_at: Timestamp;
}

export interface SigningKeysTable {
  id: string;
  public_key: string;
  private_key_enc: string;
  active: boolean;
  created_at: Timestamp;
}

export interface CalendarYearsTable {
  year: number;
  schedule: Json<unknown>;
  entered_by: string | null;
  updated_at: Timestamp;
}

/** Pre-aggregated dashboard counters: matters opened on `day` in a jurisdiction, per metric. */
export interface MatterStatsDailyTable {
  jurisdiction_id: string;
  day: DateColumn;
  type: MatterType;
  metric: string;
  count: number;
}

/** Scorecard events of the procedures beside tolerance, per jurisdiction and event day (migration 0012). */
export interface ProcedureStatsDailyTable {
  jurisdiction_id: string;
  day: DateColumn;
  type: MatterType;
  metric: string;
  count: number;
}

/** The composite score's weights set by a commission for its comparisons, from a date (migration 0012). */
export interface ScorecardWeightsTable {
  id: string;
  jurisdiction_id: string;
  effective_from: DateColumn;
  weights: Json<Record<string, number>>;
  reason: string;
  set_by: string | null;
  created_at: Date;
}

export interface IdempotencyKeysTable {
  key: string;
  user_id: string;
  request_digest: string;
  response: Json<unknown>;
  status_code: number;
  created_at: Timestamp;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  salt: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface LoginChallengesTable {
  token_hash: string;
  user_id: string;
  ip: string;
  attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export type SanctionCategoryValue = 'party_discipline' | 'public_office' | 'organisational';

/** A sanction or organisational handling recorded against a cadre, its influence period fixed when recorded. */
export interface SanctionsTable {
  id: string;
  cadre_id: string;
  jurisdiction_id: string;
  unit_id: string;
  category: SanctionCategoryValue;
  sanction_type: string;
  decided_on: DateColumn;
  effective_on: DateColumn;
  decided_by: string;
  document_number: string | null;
  summary_enc: string | null;
  policy_id: string;
  policy_version: string;
  influence_months: number | null;
  influence_ends_on: DateColumn | null;
  reusable: boolean;
  source_matter_id: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
}

export type AppointmentKind = 'promotion' | 'important_post' | 'rank_promotion';

/** A promotion or appointment the organisation department proposed, accepted because no influence period ran. */
export interface AppointmentProposalsTable {
  id: string;
  cadre_id: string;
  jurisdiction_id: string;
  kind: AppointmentKind;
  post: string;
  proposed_on: DateColumn;
  note: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
}

/**
 * 认定尺度统一: the structured signature of a tolerance matter's established facts and, while a
 * decision is in effect, its outcome (migration 0013). `terms` are keyed digests, never words.
 */
export interface DecisionSignaturesTable {
  matter_id: string;
  jurisdiction_id: string;
  subject_unit_id: string | null;
  policy_id: string;
  policy_version: string;
  gate_key: string;
  item_key: string;
  situation_ids: ColumnType<string[], string[] | undefined, string[]>;
  exclusion_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** Sorted 32-bit keyed digests of the facts' terms, four bytes each (domain/consistency/terms.ts). */
  terms: ColumnType<Uint8Array, Uint8Array | undefined, Uint8Array>;
  outcome: OutcomeValue | null;
  decided_on: ColumnType<string | null, string | null | undefined, string | null>;
  proposed_by: string | null;
  decided_by: string | null;
  updated_at: Timestamp;
}

/** 典型案例: a decided matter de-identified for publication (texts are the de-identified ones). */
export type CaseEntryStatus = 'draft' | 'proposed' | 'returned' | 'published' | 'withdrawn';
export interface CaseLibraryEntriesTable {
  id: string;
  matter_id: string;
  jurisdiction_id: string;
  status: CaseEntryStatus;
  number: string | null;
  title: string;
  facts: string;
  handling: string;
  significance: ColumnType<string, string | undefined, string>;
  outcome: OutcomeValue;
  situation_ids: ColumnType<string[], string[] | undefined, string[]>;
  exclusion_ids: ColumnType<string[], string[] | undefined, string[]>;
  labels: Json<CaseEntryLabels>;
  decided_year: number;
  decided_month: string;
  /** tsvector: always written as an SQL expression (to_tsvector), never read back. */
  search_words: ColumnType<string, string, string>;
  search_chars: ColumnType<string, string, string>;
  return_reason: string | null;
  created_by: string | null;
  proposed_at: Timestamp | null;
  published_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type CaseEntryLabels = {
  situations: { id: string; zh: string; en: string }[];
  exclusions: { id: string; zh: string; en: string }[];
};

/** 结果运用台账: one outcome per cadre, never changed (a later decision supersedes by a new row). */
export interface OutcomeLedgerTable {
  id: string;
  seq: Int8;
  cadre_id: string;
  jurisdiction_id: string;
  jurisdiction_path: string;
  unit_id: string;
  kind: string;
  chain_key: string;
  supersedes_id: string | null;
  facts: Json<unknown>;
  effects: Json<unknown>;
  scope: string;
  effective_from: DateColumn;
  effective_until: DateColumn | null;
  source_matter_id: string | null;
  sanction_id: string | null;
  source_document_id: string | null;
  document_number: string | null;
  policy_id: string;
  policy_version: string;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface OutcomeLedgerHeadTable {
  id: number;
  seq: Int8;
}

export type WebhookSubscriptionStatus = 'active' | 'disabled';
/** A system that receives ledger entries of a jurisdiction by signed POST. */
export interface WebhookSubscriptionsTable {
  id: string;
  jurisdiction_id: string;
  url: string;
  event_kinds: ColumnType<string[], string[], string[]>;
  description: ColumnType<string, string | undefined, string>;
  secret_enc: string;
  status: WebhookSubscriptionStatus;
  created_by: string | null;
  created_at: Timestamp;
  disabled_by: string | null;
  disabled_at: Timestamp | null;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';
/** One ledger entry to deliver to one subscription (the outbox), with its receipt once acknowledged. */
export interface WebhookOutboxTable {
  id: string;
  subscription_id: string;
  entry_id: string;
  status: WebhookDeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  receipt_id: string | null;
  acknowledged_at: Timestamp | null;
  acknowledged_via: 'response' | 'ack_endpoint' | null;
  created_at: Timestamp;
}

/** The delivery log: every attempt with its answer and how long it took. */
export interface WebhookDeliveryAttemptsTable {
  id: string;
  outbox_id: string;
  attempt: number;
  started_at: Timestamp;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
}

export interface Database {
  jurisdictions: JurisdictionsTable;
  units: UnitsTable;
  cadres: CadresTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  imports: ImportsTable;
  app_settings: AppSettingsTable;
  matters: MattersTable;
  matter_counters: MatterCountersTable;
  matter_records: MatterRecordsTable;
  files: FilesTable;
  matter_files: MatterFilesTable;
  meetings: MeetingsTable;
  meeting_participants: MeetingParticipantsTable;
  documents: DocumentsTable;
  signing_keys: SigningKeysTable;
  calendar_years: CalendarYearsTable;
  idempotency_keys: IdempotencyKeysTable;
  matter_stats_daily: MatterStatsDailyTable;
  procedure_stats_daily: ProcedureStatsDailyTable;
  scorecard_weights: ScorecardWeightsTable;
  recovery_codes: RecoveryCodesTable;
  login_challenges: LoginChallengesTable;
  case_library_entries: CaseLibraryEntriesTable;
  decision_signatures: DecisionSignaturesTable;
  sanctions: SanctionsTable;
  appointment_proposals: AppointmentProposalsTable;
  outcome_ledger: OutcomeLedgerTable;
  outcome_ledger_head: OutcomeLedgerHeadTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_outbox: WebhookOutboxTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
}

export type Matter = Selectable<MattersTable>;

export type Jurisdiction = Selectable<JurisdictionsTable>;
export type Unit = Selectable<UnitsTable>;
export type Cadre = Selectable<CadresTable>;
export type NewCadre = Insertable<CadresTable>;
export type CadreUpdate = Updateable<CadresTable>;
export type User = Selectable<UsersTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
