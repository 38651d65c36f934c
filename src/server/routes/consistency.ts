/**
 * 认定尺度统一 routes: the similar decided matters beside a determination, and the supervisor's
 * outcome mix by unit and decision-maker.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contracts/common.ts';
import { OutcomeMix, OutcomeMixQuery, SimilarMatters, SimilarQuery } from '../../contracts/consistency.ts';
import { outcomeMix } from '../../usecases/consistency/outcome-mix.ts';
import { similarMatters } from '../../usecases/consistency/similar-matters.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

export function consistencyRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/matters/:id/similar',
    {
      schema: {
        tags: ['tolerance'],
        summary: '类似已决事项与认定尺度 / Similar decided matters and the settled practice',
        description:
          'Ranked by the same gates, situations and exclusions first (points out of 1,000), then by the text of the facts. Names appear only for matters the viewer may read; places outside the viewer’s scope are generalised.',
        params: IdParams,
        querystring: SimilarQuery,
        response: { 200: SimilarMatters, ...errorResponses },
      },
    },
    async (request) => similarMatters(deps, requireUser(request), request.params.id, request.query.limit),
  );

  api.get(
    '/api/stats/consistency',
    {
      schema: {
        tags: ['stats'],
        summary: '认定结果结构（按单位、承办人、决定人）/ Outcome mix by unit and decision-maker',
        description:
          'Groups whose tolerance rate is far above the rest of the scope are flagged (exact one-sided binomial test, Bonferroni-corrected, and at least 20 points above). Counts of 1–4 are withheld as "<5" for viewers who may not read the matters.',
        querystring: OutcomeMixQuery,
        response: { 200: OutcomeMix, ...errorResponses },
      },
    },
    async (request) => outcomeMix(deps, requireUser(request), request.query),
  );
}
