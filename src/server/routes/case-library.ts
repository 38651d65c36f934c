/**
 * 典型案例库 routes: the internal library (search, candidates, preparing a case, its detail and one
 * route per step of its table) and the public case pages' API — no sign-in, published fields only,
 * rate-limited per address like the public document verification.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, IdParams } from '../../contracts/common.ts';
import {
  CASE_ACTION_BODIES,
  CandidateQuery,
  CaseCandidates,
  CaseDetail,
  CaseLibraryQuery,
  CaseList,
  PrepareCaseBody,
  PublicCase,
  PublicCaseList,
  PublicCaseQuery,
} from '../../contracts/case-library.ts';
import { CASE_ENTRY_PROCEDURE, type CaseEntryAction } from '../../domain/case-library/procedure.ts';
import { DomainError } from '../../domain/errors.ts';
import { caseDetail } from '../../usecases/case-library/case-detail.ts';
import { performCaseAction } from '../../usecases/case-library/perform-case-action.ts';
import { prepareCase } from '../../usecases/case-library/prepare-case.ts';
import {
  listCandidates,
  publicCaseDetail,
  searchCases,
  searchPublicCases,
} from '../../usecases/case-library/search-cases.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';
import { tokenBuckets } from './documents.ts';

/** Public case requests per minute and address (a reader pages and searches; a scraper is slowed). */
export const PUBLIC_CASES_PER_MINUTE = 60;

export function caseLibraryRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const take = tokenBuckets(deps.clock, PUBLIC_CASES_PER_MINUTE);
  const limit = (request: FastifyRequest) => {
    if (!take(request.ip)) throw new DomainError('request.rate_limited');
  };

  api.get(
    '/api/case-library',
    {
      schema: {
        tags: ['case-library'],
        summary: '典型案例检索（已发布及本辖区内部案例）/ Search the case library',
        description:
          'Chinese full text: space-separated terms must all match; a short Chinese term matches as a substring (垫资 finds 先行垫资启动施工).',
        querystring: CaseLibraryQuery,
        response: { 200: CaseList, ...errorResponses },
      },
    },
    async (request) => searchCases(deps, requireUser(request), request.query),
  );

  api.get(
    '/api/case-library/candidates',
    {
      schema: {
        tags: ['case-library'],
        summary: '可选为典型案例的已决定事项 / Decided matters that may be prepared as cases',
        querystring: CandidateQuery,
        response: { 200: CaseCandidates, ...errorResponses },
      },
    },
    async (request) => listCandidates(deps, requireUser(request), request.query),
  );

  api.post(
    '/api/case-library',
    {
      schema: {
        tags: ['case-library'],
        summary: '选为典型案例（生成脱敏草稿）/ Prepare a de-identified typical case from a decided matter',
        body: PrepareCaseBody,
        response: { 201: z.object({ id: z.uuid() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await prepareCase(deps, requireUser(request), request.body.matterId);
      return reply.code(201).send(result);
    },
  );

  api.get(
    '/api/case-library/:id',
    {
      schema: {
        tags: ['case-library'],
        summary: '典型案例详情（含疑似个人信息标注）/ A typical case, with the personal data still found',
        params: IdParams,
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    async (request) => caseDetail(deps, requireUser(request), request.params.id),
  );

  for (const action of Object.keys(CASE_ENTRY_PROCEDURE.actions) as CaseEntryAction[]) {
    const label = CASE_ENTRY_PROCEDURE.actions[action].label;
    api.post(
      `/api/case-library/:id/actions/${action}`,
      {
        schema: {
          tags: ['case-library'],
          summary: `${label.zh} / ${label.en}`,
          params: IdParams,
          body: CASE_ACTION_BODIES[action],
          response: { 200: CaseDetail, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        await performCaseAction(deps, user, request.params.id, action, request.body as never);
        return caseDetail(deps, user, request.params.id);
      },
    );
  }

  api.get(
    '/api/public/cases',
    {
      schema: {
        tags: ['public'],
        summary: '公开典型案例检索（无需登录）/ Search published typical cases (public)',
        querystring: PublicCaseQuery,
        response: { 200: PublicCaseList, ...errorResponses },
      },
    },
    async (request) => {
      limit(request);
      return searchPublicCases(deps, request.query);
    },
  );

  api.get(
    '/api/public/cases/:id',
    {
      schema: {
        tags: ['public'],
        summary: '公开典型案例（无需登录）/ A published typical case (public)',
        params: IdParams,
        response: { 200: PublicCase, ...errorResponses },
      },
    },
    async (request) => {
      limit(request);
      return publicCaseDetail(deps, request.params.id);
    },
  );
}
