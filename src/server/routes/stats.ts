import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contracts/common.ts';
import { CountyComparison, StatsOverview, StatsQuery } from '../../contracts/stats.ts';
import { toBeijingDate, type LocalDate } from '../../domain/calendar/local-date.ts';
import { DomainError } from '../../domain/errors.ts';
import { maySeeStats, mustSuppress, statsScope } from '../../domain/stats/access.ts';
import { applicationsPer1000, indicatorsOf, showIndicators } from '../../domain/stats/indicators.ts';
import { addMetrics, emptyMetrics } from '../../domain/stats/metrics.ts';
import { countedTypes, procedureCounters } from '../../domain/stats/procedure-counters.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import {
  cadresInOffice,
  countiesUnder,
  findJurisdiction,
  findJurisdictionByPath,
  metricsByJurisdiction,
  overdueByJurisdiction,
  procedureStatusCounts,
  sumUnder,
  type JurisdictionRow,
  type Period,
} from '../../db/queries/stats.ts';
import { loadCalendar } from '../../usecases/policy-context.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

/** The jurisdiction asked for (default: the viewer's broadest), or 404 when it is outside the viewer's scope. */
async function jurisdictionFor(
  ctx: RouteContext,
  user: UserWithGrants,
  id: string | undefined,
): Promise<JurisdictionRow> {
  const scope = statsScope(user);
  if (scope.length === 0) throw new DomainError('auth.forbidden');
  const found = id
    ? await findJurisdiction(ctx.deps.db, id)
    : await findJurisdictionByPath(ctx.deps.db, scope[0]!);
  if (!found || !maySeeStats(user, found.path)) throw new DomainError('record.not_found');
  return found;
}

function periodOf(query: { from?: string | undefined; to?: string | undefined }, today: LocalDate): Period {
  const to = (query.to ?? today) as LocalDate;
  const from = (query.from ?? `${to.slice(0, 4)}-01-01`) as LocalDate;
  if (from > to) throw new DomainError('stats.period_invalid', { from, to }, 'from');
  return { from, to };
}

/** Everything the two endpoints read, for the jurisdictions under `root`. */
async function readAll(
  ctx: RouteContext,
  root: JurisdictionRow,
  period: Period,
  today: LocalDate,
  targets: JurisdictionRow[],
) {
  const { db } = ctx.deps;
  const calendar = await loadCalendar(db);
  const [metrics, overdue, cadres] = await Promise.all([
    metricsByJurisdiction(db, root.path, period, calendar),
    overdueByJurisdiction(db, root.path, today),
    cadresInOffice(db, targets),
  ]);
  return (target: JurisdictionRow) => {
    const m = sumUnder(metrics, target.path, emptyMetrics, addMetrics);
    const raw = indicatorsOf(
      m,
      sumUnder(
        overdue,
        target.path,
        () => 0,
        (a, b) => a + b,
      ),
    );
    return { applied: m.applied, raw, cadresInOffice: cadres.get(target.path) ?? 0 };
  };
}

const refOf = (j: JurisdictionRow) => ({ id: j.id, code: j.code, name: j.name, level: j.level });

/** 统计分析: dashboards of the commission and the supervisor (DESIGN §3.10). */
export function statsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/stats/overview',
    {
      schema: {
        tags: ['stats'],
        summary: '统计概览 / Statistics overview',
        querystring: StatsQuery,
        response: { 200: StatsOverview, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const now = ctx.deps.clock.now();
      const today = toBeijingDate(now);
      const root = await jurisdictionFor(ctx, user, request.query.jurisdictionId);
      const period = periodOf(request.query, today);
      const suppress = mustSuppress(user, root.path);
      const [statsOf, statusCounts] = await Promise.all([
        readAll(ctx, root, period, today, [root]),
        procedureStatusCounts(ctx.deps.db, root.path, countedTypes(), period, today),
      ]);
      const stats = statsOf(root);
      return {
        jurisdiction: refOf(root),
        period,
        asOf: now.toISOString(),
        suppressed: suppress,
        cadresInOffice: stats.cadresInOffice,
        applicationsPer1000Cadres: applicationsPer1000(stats.applied, stats.cadresInOffice, suppress),
        indicators: showIndicators(stats.raw, suppress),
        procedures: procedureCounters(statusCounts, suppress),
      };
    },
  );

  api.get(
    '/api/stats/counties',
    {
      schema: {
        tags: ['stats'],
        summary: '各县（市、区）对比 / County comparison',
        querystring: StatsQuery,
        response: { 200: CountyComparison, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const now = ctx.deps.clock.now();
      const today = toBeijingDate(now);
      const root = await jurisdictionFor(ctx, user, request.query.jurisdictionId);
      const period = periodOf(request.query, today);
      const suppress = mustSuppress(user, root.path);
      const counties = await countiesUnder(ctx.deps.db, root.path);
      const statsOf = await readAll(ctx, root, period, today, counties);
      return {
        jurisdiction: refOf(root),
        period,
        asOf: now.toISOString(),
        suppressed: suppress,
        items: counties.map((county) => {
          const stats = statsOf(county);
          return {
            jurisdiction: refOf(county),
            cadresInOffice: stats.cadresInOffice,
            applicationsPer1000Cadres: applicationsPer1000(stats.applied, stats.cadresInOffice, suppress),
            indicators: showIndicators(stats.raw, suppress),
          };
        }),
      };
    },
  );
}
