/**
 * 事前报备 routes: filing (or a draft), the filing's detail, one route per step of its table, and
 * attachment uploads (the `add_evidence` step).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams } from '../../contracts/common.ts';
import {
  OpenPreRegistrationBody,
  PRE_REGISTRATION_ACTION_BODIES,
  PreRegistrationDetail,
} from '../../contracts/pre-registration.ts';
import {
  PRE_REGISTRATION_PROCEDURE,
  type PreRegistrationAction,
} from '../../domain/pre-registration/procedure.ts';
import { DomainError } from '../../domain/errors.ts';
import { openPreRegistration } from '../../usecases/pre-registration/open-pre-registration.ts';
import {
  addPreRegistrationAttachment,
  performPreRegistrationAction,
} from '../../usecases/pre-registration/perform-pre-registration-action.ts';
import { preRegistrationDetail } from '../../usecases/pre-registration/pre-registration-detail.ts';
import { withIdempotency } from '../plugins/idempotency.ts';
import { requireUser } from '../plugins/auth.ts';
import { EvidenceFile, readUpload } from './evidence.ts';
import type { RouteContext } from '../build-app.ts';

export function preRegistrationRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/pre-registrations',
    {
      schema: {
        tags: ['pre-registration'],
        summary: '事前报备（干部本人或单位）/ File a pre-registration',
        description:
          'Saves a draft, or files at once with `submit: true`. Send an `Idempotency-Key` header to make retries safe.',
        body: OpenPreRegistrationBody,
        response: { 201: z.object({ id: z.uuid(), number: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const result = await withIdempotency(deps, user, request, 201, () =>
        openPreRegistration(deps, user, request.body),
      );
      return reply.code(201).send(result.body);
    },
  );

  api.get(
    '/api/pre-registrations/:id',
    {
      schema: {
        tags: ['pre-registration'],
        summary: '事前报备详情 / Pre-registration detail',
        params: IdParams,
        response: { 200: PreRegistrationDetail, ...errorResponses },
      },
    },
    async (request) => preRegistrationDetail(deps, requireUser(request), request.params.id),
  );

  for (const action of Object.keys(PRE_REGISTRATION_PROCEDURE.actions) as PreRegistrationAction[]) {
    if (action === 'add_evidence') continue; // multipart upload below
    const label = PRE_REGISTRATION_PROCEDURE.actions[action].label;
    api.post(
      `/api/pre-registrations/:id/actions/${action}`,
      {
        schema: {
          tags: ['pre-registration'],
          summary: `${label.zh} / ${label.en}`,
          description:
            'Answers the filing as the user now sees it, or 204 when the step took it out of their view.',
          params: IdParams,
          body: PRE_REGISTRATION_ACTION_BODIES[action],
          response: { 200: PreRegistrationDetail, 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await performPreRegistrationAction(deps, user, request.params.id, action, request.body as never);
        try {
          return await preRegistrationDetail(deps, user, request.params.id);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'record.not_found')
            return reply.code(204).send(null);
          throw error;
        }
      },
    );
  }

  api.post(
    '/api/pre-registrations/:id/attachments',
    {
      schema: {
        tags: ['pre-registration'],
        summary: '上传报备附件（multipart 字段 file，可选 description）/ Add an attachment',
        description:
          'The minutes of the collective decision, plans, risk assessments: sealed into the receipt by their SM3 digests.',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: z.object({ file: EvidenceFile, matter: PreRegistrationDetail }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const stored = await addPreRegistrationAttachment(deps, user, request.params.id, () =>
        readUpload(request),
      );
      const matter = await preRegistrationDetail(deps, user, request.params.id);
      return reply.code(201).send({ file: { ...stored, createdAt: stored.createdAt.toISOString() }, matter });
    },
  );
}
