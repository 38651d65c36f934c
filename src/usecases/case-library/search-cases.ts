/**
 * Searching the typical case library in Chinese: the query is read into terms by the same
 * segmentation the texts were indexed with (domain/case-library/segment.ts); results carry the
 * passage around the first hit with every hit marked, for the list to highlight.
 */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import {
  caseCandidates,
  hasLibraryGrants,
  publishedCase,
  searchLibrary,
  searchPublished,
  viewerUnit,
  type CaseRow,
} from '../../db/queries/case-library.ts';
import type {
  CaseCandidates,
  CaseLibraryQuery,
  CaseList,
  PublicCase,
  PublicCaseList,
  PublicCaseQuery,
} from '../../contracts/case-library.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import { CASE_ENTRY_STATES, OUTCOME_LABELS } from '../../domain/case-library/procedure.ts';
import { parseQuery, snippet, termRanges, type QueryTerm } from '../../domain/case-library/segment.ts';
import { DomainError } from '../../domain/errors.ts';
import { stateLabel } from '../../domain/procedure/matter-types.ts';

/** The commission that publishes a county's cases: K县 → K县纪委监委. */
export function publisherOf(jurisdictionName: string): string {
  return `${jurisdictionName}纪委监委`;
}

function listed(row: CaseRow, terms: readonly QueryTerm[]) {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    titleHighlights: termRanges(row.title, terms),
    snippet: snippet([row.facts, row.handling, row.significance].join(' '), terms),
    outcome: row.outcome,
    outcomeLabel: OUTCOME_LABELS[row.outcome],
    decidedMonth: row.decided_month,
    situations: row.labels.situations,
  };
}

export async function searchCases(
  deps: Deps,
  user: UserWithGrants,
  query: CaseLibraryQuery,
): Promise<CaseList> {
  const terms = parseQuery(query.q ?? '');
  const internal = hasLibraryGrants(user);
  const { rows, total, facets } = await searchLibrary(
    deps.db,
    user,
    { viewerUnitId: await viewerUnit(deps.db, user) },
    {
      terms,
      outcome: query.outcome,
      situation: query.situation,
      exclusion: query.exclusion,
      year: query.year,
      jurisdictionId: query.jurisdictionId,
      // Everyone else reads published cases only, whatever they ask for.
      status: internal ? query.status : undefined,
    },
    query,
  );
  return {
    items: rows.map((row) => ({
      ...listed(row, terms),
      status: row.status,
      statusLabel: CASE_ENTRY_STATES[row.status],
      jurisdiction: { id: row.jurisdiction_id, name: row.jurisdiction_name },
      exclusions: row.labels.exclusions,
      publishedAt: row.published_at?.toISOString() ?? null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    internal,
    facets,
  };
}

export async function searchPublicCases(deps: Deps, query: PublicCaseQuery): Promise<PublicCaseList> {
  const terms = parseQuery(query.q ?? '');
  const { rows, total, years } = await searchPublished(
    deps.db,
    { terms, outcome: query.outcome, year: query.year },
    query,
  );
  return {
    items: rows.map((row) => ({ ...listed(row, terms), publisher: publisherOf(row.jurisdiction_name) })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    years,
  };
}

/** @throws DomainError('record.not_found') unless published with its decision standing. */
export async function publicCaseDetail(deps: Deps, id: string): Promise<PublicCase> {
  const row = await publishedCase(deps.db, id);
  if (!row) throw new DomainError('record.not_found');
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    facts: row.facts,
    handling: row.handling,
    significance: row.significance,
    outcome: row.outcome,
    outcomeLabel: OUTCOME_LABELS[row.outcome],
    decidedMonth: row.decided_month,
    publishedOn: toBeijingDate(row.published_at ?? deps.clock.now()),
    publisher: publisherOf(row.jurisdiction_name),
    situations: row.labels.situations,
    exclusions: row.labels.exclusions,
  };
}

/** Decided matters the case officer may prepare as typical cases (officers only). */
export async function listCandidates(
  deps: Deps,
  user: UserWithGrants,
  query: { q?: string | undefined; page: number; pageSize: number },
): Promise<CaseCandidates> {
  if (!user.grants.some((g) => g.role === 'case_officer')) throw new DomainError('auth.forbidden');
  const { rows, total } = await caseCandidates(
    deps.db,
    user,
    { viewerUnitId: await viewerUnit(deps.db, user) },
    query.q,
    query,
  );
  return {
    items: rows.map((m) => ({
      matterId: m.id,
      number: m.number,
      title: m.title,
      outcome: m.outcome!,
      outcomeLabel: OUTCOME_LABELS[m.outcome!],
      decidedOn: m.decided_at ? toBeijingDate(m.decided_at) : '',
      status: m.status,
      statusLabel: stateLabel('tolerance', m.status),
      jurisdiction: { id: m.jurisdiction_id, name: m.jurisdiction_name },
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
