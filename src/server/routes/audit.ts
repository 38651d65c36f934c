import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contracts/common.ts';
import { AuditList, AuditQuery } from '../../contracts/roster.ts';
import { scopeOf } from '../../domain/access.ts';
import { auditLabel } from '../../domain/audit/catalogue.ts';
import { DomainError } from '../../domain/errors.ts';
import { listAuditEvents } from '../../db/queries/audit.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

export function auditRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit/events',
    { schema: { tags: ['audit'], summary: '审计日志 / Audit log', querystring: AuditQuery, response: { 200: AuditList, ...errorResponses } } },
    async (request) => {
      const user = requireUser(request);
      const scope = scopeOf(user, 'audit.view');
      if (scope.length === 0) throw new DomainError('auth.forbidden');
      const { rows, total } = await listAuditEvents(deps.db, scope, request.query);
      return {
        items: rows.map((e) => ({
          seq: Number(e.seq),
          occurredAt: e.occurred_at.toISOString(),
          actor: e.actor,
          action: e.action,
          actionLabel: auditLabel(e.action) ?? { zh: e.action, en: e.action },
          entityType: e.entity_type,
          entityId: e.entity_id,
          data: e.data,
        })),
        total,
      };
    },
  );
}
