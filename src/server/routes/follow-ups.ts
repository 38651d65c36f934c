/**
 * 回访教育 routes: planning a follow-up visit of a sanction, the follow-up's detail, and one route per
 * step of its table (each with its own body schema and OpenAPI entry).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams } from '../../contracts/common.ts';
import { FOLLOW_UP_ACTION_BODIES, FollowUpDetail, OpenFollowUpBody } from '../../contracts/follow-up.ts';
import { FOLLOW_UP_PROCEDURE, type FollowUpAction } from '../../domain/follow-up/procedure.ts';
import { DomainError } from '../../domain/errors.ts';
import { followUpDetail } from '../../usecases/follow-up/follow-up-detail.ts';
import { openFollowUp } from '../../usecases/follow-up/open-follow-up.ts';
import { performFollowUpAction } from '../../usecases/follow-up/perform-follow-up-action.ts';
import { withIdempotency } from '../plugins/idempotency.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

export function followUpRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/follow-ups',
    {
      schema: {
        tags: ['follow-up'],
        summary: '制定回访教育计划（承办人）/ Plan a follow-up visit of a sanction',
        description:
          'The planned day must fall between the sanction taking effect and the end of its influence period. Send an `Idempotency-Key` header to make retries safe.',
        body: OpenFollowUpBody,
        response: { 201: z.object({ id: z.uuid(), number: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const result = await withIdempotency(deps, user, request, 201, () =>
        openFollowUp(deps, user, request.body),
      );
      return reply.code(201).send(result.body);
    },
  );

  api.get(
    '/api/follow-ups/:id',
    {
      schema: {
        tags: ['follow-up'],
        summary: '回访教育事项详情 / Follow-up detail',
        params: IdParams,
        response: { 200: FollowUpDetail, ...errorResponses },
      },
    },
    async (request) => followUpDetail(deps, requireUser(request), request.params.id),
  );

  for (const action of Object.keys(FOLLOW_UP_PROCEDURE.actions) as FollowUpAction[]) {
    const label = FOLLOW_UP_PROCEDURE.actions[action].label;
    api.post(
      `/api/follow-ups/:id/actions/${action}`,
      {
        schema: {
          tags: ['follow-up'],
          summary: `${label.zh} / ${label.en}`,
          description:
            'Answers the follow-up as the user now sees it, or 204 when the step took it out of their view.',
          params: IdParams,
          body: FOLLOW_UP_ACTION_BODIES[action],
          response: { 200: FollowUpDetail, 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await performFollowUpAction(deps, user, request.params.id, action, request.body as never);
        try {
          return await followUpDetail(deps, user, request.params.id);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'record.not_found')
            return reply.code(204).send(null);
          throw error;
        }
      },
    );
  }
}
