/**
 * 纠错 routes: a standalone order, the correction's detail, one route per step of its table (each
 * with its own body schema and OpenAPI entry), and evidence uploads (the `add_evidence` step).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams } from '../../contracts/common.ts';
import {
  CORRECTION_ACTION_BODIES,
  CorrectionDetail,
  OpenCorrectionBody,
} from '../../contracts/correction.ts';
import { CORRECTION_PROCEDURE, type CorrectionAction } from '../../domain/correction/procedure.ts';
import { DomainError } from '../../domain/errors.ts';
import { openCorrection } from '../../usecases/correction/open-correction.ts';
import {
  addCorrectionEvidence,
  performCorrectionAction,
} from '../../usecases/correction/perform-correction-action.ts';
import { correctionDetail } from '../../usecases/correction/correction-detail.ts';
import { withIdempotency } from '../plugins/idempotency.ts';
import { requireUser } from '../plugins/auth.ts';
import { EvidenceFile, readUpload } from './evidence.ts';
import type { RouteContext } from '../build-app.ts';

export function correctionRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/corrections',
    {
      schema: {
        tags: ['correction'],
        summary: '下达纠错通知（承办人，独立于容错决定）/ Order a standalone correction',
        description:
          'Orders that come with a tolerance decision are opened by the decision itself. Send an `Idempotency-Key` header to make retries safe.',
        body: OpenCorrectionBody,
        response: { 201: z.object({ id: z.uuid(), number: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const result = await withIdempotency(deps, user, request, 201, () =>
        openCorrection(deps, user, request.body),
      );
      return reply.code(201).send(result.body);
    },
  );

  api.get(
    '/api/corrections/:id',
    {
      schema: {
        tags: ['correction'],
        summary: '纠错事项详情 / Correction detail',
        params: IdParams,
        response: { 200: CorrectionDetail, ...errorResponses },
      },
    },
    async (request) => correctionDetail(deps, requireUser(request), request.params.id),
  );

  for (const action of Object.keys(CORRECTION_PROCEDURE.actions) as CorrectionAction[]) {
    if (action === 'add_evidence') continue; // multipart upload below
    const label = CORRECTION_PROCEDURE.actions[action].label;
    api.post(
      `/api/corrections/:id/actions/${action}`,
      {
        schema: {
          tags: ['correction'],
          summary: `${label.zh} / ${label.en}`,
          description:
            'Answers the correction as the user now sees it, or 204 when the step took it out of their view.',
          params: IdParams,
          body: CORRECTION_ACTION_BODIES[action],
          response: { 200: CorrectionDetail, 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await performCorrectionAction(deps, user, request.params.id, action, request.body as never);
        try {
          return await correctionDetail(deps, user, request.params.id);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'record.not_found')
            return reply.code(204).send(null);
          throw error;
        }
      },
    );
  }

  api.post(
    '/api/corrections/:id/evidence',
    {
      schema: {
        tags: ['correction'],
        summary:
          '上传整改佐证材料（multipart 字段 file，可选 description、visibility）/ Add rectification evidence',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: z.object({ file: EvidenceFile, matter: CorrectionDetail }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const stored = await addCorrectionEvidence(deps, user, request.params.id, () => readUpload(request));
      const matter = await correctionDetail(deps, user, request.params.id);
      return reply.code(201).send({ file: { ...stored, createdAt: stored.createdAt.toISOString() }, matter });
    },
  );
}
