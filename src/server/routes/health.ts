import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { HealthResponse } from '../../contracts/auth.ts';
import { MIGRATION_NAMES } from '../../db/migrate.ts';
import { VERSION, type RouteContext } from '../build-app.ts';

export function healthRoutes(app: FastifyInstance, { config, deps }: RouteContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    { schema: { tags: ['system'], summary: '健康检查 / Health', response: { 200: HealthResponse } } },
    async () => {
      await sql`select 1`.execute(deps.db);
      return { status: 'ok' as const, database: config.database, version: VERSION, demo: config.demo, migrations: MIGRATION_NAMES.length };
    },
  );
}
