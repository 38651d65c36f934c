import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contracts/common.ts';
import { CadreDetail, CadreExportQuery, CadreList, CadreListQuery, JurisdictionList, RevealBody, RevealResponse, UnitList, UnitQuery } from '../../contracts/roster.ts';
import { capabilitiesAt, scopeOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { findCadre, findJurisdictionPath, listCadres, listJurisdictions, listUnits, type CadreFilters, type CadreRow } from '../../db/queries/roster.ts';
import { idNumberSearchHash } from '../../usecases/roster/sensitive-fields.ts';
import { revealSensitive } from '../../usecases/roster/reveal-sensitive.ts';
import { exportRoster } from '../../usecases/roster/export-roster.ts';
import { influenceForCadreDetail } from '../../usecases/follow-up/influence.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

export function presentCadre(c: CadreRow) {
  return {
    id: c.id,
    name: c.name,
    gender: c.gender,
    birthMonth: c.birth_month,
    unit: { id: c.unit_id, name: c.unit_name },
    jurisdiction: { id: c.jurisdiction_id, name: c.jurisdiction_name },
    position: c.position,
    rank: c.rank,
    partyMembership: c.party_membership,
    status: c.status,
    idNumberMasked: c.id_number_masked,
    mobileMasked: c.mobile_masked,
  };
}

/** Roster scope, or 404 for users with no roster role at all (indistinguishable from a missing page of data). */
function rosterScope(user: UserWithGrants): string[] {
  const scope = scopeOf(user, 'roster.view');
  if (scope.length === 0) throw new DomainError('auth.forbidden');
  return scope;
}

export async function cadreFilters(ctx: RouteContext, query: CadreListQueryInput): Promise<CadreFilters> {
  const jurisdictionPath = query.jurisdictionId ? ((await findJurisdictionPath(ctx.deps.db, query.jurisdictionId)) ?? '/nonexistent/') : undefined;
  return { ...query, jurisdictionPath, qIdNumberHash: idNumberSearchHash(ctx.deps.keyring, query.q) };
}
type CadreListQueryInput = { q?: string | undefined; jurisdictionId?: string | undefined } & Omit<CadreFilters, 'jurisdictionPath' | 'qIdNumberHash'>;

export function rosterRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = ctx;

  api.get('/api/jurisdictions', { schema: { tags: ['roster'], summary: '辖区 / Jurisdictions', response: { 200: JurisdictionList, ...errorResponses } } }, async (request) => {
    const user = requireUser(request);
    // Every signed-in user may see the jurisdictions they hold a role in and below.
    const scope = [...new Set(user.grants.map((g) => g.jurisdictionPath))];
    const rows = await listJurisdictions(deps.db, scope);
    return { items: rows.map((j) => ({ id: j.id, code: j.code, name: j.name, level: j.level, parentId: j.parent_id })) };
  });

  api.get('/api/units', { schema: { tags: ['roster'], summary: '单位 / Units', querystring: UnitQuery, response: { 200: UnitList, ...errorResponses } } }, async (request) => {
    const user = requireUser(request);
    const rows = await listUnits(deps.db, rosterScope(user), request.query.jurisdictionId);
    return {
      items: rows.map((u) => ({ id: u.id, code: u.code, name: u.name, kind: u.kind, jurisdictionId: u.jurisdiction_id, jurisdictionName: u.jurisdiction_name, parentId: u.parent_id, cadreCount: Number(u.cadre_count ?? 0) })),
    };
  });

  api.get('/api/cadres', { schema: { tags: ['roster'], summary: '干部名册 / Cadre roster', querystring: CadreListQuery, response: { 200: CadreList, ...errorResponses } } }, async (request) => {
    const user = requireUser(request);
    const { page, pageSize, ...query } = request.query;
    const { rows, total } = await listCadres(deps.db, rosterScope(user), await cadreFilters(ctx, query), { page, pageSize });
    return { items: rows.map(presentCadre), total, page, pageSize };
  });

  api.get('/api/cadres/export.xlsx', { schema: { tags: ['roster'], summary: '导出干部名册 / Export roster (.xlsx)', querystring: CadreExportQuery } }, async (request, reply) => {
    const user = requireUser(request);
    const bytes = await exportRoster(deps, user, await cadreFilters(ctx, request.query));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent('干部名册.xlsx')}`)
      .send(Buffer.from(bytes));
  });

  api.get('/api/cadres/:id', { schema: { tags: ['roster'], summary: '干部详情 / Cadre detail', params: IdParams, response: { 200: CadreDetail, ...errorResponses } } }, async (request) => {
    const user = requireUser(request);
    const cadre = await findCadre(deps.db, rosterScope(user), request.params.id);
    if (!cadre) throw new DomainError('record.not_found');
    const allowedActions = capabilitiesAt(user, cadre.jurisdiction_path).includes('roster.reveal_sensitive') ? ['reveal_sensitive'] : [];
    return {
      cadre: { ...presentCadre(cadre), createdAt: cadre.created_at.toISOString(), updatedAt: cadre.updated_at.toISOString(), version: cadre.version },
      allowedActions,
      influence: await influenceForCadreDetail(deps, user, cadre.id),
    };
  });

  api.post(
    '/api/cadres/:id/reveal',
    { schema: { tags: ['roster'], summary: '查看敏感信息（留痕）/ Reveal a sensitive field (audited)', params: IdParams, body: RevealBody, response: { 200: RevealResponse, ...errorResponses } } },
    async (request) => {
      const user = requireUser(request);
      return { value: await revealSensitive(deps, user, request.params.id, request.body.field) };
    },
  );
}
