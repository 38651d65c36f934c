/**
 * 处分 and 影响期 routes: sanctions recorded against cadres (list, one, a cadre's, record), the
 * influence-period block on a cadre, and the appointment proposals the organisation department
 * records — refused while a period runs. Thin adapters over src/usecases/follow-up.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contracts/common.ts';
import {
  AppointmentRecorded,
  CadreSanctions,
  InfluenceView,
  RecordAppointmentBody,
  RecordSanctionBody,
  SanctionList,
  SanctionListQuery,
  SanctionView,
} from '../../contracts/follow-up.ts';
import { cadreSanctions } from '../../usecases/follow-up/cadre-sanctions.ts';
import { cadreInfluence, recordAppointment } from '../../usecases/follow-up/influence.ts';
import { listSanctions, recordSanction, sanctionDetail } from '../../usecases/follow-up/sanctions.ts';
import { withIdempotency } from '../plugins/idempotency.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

export function sanctionRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/sanctions',
    {
      schema: {
        tags: ['follow-up'],
        summary: '处分登记列表 / Sanctions in scope',
        description: 'Newest first. `followUp=missing` lists sanctions still waiting for a visit plan.',
        querystring: SanctionListQuery,
        response: { 200: SanctionList, ...errorResponses },
      },
    },
    async (request) => listSanctions(deps, requireUser(request), request.query),
  );

  api.get(
    '/api/sanctions/:id',
    {
      schema: {
        tags: ['follow-up'],
        summary: '处分详情（含影响期和回访）/ Sanction detail',
        params: IdParams,
        response: { 200: SanctionView, ...errorResponses },
      },
    },
    async (request) => sanctionDetail(deps, requireUser(request), request.params.id),
  );

  api.get(
    '/api/cadres/:id/sanctions',
    {
      schema: {
        tags: ['follow-up'],
        summary: '干部所受处分及影响期 / A cadre’s sanctions and influence periods',
        params: IdParams,
        response: { 200: CadreSanctions, ...errorResponses },
      },
    },
    async (request) => cadreSanctions(deps, requireUser(request), request.params.id),
  );

  api.post(
    '/api/cadres/:id/sanctions',
    {
      schema: {
        tags: ['follow-up'],
        summary: '登记处分或处理（承办人、主要负责人）/ Record a sanction',
        description:
          'The influence period is counted under the policy in force on the effective date and fixed. Send an `Idempotency-Key` header to make retries safe.',
        params: IdParams,
        body: RecordSanctionBody,
        response: { 201: SanctionView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const result = await withIdempotency(deps, user, request, 201, () =>
        recordSanction(deps, user, request.params.id, request.body),
      );
      return reply.code(201).send(result.body);
    },
  );

  api.get(
    '/api/cadres/:id/influence',
    {
      schema: {
        tags: ['follow-up'],
        summary: '影响期与提拔任用限制 / Influence-period block and appointments',
        params: IdParams,
        response: { 200: InfluenceView, ...errorResponses },
      },
    },
    async (request) => cadreInfluence(deps, requireUser(request), request.params.id),
  );

  api.post(
    '/api/cadres/:id/appointments',
    {
      schema: {
        tags: ['follow-up'],
        summary: '登记提拔任用（组织部门）/ Record a promotion or appointment',
        description:
          'Refused with 409 `appointment.blocked` (naming the end date) while an influence period runs, `appointment.barred` after 开除.',
        params: IdParams,
        body: RecordAppointmentBody,
        response: { 201: AppointmentRecorded, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const result = await withIdempotency(deps, user, request, 201, () =>
        recordAppointment(deps, user, request.params.id, request.body),
      );
      return reply.code(201).send(result.body);
    },
  );
}
