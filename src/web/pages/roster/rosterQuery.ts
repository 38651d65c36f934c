import type { CadreQuery } from '../../api/endpoints.ts';
import {
  CADRE_STATUSES,
  GENDERS,
  PARTY_MEMBERSHIPS,
  type CadreFilters,
  type CadreStatus,
  type Gender,
  type PartyMembership,
} from '../../api/types.ts';

/**
 * The roster list keeps its search, filters and page in the URL, so a reload, the back button or
 * a shared link shows the same list, and nothing the user typed is lost.
 */

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Reads the list state from the URL, ignoring anything malformed. */
export function parseRosterQuery(params: URLSearchParams): CadreQuery {
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE);
  const query: CadreQuery = {
    page: positiveInt(params.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
  const q = params.get('q')?.trim();
  if (q) query.q = q;
  const unitId = params.get('unitId');
  if (unitId) query.unitId = unitId;
  const jurisdictionId = params.get('jurisdictionId');
  if (jurisdictionId) query.jurisdictionId = jurisdictionId;
  const status = oneOf<CadreStatus>(CADRE_STATUSES, params.get('status'));
  if (status) query.status = status;
  const gender = oneOf<Gender>(GENDERS, params.get('gender'));
  if (gender) query.gender = gender;
  const party = oneOf<PartyMembership>(PARTY_MEMBERSHIPS, params.get('partyMembership'));
  if (party) query.partyMembership = party;
  return query;
}

/** The URL form of the list state; defaults are left out so URLs stay short. */
export function rosterQueryToParams(query: CadreQuery): URLSearchParams {
  const params = new URLSearchParams();
  const filters = filtersOf(query);
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** Just the filters (what the export uses). */
export function filtersOf(query: CadreQuery): CadreFilters {
  const { q, unitId, jurisdictionId, status, gender, partyMembership } = query;
  const filters: CadreFilters = {};
  if (q) filters.q = q;
  if (unitId) filters.unitId = unitId;
  if (jurisdictionId) filters.jurisdictionId = jurisdictionId;
  if (status) filters.status = status;
  if (gender) filters.gender = gender;
  if (partyMembership) filters.partyMembership = partyMembership;
  return filters;
}

/** How many filters besides the search box are set (shown on the phone "filters" button). */
export function activeFilterCount(query: CadreQuery): number {
  const { unitId, jurisdictionId, status, gender, partyMembership } = query;
  return [unitId || jurisdictionId, status, gender, partyMembership].filter(Boolean).length;
}

/** Applies a change; any change other than paging goes back to page 1. */
export function updateRosterQuery(query: CadreQuery, patch: Partial<CadreQuery>): CadreQuery {
  const paging = Object.keys(patch).every((key) => key === 'page' || key === 'pageSize');
  const next: CadreQuery = { ...query, ...patch };
  if (!paging || patch.pageSize !== undefined) next.page = patch.page ?? 1;
  for (const key of Object.keys(next) as (keyof CadreQuery)[]) {
    if (next[key] === undefined || next[key] === '') delete next[key];
  }
  return next;
}
