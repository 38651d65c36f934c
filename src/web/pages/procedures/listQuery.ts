import type { InboxQuery, MatterType } from '../../api/matterTypes.ts';

/**
 * A procedure list keeps its search, status filter, "overdue only" and page in the URL (like the
 * inbox), so reloading, going back or sharing the link shows the same list. The type is the page's.
 */
export const LIST_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];

export type ListState = {
  q?: string;
  status?: string;
  overdueOnly?: boolean;
  page: number;
  pageSize: number;
};

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Reads the list's state from the URL; a status the procedure does not have is ignored. */
export function parseListState(params: URLSearchParams, statuses: readonly string[]): ListState {
  const pageSize = positiveInt(params.get('pageSize'), LIST_PAGE_SIZE);
  const state: ListState = {
    page: positiveInt(params.get('page'), 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : LIST_PAGE_SIZE,
  };
  const q = params.get('q')?.trim();
  if (q) state.q = q.slice(0, 100);
  const status = params.get('status');
  if (status && statuses.includes(status)) state.status = status;
  if (params.get('overdueOnly') === 'true') state.overdueOnly = true;
  return state;
}

/** The URL form; defaults left out. */
export function listStateToParams(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.status) params.set('status', state.status);
  if (state.overdueOnly) params.set('overdueOnly', 'true');
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.pageSize !== LIST_PAGE_SIZE) params.set('pageSize', String(state.pageSize));
  return params;
}

/** Applies a change; anything but paging goes back to page 1. */
export function updateListState(state: ListState, patch: Partial<ListState>): ListState {
  const paging = Object.keys(patch).every((key) => key === 'page' || key === 'pageSize');
  const next: ListState = { ...state, ...patch };
  if (!paging || patch.pageSize !== undefined) next.page = patch.page ?? 1;
  for (const key of ['q', 'status', 'overdueOnly'] as const) if (!next[key]) delete next[key];
  return next;
}

/** The query of GET /api/matters for the list: the server scopes it to what the user may see. */
export function toInboxQuery(type: MatterType, state: ListState): InboxQuery {
  return {
    type,
    page: state.page,
    pageSize: state.pageSize,
    ...(state.q ? { q: state.q } : {}),
    ...(state.status ? { status: state.status } : {}),
    ...(state.overdueOnly ? { overdueOnly: 'true' as const } : {}),
  };
}

export function isFiltered(state: ListState): boolean {
  return Boolean(state.q || state.status || state.overdueOnly);
}
