/**
 * 实施力度评价 routes: the county scorecard (GET, and the same as .xlsx) and the weights a city or
 * province sets for its comparisons. Thin: scope, suppression and weights are the use case's.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contracts/common.ts';
import {
  Scorecard,
  ScorecardQuery,
  ScorecardWeightsBody,
  ScorecardWeightsSet,
} from '../../contracts/scorecard.ts';
import { getScorecard, setScorecardWeights } from '../../usecases/stats/scorecard.ts';
import { presentScorecard } from '../../usecases/stats/present-scorecard.ts';
import { scorecardXlsx } from '../../usecases/stats/scorecard-xlsx.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

export function scorecardRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/stats/scorecard',
    {
      schema: {
        tags: ['stats'],
        summary: '实施力度评价 / County scorecard',
        querystring: ScorecardQuery,
        response: { 200: Scorecard, ...errorResponses },
      },
    },
    async (request) => presentScorecard(await getScorecard(deps, requireUser(request), request.query)),
  );

  api.get(
    '/api/stats/scorecard.xlsx',
    {
      schema: {
        tags: ['stats'],
        summary: '导出实施力度评价 / Export the scorecard (.xlsx)',
        querystring: ScorecardQuery,
      },
    },
    async (request, reply) => {
      const body = presentScorecard(await getScorecard(deps, requireUser(request), request.query));
      const bytes = await scorecardXlsx(body);
      const name = `${body.scope.name}${body.period.label.zh}实施力度评价.xlsx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'Content-Disposition',
          `attachment; filename="scorecard.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(Buffer.from(bytes));
    },
  );

  api.post(
    '/api/stats/scorecard/weights',
    {
      schema: {
        tags: ['stats'],
        summary: '设置实施力度评价权重 / Set the scorecard weights',
        body: ScorecardWeightsBody,
        response: { 201: ScorecardWeightsSet, ...errorResponses },
      },
    },
    async (request, reply) => {
      const set = await setScorecardWeights(deps, requireUser(request), request.body);
      const { parentId: _parent, ...jurisdiction } = set.jurisdiction;
      return reply.status(201).send({ ...set, jurisdiction, weights: set.weights });
    },
  );
}
