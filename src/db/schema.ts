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
}

export type Jurisdiction = Selectable<JurisdictionsTable>;
export type Unit = Selectable<UnitsTable>;
export type Cadre = Selectable<CadresTable>;
export type NewCadre = Insertable<CadresTable>;
export type CadreUpdate = Updateable<CadresTable>;
export type User = Selectable<UsersTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
