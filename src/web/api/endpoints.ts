import { apiRequest } from './client.ts';
import { apiDownload, apiUpload, type UploadOptions } from './transfer.ts';
import type {
  AuditEventsResponse,
  CadreDetailResponse,
  CadreFilters,
  CadreListItem,
  Health,
  ImportMode,
  ImportReport,
  ItemsResponse,
  Jurisdiction,
  Page,
  SensitiveField,
  SessionResponse,
  Unit,
} from './types.ts';

/** One function per endpoint of the contract, so pages never build URLs by hand. */

export const getHealth = (signal?: AbortSignal) => apiRequest<Health>('/api/health', { signal });

export const getSession = (signal?: AbortSignal) => apiRequest<SessionResponse>('/api/auth/me', { signal });

export const login = (username: string, password: string) =>
  apiRequest<SessionResponse>('/api/auth/login', { method: 'POST', body: { username, password } });

export const logout = () => apiRequest<void>('/api/auth/logout', { method: 'POST' });

export const listJurisdictions = (signal?: AbortSignal) =>
  apiRequest<ItemsResponse<Jurisdiction>>('/api/jurisdictions', { signal });

export const listUnits = (jurisdictionId?: string, signal?: AbortSignal) =>
  apiRequest<ItemsResponse<Unit>>('/api/units', { query: { jurisdictionId }, signal });

export type CadreQuery = CadreFilters & { page: number; pageSize: number };

export const listCadres = (query: CadreQuery, signal?: AbortSignal) =>
  apiRequest<Page<CadreListItem>>('/api/cadres', { query, signal });

export const getCadre = (id: string, signal?: AbortSignal) =>
  apiRequest<CadreDetailResponse>(`/api/cadres/${encodeURIComponent(id)}`, { signal });

/** Audited on the server: every reveal is an audit event. */
export const revealCadreField = (id: string, field: SensitiveField) =>
  apiRequest<{ value: string | null }>(`/api/cadres/${encodeURIComponent(id)}/reveal`, {
    method: 'POST',
    body: { field },
  });

export const exportCadres = (filters: CadreFilters, fallbackName: string) =>
  apiDownload('/api/cadres/export.xlsx', filters, fallbackName);

export const downloadImportTemplate = (fallbackName: string) =>
  apiDownload('/api/imports/cadres/template.xlsx', undefined, fallbackName);

export const importCadres = (
  file: File,
  mode: ImportMode,
  dryRun: boolean,
  options: Omit<UploadOptions, 'query'> = {},
) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload<ImportReport>('/api/imports/cadres', form, { ...options, query: { mode, dryRun } });
};

export type AuditQuery = { entityType?: string; entityId?: string; page: number; pageSize: number };

export const listAuditEvents = (query: AuditQuery, signal?: AbortSignal) =>
  apiRequest<AuditEventsResponse>('/api/audit/events', { query, signal });
