/**
 * Shapes of the REST API as the web app sees them. They are inferred from the Zod schemas in
 * src/contracts (type-only imports: no Zod code reaches the browser bundle), so a contract change
 * that the web app does not follow is a compile error here.
 */
import type { z } from 'zod';
import type {
  HealthResponse,
  Me as MeSchema,
  SessionResponse as SessionSchema,
} from '../../contracts/auth.ts';
import type { ErrorBody } from '../../contracts/common.ts';
import type {
  AuditList,
  CadreDetail as CadreDetailSchema,
  CadreList,
  CadreStatus as CadreStatusSchema,
  Gender as GenderSchema,
  ImportReport as ImportReportSchema,
  JurisdictionList,
  PartyMembership as PartyMembershipSchema,
  UnitList,
} from '../../contracts/roster.ts';
import type { Role } from '../../domain/roles.ts';

export type { Role };

/** The signed-in user and their role grants (each scoped to a jurisdiction). */
export type Me = z.infer<typeof MeSchema>;
export type RoleGrant = Me['roles'][number];
export type SessionResponse = z.infer<typeof SessionSchema>;
export type Health = z.infer<typeof HealthResponse>;

/** Body of every error response. `message` is Chinese, `messageEn` English. */
export type ApiErrorBody = z.infer<typeof ErrorBody>;

export type Jurisdiction = z.infer<typeof JurisdictionList>['items'][number];
export type Unit = z.infer<typeof UnitList>['items'][number];
export type ItemsResponse<T> = { items: T[] };

export type Gender = z.infer<typeof GenderSchema>;
export type PartyMembership = z.infer<typeof PartyMembershipSchema>;
export type CadreStatus = z.infer<typeof CadreStatusSchema>;

// Runtime lists for filters; a Record keeps them complete when the contract gains a value.
const GENDER_SET: Record<Gender, true> = { male: true, female: true };
const PARTY_SET: Record<PartyMembership, true> = { member: true, probationary: true, none: true };
const STATUS_SET: Record<CadreStatus, true> = {
  in_office: true,
  retired: true,
  transferred_out: true,
  deceased: true,
};
export const GENDERS = Object.keys(GENDER_SET) as readonly Gender[];
export const PARTY_MEMBERSHIPS = Object.keys(PARTY_SET) as readonly PartyMembership[];
export const CADRE_STATUSES = Object.keys(STATUS_SET) as readonly CadreStatus[];

export type CadreListItem = z.infer<typeof CadreList>['items'][number];
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** Filters of GET /api/cadres and its Excel export. */
export type CadreFilters = {
  q?: string;
  unitId?: string;
  jurisdictionId?: string;
  status?: CadreStatus;
  gender?: Gender;
  partyMembership?: PartyMembership;
};

export type CadreDetailResponse = z.infer<typeof CadreDetailSchema>;
export type CadreDetail = CadreDetailResponse['cadre'];
export type SensitiveField = 'idNumber' | 'mobile';

export type ImportReport = z.infer<typeof ImportReportSchema>;
export type ImportMode = ImportReport['mode'];
export type ImportRowError = ImportReport['errors'][number];

export type AuditEventsResponse = z.infer<typeof AuditList>;
export type AuditEvent = AuditEventsResponse['items'][number];
