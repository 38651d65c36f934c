/**
 * 处分、影响期与回访教育, 澄清正名's audited look at the accuser: the endpoints beside the matter
 * pages (contracts/follow-up.ts and contracts/name-clearing.ts describe them). Type-only imports:
 * no Zod code reaches the browser bundle.
 */
import type { z } from 'zod';
import type {
  AppointmentRecorded as AppointmentRecordedSchema,
  CadreSanctions as CadreSanctionsSchema,
  DescribedAction as DescribedActionSchema,
  InfluenceSummary as InfluenceSummarySchema,
  InfluenceView as InfluenceViewSchema,
  SanctionList as SanctionListSchema,
  SanctionView as SanctionViewSchema,
} from '../../contracts/follow-up.ts';
import type { AccuserIdentity as AccuserIdentitySchema } from '../../contracts/name-clearing.ts';
import { apiRequest } from './client.ts';

export type SanctionView = z.infer<typeof SanctionViewSchema>;
export type SanctionList = z.infer<typeof SanctionListSchema>;
export type CadreSanctions = z.infer<typeof CadreSanctionsSchema>;
export type InfluenceSummary = z.infer<typeof InfluenceSummarySchema>;
export type InfluenceView = z.infer<typeof InfluenceViewSchema>;
export type AppointmentRecorded = z.infer<typeof AppointmentRecordedSchema>;
export type DescribedAction = z.infer<typeof DescribedActionSchema>;
export type AccuserIdentity = z.infer<typeof AccuserIdentitySchema>;

/** GET /api/sanctions: `followUp` missing / open / done, `running` true / false. */
export type SanctionQuery = {
  followUp?: 'missing' | 'open' | 'done' | undefined;
  running?: 'true' | 'false' | undefined;
  cadreId?: string | undefined;
  page: number;
  pageSize: number;
};

const cadrePath = (id: string) => `/api/cadres/${encodeURIComponent(id)}`;

export const listSanctions = (query: SanctionQuery, signal?: AbortSignal) =>
  apiRequest<SanctionList>('/api/sanctions', { query, signal });

export const getSanction = (id: string, signal?: AbortSignal) =>
  apiRequest<SanctionView>(`/api/sanctions/${encodeURIComponent(id)}`, { signal });

export const getCadreSanctions = (cadreId: string, signal?: AbortSignal) =>
  apiRequest<CadreSanctions>(`${cadrePath(cadreId)}/sanctions`, { signal });

/** The idempotency key is made once per submission and reused on a retry. */
export const recordSanction = (cadreId: string, body: Record<string, unknown>, idempotencyKey: string) =>
  apiRequest<SanctionView>(`${cadrePath(cadreId)}/sanctions`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const getCadreInfluence = (cadreId: string, signal?: AbortSignal) =>
  apiRequest<InfluenceView>(`${cadrePath(cadreId)}/influence`, { signal });

/** Refused with 409 `appointment.blocked` (naming the end date) while an influence period runs. */
export const recordAppointment = (cadreId: string, body: Record<string, unknown>, idempotencyKey: string) =>
  apiRequest<AppointmentRecorded>(`${cadrePath(cadreId)}/appointments`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

/** Plans a follow-up visit of a sanction (`plan_follow_up`). */
export const openFollowUp = (body: Record<string, unknown>, idempotencyKey: string) =>
  apiRequest<{ id: string; number: string }>('/api/follow-ups', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });

/** Who accused (commission staff only); the server audits every look. */
export const revealAccuser = (clearingId: string) =>
  apiRequest<AccuserIdentity>(`/api/name-clearings/${encodeURIComponent(clearingId)}/accuser`, {
    method: 'POST',
  });
