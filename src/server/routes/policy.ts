import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contracts/common.ts';
import { FactsSchema, RecommendationSchema } from '../../contracts/facts.ts';
import {
  EffectivePolicy,
  PolicyDiff,
  PolicyDiffQuery,
  PolicyIdParams,
  PolicyList,
  PolicyParams,
} from '../../contracts/admin.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import { diffPolicies } from '../../domain/policy/diff.ts';
import { policyDefinitions, policyVersion } from '../../usecases/policy-context.ts';
import { chainFromDatabase, recommendFromFacts } from '../../usecases/policy/evaluate-facts.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

/** Policies (versioned rule data) and decision support; open to every signed-in user: they hold no personal data. */
export function policyRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/policy/evaluate',
    {
      schema: {
        tags: ['policy'],
        summary: '依据事实材料给出容错建议（不作决定）/ Recommend from established facts (FACTS.md)',
        description: 'Same contract as `rongcuo evaluate --json`. Errors name the field, e.g. `gates.G3`.',
        body: FactsSchema,
        response: { 200: RecommendationSchema, ...errorResponses },
      },
      // The facts are parsed by the same code as the CLI, so errors read the same (facts.invalid, field gates.G3).
      validatorCompiler: () => (data: unknown) => ({ value: data }),
    },
    async (request) => {
      requireUser(request);
      return recommendFromFacts(request.body, {
        chainFor: chainFromDatabase(deps.db),
        decisionDate: toBeijingDate(deps.clock.now()),
      });
    },
  );

  api.get(
    '/api/policies',
    {
      schema: {
        tags: ['policy'],
        summary: '容错纠错政策及版本 / Policies and versions',
        response: { 200: PolicyList, ...errorResponses },
      },
    },
    async (request) => {
      requireUser(request);
      const items = [...policyDefinitions()]
        .sort(
          (a, b) =>
            (a.jurisdiction ?? '').localeCompare(b.jurisdiction ?? '') ||
            a.id.localeCompare(b.id) ||
            a.version.localeCompare(b.version),
        )
        .map((p) => ({
          id: p.id,
          jurisdiction: p.jurisdiction,
          version: p.version,
          title: p.title,
          issuedBy: p.issuedBy,
          parent: p.parent ?? null,
        }));
      return { items };
    },
  );

  api.get(
    '/api/policies/:id/diff',
    {
      schema: {
        tags: ['policy'],
        summary: '政策版本比较 / What changed between two versions',
        params: PolicyIdParams,
        querystring: PolicyDiffQuery,
        response: { 200: PolicyDiff, ...errorResponses },
      },
    },
    async (request) => {
      requireUser(request);
      const { id } = request.params;
      return diffPolicies(policyVersion(id, request.query.from), policyVersion(id, request.query.to));
    },
  );

  api.get(
    '/api/policies/:id/:version',
    {
      schema: {
        tags: ['policy'],
        summary: '某一版本的完整政策（含继承）/ A version with inheritance applied',
        params: PolicyParams,
        response: { 200: EffectivePolicy, ...errorResponses },
      },
    },
    async (request) => {
      requireUser(request);
      return policyVersion(request.params.id, request.params.version);
    },
  );
}
