/**
 * The typical case library's endpoints and shapes, inferred from the Zod contracts (type-only
 * imports: no Zod code reaches the browser bundle).
 */
import type { z } from 'zod';
import type {
  CASE_ACTION_BODIES,
  CaseCandidates as CaseCandidatesSchema,
  CaseDetail as CaseDetailSchema,
  CaseList as CaseListSchema,
  PersonalDataSpan as PersonalDataSpanSchema,
  PublicCase as PublicCaseSchema,
  PublicCaseList as PublicCaseListSchema,
} from '../../contracts/case-library.ts';
import { apiRequest } from './client.ts';

export type CaseList = z.infer<typeof CaseListSchema>;
export type CaseListItem = CaseList['items'][number];
export type CaseDetail = z.infer<typeof CaseDetailSchema>;
export type CaseCandidates = z.infer<typeof CaseCandidatesSchema>;
export type PersonalDataSpan = z.infer<typeof PersonalDataSpanSchema>;
export type PublicCaseList = z.infer<typeof PublicCaseListSchema>;
export type PublicCaseItem = PublicCaseList['items'][number];
export type PublicCase = z.infer<typeof PublicCaseSchema>;
/** What each step takes, as sent (defaults applied by the server). */
export type CaseActionBodies = {
  [A in keyof typeof CASE_ACTION_BODIES]: z.input<(typeof CASE_ACTION_BODIES)[A]>;
};
export type CaseAction = keyof CaseActionBodies;
export type CaseStatus = CaseDetail['entry']['status'];
export type CaseOutcome = CaseDetail['entry']['outcome'];
export type TextRange = { start: number; end: number };

/** The query as the page keeps it (page and size always set, the rest optional). */
export type CaseLibraryQuery = {
  q?: string;
  outcome?: CaseOutcome;
  situation?: string;
  exclusion?: string;
  year?: number;
  jurisdictionId?: string;
  status?: CaseStatus;
  page: number;
  pageSize: number;
};
export type PublicCaseQuery = {
  q?: string;
  outcome?: CaseOutcome;
  year?: number;
  page: number;
  pageSize: number;
};

const casePath = (id: string) => `/api/case-library/${encodeURIComponent(id)}`;

export const searchCaseLibrary = (query: CaseLibraryQuery, signal?: AbortSignal) =>
  apiRequest<CaseList>('/api/case-library', { query, signal });

export const listCaseCandidates = (
  query: { q?: string; page: number; pageSize: number },
  signal?: AbortSignal,
) => apiRequest<CaseCandidates>('/api/case-library/candidates', { query, signal });

export const prepareCase = (matterId: string) =>
  apiRequest<{ id: string }>('/api/case-library', { method: 'POST', body: { matterId } });

export const getCase = (id: string, signal?: AbortSignal) => apiRequest<CaseDetail>(casePath(id), { signal });

/** Runs one step of the case; the answer is the case as it now stands. */
export const performCaseAction = <A extends CaseAction>(id: string, action: A, body: CaseActionBodies[A]) =>
  apiRequest<CaseDetail>(`${casePath(id)}/actions/${action}`, { method: 'POST', body });

/** Public: no session needed. */
export const searchPublicCases = (query: PublicCaseQuery, signal?: AbortSignal) =>
  apiRequest<PublicCaseList>('/api/public/cases', { query, signal });

export const getPublicCase = (id: string, signal?: AbortSignal) =>
  apiRequest<PublicCase>(`/api/public/cases/${encodeURIComponent(id)}`, { signal });
