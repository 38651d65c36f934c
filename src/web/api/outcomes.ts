/**
 * 结果运用台账: the ledger list and export, and one cadre's entries (contracts/outcome-ledger.ts
 * describes them). Type-only imports: no Zod code reaches the browser bundle.
 */
import type { z } from 'zod';
import type {
  CadreLedger as CadreLedgerSchema,
  LedgerList as LedgerListSchema,
  OutcomeEntry as OutcomeEntrySchema,
} from '../../contracts/outcome-ledger.ts';
import type { LedgerKind } from '../../domain/outcome-ledger/effects.ts';
import { apiRequest } from './client.ts';
import { apiDownload } from './transfer.ts';

export type OutcomeEntry = z.infer<typeof OutcomeEntrySchema>;
export type LedgerList = z.infer<typeof LedgerListSchema>;
export type CadreLedger = z.infer<typeof CadreLedgerSchema>;
export type LedgerStatus = 'in_force' | 'superseded' | 'all';

/** The ledger's filters (also the export's). */
export type LedgerFilters = {
  kind?: LedgerKind | undefined;
  q?: string | undefined;
  cadreId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: LedgerStatus | undefined;
};

export const listLedger = (query: LedgerFilters & { page: number; pageSize: number }, signal?: AbortSignal) =>
  apiRequest<LedgerList>('/api/outcome-ledger', { query, signal });

export const exportLedger = (filters: LedgerFilters, fallbackName: string) =>
  apiDownload('/api/outcome-ledger/export.xlsx', filters, fallbackName);

export const getCadreLedger = (cadreId: string, signal?: AbortSignal) =>
  apiRequest<CadreLedger>(`/api/cadres/${encodeURIComponent(cadreId)}/outcome-ledger`, { signal });
