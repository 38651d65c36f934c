import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contracts/common.ts';
import { ImportQuery, ImportReport } from '../../contracts/roster.ts';
import { DomainError } from '../../domain/errors.ts';
import { scopeOf } from '../../domain/access.ts';
import { importCadres } from '../../usecases/roster/import-cadres.ts';
import { buildRosterTemplate } from '../../roster/template.ts';
import { requireUser } from '../plugins/auth.ts';
import { sendError } from '../plugins/errors.ts';
import type { RouteContext } from '../build-app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function importRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/imports/cadres',
    {
      schema: {
        tags: ['roster'],
        summary: '导入干部名册（.xlsx / .csv，multipart 字段 file）/ Import the cadre roster',
        querystring: ImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ImportReport, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!request.isMultipart()) throw new DomainError('request.unsupported_media_type');
      const file = await request.file();
      if (!file) throw new DomainError('import.unsupported_file', {}, 'file');
      const bytes = await file.toBuffer();
      const { report } = await importCadres(deps, user, { bytes, filename: file.filename, ...request.query });
      if (report.status === 'rejected') {
        return sendError(reply, new DomainError('import.rows_invalid', { count: new Set(report.errors.map((e) => e.row)).size }), { report });
      }
      return report;
    },
  );

  api.get('/api/imports/cadres/template.xlsx', { schema: { tags: ['roster'], summary: '名册导入模板 / Import template' } }, async (request, reply) => {
    const user = requireUser(request);
    if (scopeOf(user, 'roster.import').length === 0) throw new DomainError('auth.forbidden');
    const bytes = await buildRosterTemplate();
    return reply
      .type(XLSX)
      .header('Content-Disposition', `attachment; filename="roster-template.xlsx"; filename*=UTF-8''${encodeURIComponent('干部名册导入模板.xlsx')}`)
      .send(Buffer.from(bytes));
  });
}
