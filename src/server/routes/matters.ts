import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams } from '../../contracts/common.ts';
import { ACTION_BODIES, InboxQuery, MatterDetail, MatterList, OpenMatterBody } from '../../contracts/tolerance.ts';
import { TOLERANCE_PROCEDURE, type ToleranceAction } from '../../domain/tolerance/procedure.ts';
import { stateLabel } from '../../domain/procedure/matter-types.ts';
import { presentMatterDeadline } from '../../usecases/procedure/present.ts';
import { listMatters } from '../../db/queries/matters.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import { openMatter } from '../../usecases/tolerance/open-matter.ts';
import { performAction } from '../../usecases/tolerance/perform-action.ts';
import { matterDetail } from '../../usecases/tolerance/matter-detail.ts';
import { calendarAt } from '../../usecases/policy-context.ts';
import { withIdempotency } from '../plugins/idempotency.ts';
import { requireUser } from '../plugins/auth.ts';
import { loadMatter } from '../../usecases/tolerance/load-matter.ts';
import { bodyMembers } from '../../usecases/tolerance/steps/committee.ts';
import type { StepContext } from '../../usecases/tolerance/perform-action.ts';
import { DomainError } from '../../domain/errors.ts';
import type { RouteContext } from '../build-app.ts';

export function matterRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/matters',
    {
      schema: {
        tags: ['tolerance'],
        summary: '启动容错程序（本人申请、单位申请、组织主动、事前报备）/ Open a tolerance matter',
        description: 'Send an `Idempotency-Key` header to make retries safe.',
        body: OpenMatterBody,
        response: { 201: z.object({ id: z.uuid(), number: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const result = await withIdempotency(deps, user, request, 201, () => openMatter(deps, user, request.body));
      return reply.code(201).send(result.body);
    },
  );

  api.get('/api/matters', { schema: { tags: ['tolerance'], summary: '待办与事项列表（按期限排序）/ Inbox, soonest deadline first', querystring: InboxQuery, response: { 200: MatterList, ...errorResponses } } }, async (request) => {
    const user = requireUser(request);
    const { page, pageSize, overdueOnly, ...filters } = request.query;
    const now = deps.clock.now();
    const { rows, total, calendarStamp } = await listMatters(deps.db, user, { ...filters, ...(overdueOnly ? { overdueBefore: toBeijingDate(now) } : {}) }, { page, pageSize });
    const calendar = calendarStamp === null ? null : await calendarAt(deps.db, calendarStamp);
    return {
      items: rows.map((m) => ({
        id: m.id,
        number: m.number,
        type: m.type,
        title: m.title,
        status: m.status,
        statusLabel: stateLabel(m.type, m.status),
        route: m.route,
        subject: m.subject_id ? { id: m.subject_id, name: m.subject_name!, unitName: m.unit_name ?? '' } : null,
        jurisdiction: { id: m.jurisdiction_id, name: m.jurisdiction_name },
        outcome: m.outcome,
        deadline: presentMatterDeadline(m.type, m.status, m.clocks, calendar!, now),
        createdAt: m.created_at.toISOString(),
        updatedAt: m.updated_at.toISOString(),
      })),
      total,
      page,
      pageSize,
    };
  });

  api.get('/api/matters/:id', { schema: { tags: ['tolerance'], summary: '事项详情、可办理环节与时间线 / Matter detail', params: IdParams, response: { 200: MatterDetail, ...errorResponses } } }, async (request) => {
    const user = requireUser(request);
    return matterDetail(deps, user, request.params.id);
  });

  api.get(
    '/api/matters/:id/committee',
    {
      schema: {
        tags: ['tolerance'],
        summary: '本事项的决定机构成员（含应回避原因）/ Members of the deciding body, with recusal reasons',
        params: IdParams,
        response: { 200: z.object({ items: z.array(z.object({ userId: z.uuid(), name: z.string(), recusalReason: z.string().nullable() })) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const loaded = await loadMatter(deps, user, request.params.id, { minimumView: ['full'] });
      // Reads only: the step helpers take a context whose `trx` may be the plain connection.
      const members = await bodyMembers({ deps, user, loaded, trx: deps.db } as unknown as StepContext);
      return { items: members.map((m) => ({ userId: m.userId, name: m.name, recusalReason: m.recusalReason ?? null })) };
    },
  );

  // One route per procedure step, each with its own body schema (and OpenAPI entry).
  for (const action of Object.keys(TOLERANCE_PROCEDURE.actions) as ToleranceAction[]) {
    if (action === 'add_evidence') continue; // multipart upload: routes/evidence.ts
    const label = TOLERANCE_PROCEDURE.actions[action].label;
    api.post(
      `/api/matters/:id/actions/${action}`,
      {
        schema: {
          tags: ['tolerance'],
          summary: `${label.zh} / ${label.en}`,
          description: 'Answers the matter as the user now sees it, or 204 when the step took it out of their view (e.g. a supervisor after approving).',
          params: IdParams,
          body: ACTION_BODIES[action],
          response: { 200: MatterDetail, 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await performAction(deps, user, request.params.id, action, request.body as never);
        try {
          return await matterDetail(deps, user, request.params.id);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'record.not_found') return reply.code(204).send(null);
          throw error;
        }
      },
    );
  }
}
