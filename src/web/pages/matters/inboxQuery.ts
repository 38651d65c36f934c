import type { InboxQuery, MatterRoute, MatterType } from '../../api/matterTypes.ts';

/**
 * The inbox keeps its search, filters and page in the URL, like the roster: a reload, the back button
 * or a shared link shows the same list.
 */

export const INBOX_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];
export const MATTER_ROUTES: readonly MatterRoute[] = [
  'own_application',
  'unit_application',
  'ex_officio',
  'pre_registration',
];
export const MATTER_TYPES: readonly MatterType[] = [
  'tolerance',
  'correction',
  'name_clearing',
  'follow_up',
  'pre_registration',
];
/** The list opens on tolerance matters, the ones these pages handle; the URL says so only when it differs. */
export const DEFAULT_TYPE: MatterType = 'tolerance';
const STATUS = /^[a-z_]{1,40}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Reads the inbox state from the URL, ignoring anything malformed. */
export function parseInboxQuery(params: URLSearchParams): InboxQuery {
  const pageSize = positiveInt(params.get('pageSize'), INBOX_PAGE_SIZE);
  const type = params.get('type');
  const query: InboxQuery = {
    page: positiveInt(params.get('page'), 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : INBOX_PAGE_SIZE,
    type: type && (MATTER_TYPES as readonly string[]).includes(type) ? (type as MatterType) : DEFAULT_TYPE,
  };
  const q = params.get('q')?.trim();
  if (q) query.q = q.slice(0, 100);
  const status = params.get('status');
  if (status && STATUS.test(status)) query.status = status;
  const route = params.get('route');
  if (route && (MATTER_ROUTES as readonly string[]).includes(route)) query.route = route as MatterRoute;
  const jurisdictionId = params.get('jurisdictionId');
  if (jurisdictionId && UUID.test(jurisdictionId)) query.jurisdictionId = jurisdictionId;
  if (params.get('overdueOnly') === 'true') query.overdueOnly = 'true';
  return query;
}

/** The URL form; defaults are left out. */
export function inboxQueryToParams(query: InboxQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.type && query.type !== DEFAULT_TYPE) params.set('type', query.type);
  for (const key of ['q', 'status', 'route', 'jurisdictionId', 'overdueOnly'] as const) {
    const value = query[key];
    if (value) params.set(key, String(value));
  }
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== INBOX_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** Applies a change; anything but paging goes back to page 1. */
export function updateInboxQuery(query: InboxQuery, patch: Partial<InboxQuery>): InboxQuery {
  const paging = Object.keys(patch).every((key) => key === 'page' || key === 'pageSize');
  const next: InboxQuery = { ...query, ...patch };
  if (!paging || patch.pageSize !== undefined) next.page = patch.page ?? 1;
  for (const key of Object.keys(next) as (keyof InboxQuery)[]) {
    if (next[key] === undefined || next[key] === '') delete next[key];
  }
  return next;
}

/** Whether any filter (search included) narrows the list. */
export function isFiltered(query: InboxQuery): boolean {
  return Boolean(
    query.q ||
    query.status ||
    query.route ||
    query.jurisdictionId ||
    query.overdueOnly ||
    (query.type && query.type !== DEFAULT_TYPE),
  );
}
