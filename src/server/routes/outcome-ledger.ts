/**
 * 结果运用台账 routes: the organisation department's ledger (list with filters, Excel export), one
 * cadre's entries (the cadre page, the cadre's own view), and the pull API for systems that poll.
 * Thin adapters over src/usecases/outcome-ledger.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contracts/common.ts';
import {
  CadreLedger,
  LedgerExportQuery,
  LedgerList,
  LedgerListQuery,
  OutcomeFeed,
  OutcomeFeedQuery,
} from '../../contracts/outcome-ledger.ts';
import { cadreLedger, listLedger, outcomeFeed } from '../../usecases/outcome-ledger/read.ts';
import { exportLedger } from '../../usecases/outcome-ledger/export.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

export function outcomeLedgerRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/outcome-ledger',
    {
      schema: {
        tags: ['outcome-ledger'],
        summary: '结果运用台账 / Outcome ledger',
        description:
          'The organisation department: entries of the cadres in its jurisdictions, newest first. A cadre: their own entries.',
        querystring: LedgerListQuery,
        response: { 200: LedgerList, ...errorResponses },
      },
    },
    async (request) => listLedger(deps.db, requireUser(request), request.query),
  );

  api.get(
    '/api/outcome-ledger/export.xlsx',
    {
      schema: {
        tags: ['outcome-ledger'],
        summary: '导出结果运用台账 / Export the outcome ledger (.xlsx)',
        description: 'Organisation department; the list filters apply. Audited.',
        querystring: LedgerExportQuery,
      },
    },
    async (request, reply) => {
      const bytes = await exportLedger(deps, requireUser(request), request.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'Content-Disposition',
          `attachment; filename="outcome-ledger.xlsx"; filename*=UTF-8''${encodeURIComponent('结果运用台账.xlsx')}`,
        )
        .send(Buffer.from(bytes));
    },
  );

  api.get(
    '/api/cadres/:id/outcome-ledger',
    {
      schema: {
        tags: ['outcome-ledger'],
        summary: '干部结果运用记录 / A cadre’s outcome ledger',
        params: IdParams,
        response: { 200: CadreLedger, ...errorResponses },
      },
    },
    async (request) => cadreLedger(deps.db, requireUser(request), request.params.id),
  );

  api.get(
    '/api/outcomes',
    {
      schema: {
        tags: ['outcome-ledger'],
        summary: '结果运用拉取接口 / Outcomes feed for polling systems',
        description:
          'Entries in the order they were recorded. Start without `cursor`, then pass `nextCursor` back; no entry is skipped or repeated. See docs/INTEGRATION.md.',
        querystring: OutcomeFeedQuery,
        response: { 200: OutcomeFeed, ...errorResponses },
      },
    },
    async (request) => outcomeFeed(deps.db, requireUser(request), request.query),
  );
}
