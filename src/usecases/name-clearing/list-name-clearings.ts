/**
 * The name clearings a user may see, soonest deadline first (overdue ones on top): the same
 * visibility as every list of matters (db/queries/matters.ts `visibleMatters`), which for this type
 * is exactly the procedure's own — the matter carries no unit, so no unit leader sees it, and the
 * organisation department sees it once `closed`.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import type { Database } from '../../db/schema.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { visibleMatters } from '../../db/queries/matters.ts';
import { escapeLike } from '../../db/queries/roster.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import { NAME_CLEARING_STATES, type NameClearingState } from '../../domain/name-clearing/procedure.ts';
import { loadCalendar } from '../policy-context.ts';
import { presentMatterDeadline } from '../procedure/present.ts';

type Scope = Parameters<typeof visibleMatters>[0];

export type NameClearingFilters = {
  status?: NameClearingState | undefined;
  overdueOnly?: boolean | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

const CLEARED: readonly string[] = ['cleared', 'closed'];
const NOT_CLEARED: readonly string[] = ['not_cleared', 'ended'];

export async function listNameClearings(deps: Deps, user: UserWithGrants, f: NameClearingFilters) {
  const now = deps.clock.now();
  let q = deps.db
    .selectFrom('matters as m')
    .innerJoin('jurisdictions as j', 'j.id', 'm.jurisdiction_id')
    .leftJoin('cadres as c', 'c.id', 'm.subject_cadre_id')
    .where('m.type', '=', 'name_clearing')
    .where((eb) => visibleMatters(eb as unknown as Scope, user));
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.overdueOnly) q = q.where('m.due_on', '<', toBeijingDate(now));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where(
      (eb: ExpressionBuilder<Database & { m: Database['matters']; c: Database['cadres'] }, 'm' | 'c'>) =>
        eb.or([eb('m.number', 'like', like), eb('m.title', 'like', like), eb('c.name', 'like', like)]),
    );
  }
  const [rows, calendar] = await Promise.all([
    q
      .select([
        'm.id',
        'm.number',
        'm.type',
        'm.title',
        'm.status',
        'm.route',
        'm.clocks',
        'm.created_at',
        'm.updated_at',
        'm.jurisdiction_id',
        'j.name as jurisdiction_name',
        'c.id as subject_id',
        'c.name as subject_name',
        sql<string | null>`m.facts->'subjectUnit'->>'name'`.as('unit_name'),
        sql<string | null>`m.facts->>'concludedOn'`.as('concluded_on'),
        sql<string>`count(*) over ()`.as('total_count'),
      ])
      .orderBy(sql`m.due_on asc nulls last`)
      .orderBy('m.updated_at', 'desc')
      .orderBy('m.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    loadCalendar(deps.db),
  ]);
  const total =
    rows.length > 0
      ? Number(rows[0]!.total_count)
      : Number((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    items: rows.map((m) => ({
      id: m.id,
      number: m.number,
      type: m.type,
      title: m.title,
      status: m.status,
      statusLabel: NAME_CLEARING_STATES[m.status as NameClearingState] ?? { zh: m.status, en: m.status },
      route: m.route,
      subject: m.subject_id ? { id: m.subject_id, name: m.subject_name!, unitName: m.unit_name ?? '' } : null,
      jurisdiction: { id: m.jurisdiction_id, name: m.jurisdiction_name },
      outcome: null,
      deadline: presentMatterDeadline(m.type, m.status, m.clocks, calendar, now),
      createdAt: m.created_at.toISOString(),
      updatedAt: m.updated_at.toISOString(),
      concludedOn: m.concluded_on,
      result: CLEARED.includes(m.status)
        ? ('cleared' as const)
        : NOT_CLEARED.includes(m.status)
          ? ('not_cleared' as const)
          : ('open' as const),
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}
