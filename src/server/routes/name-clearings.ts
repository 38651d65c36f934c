/**
 * 澄清正名 routes: the list, opening a clearing, its detail, one route per step of its table (each
 * with its own body schema and OpenAPI entry), its documents, and the audited look at who accused.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams } from '../../contracts/common.ts';
import {
  AccuserIdentity,
  NAME_CLEARING_ACTION_BODIES,
  NameClearingDetail,
  NameClearingDocuments,
  NameClearingList,
  NameClearingListQuery,
  OpenNameClearingBody,
} from '../../contracts/name-clearing.ts';
import { NAME_CLEARING_PROCEDURE, type NameClearingAction } from '../../domain/name-clearing/procedure.ts';
import { DomainError } from '../../domain/errors.ts';
import { revealAccuser } from '../../usecases/name-clearing/accuser.ts';
import { nameClearingDocuments } from '../../usecases/name-clearing/documents.ts';
import { listNameClearings } from '../../usecases/name-clearing/list-name-clearings.ts';
import { nameClearingDetail } from '../../usecases/name-clearing/name-clearing-detail.ts';
import { openNameClearing } from '../../usecases/name-clearing/open-name-clearing.ts';
import { performNameClearingAction } from '../../usecases/name-clearing/perform-name-clearing-action.ts';
import { withIdempotency } from '../plugins/idempotency.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

export function nameClearingRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/name-clearings',
    {
      schema: {
        tags: ['name_clearing'],
        summary: '澄清正名事项列表（按期限排序）/ Name clearings, soonest deadline first',
        querystring: NameClearingListQuery,
        response: { 200: NameClearingList, ...errorResponses },
      },
    },
    async (request) => listNameClearings(deps, requireUser(request), request.query),
  );

  api.post(
    '/api/name-clearings',
    {
      schema: {
        tags: ['name_clearing'],
        summary: '启动澄清正名（承办人，举报经核查不实）/ Open a name clearing',
        description: 'Send an `Idempotency-Key` header to make retries safe.',
        body: OpenNameClearingBody,
        response: { 201: z.object({ id: z.uuid(), number: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const result = await withIdempotency(deps, user, request, 201, () =>
        openNameClearing(deps, user, request.body),
      );
      return reply.code(201).send(result.body);
    },
  );

  api.get(
    '/api/name-clearings/:id',
    {
      schema: {
        tags: ['name_clearing'],
        summary: '澄清正名详情、可办理环节及所需填写项 / Name-clearing detail',
        params: IdParams,
        response: { 200: NameClearingDetail, ...errorResponses },
      },
    },
    async (request) => nameClearingDetail(deps, requireUser(request), request.params.id),
  );

  for (const action of Object.keys(NAME_CLEARING_PROCEDURE.actions) as NameClearingAction[]) {
    const label = NAME_CLEARING_PROCEDURE.actions[action].label;
    api.post(
      `/api/name-clearings/:id/actions/${action}`,
      {
        schema: {
          tags: ['name_clearing'],
          summary: `${label.zh} / ${label.en}`,
          description:
            'Answers the clearing as the user now sees it, or 204 when the step took it out of their view.',
          params: IdParams,
          body: NAME_CLEARING_ACTION_BODIES[action],
          response: { 200: NameClearingDetail, 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await performNameClearingAction(deps, user, request.params.id, action, request.body as never);
        try {
          return await nameClearingDetail(deps, user, request.params.id);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'record.not_found')
            return reply.code(204).send(null);
          throw error;
        }
      },
    );
  }

  api.get(
    '/api/name-clearings/:id/documents',
    {
      schema: {
        tags: ['name_clearing'],
        summary: '澄清正名书及相关文书（下载与验证地址）/ Documents of a name clearing',
        params: IdParams,
        response: { 200: NameClearingDocuments, ...errorResponses },
      },
    },
    async (request) => nameClearingDocuments(deps, requireUser(request), request.params.id),
  );

  api.post(
    '/api/name-clearings/:id/accuser',
    {
      schema: {
        tags: ['name_clearing'],
        summary: '查看举报人信息（仅纪检监察机关，留痕）/ Who accused (commission staff; audited)',
        params: IdParams,
        response: { 200: AccuserIdentity, ...errorResponses },
      },
    },
    async (request) => revealAccuser(deps, requireUser(request), request.params.id),
  );
}
