/**
 * Builds the Fastify app without listening (tests use `inject`). Plugins and routes are registered
 * explicitly so every dependency is greppable.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { responseSerializerCompiler } from './serializer.ts';
import '../contracts/bilingual-errors.ts';
import type { Config } from '../config.ts';
import type { Deps } from '../app/deps.ts';
import { frameworkErrorHandler, registerErrorHandling, sendError } from './plugins/errors.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerSecurityHeaders } from './plugins/security.ts';
import { DomainError } from '../domain/errors.ts';
import { healthRoutes } from './routes/health.ts';
import { authRoutes } from './routes/auth.ts';
import { rosterRoutes } from './routes/roster.ts';
import { importRoutes } from './routes/imports.ts';
import { auditRoutes } from './routes/audit.ts';
import { matterRoutes } from './routes/matters.ts';
import { statsRoutes } from './routes/stats.ts';
import { scorecardRoutes } from './routes/scorecard.ts';
import { adminRoutes } from './routes/admin.ts';
import { policyRoutes } from './routes/policy.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { documentRoutes } from './routes/documents.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { correctionRoutes } from './routes/corrections.ts';
import { preRegistrationRoutes } from './routes/pre-registrations.ts';
import { nameClearingRoutes } from './routes/name-clearings.ts';
import { caseLibraryRoutes } from './routes/case-library.ts';
import { sanctionRoutes } from './routes/sanctions.ts';
import { followUpRoutes } from './routes/follow-ups.ts';
import { outcomeLedgerRoutes } from './routes/outcome-ledger.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { consistencyRoutes } from './routes/consistency.ts';

export type AppOptions = {
  config: Config;
  deps: Deps;
  /** Directory of the built web app; omitted in API-only tests. */
  webDir?: string;
  logger?: boolean;
};

export type App = FastifyInstance;
export type RouteContext = { config: Config; deps: Deps };

export const VERSION = '0.1.0';

export async function buildApp(options: AppOptions): Promise<App> {
  const { config, deps } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Ids are uuids; anything longer in a URL is garbage.
    routerOptions: { maxParamLength: 200 },
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Responses: only declared fields, written by fast-json-stringify (serializer.ts).
  app.setSerializerCompiler(responseSerializerCompiler);
  registerErrorHandling(app);

  await registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, parts: 12 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Rongcuo 容错纠错 API', version: VERSION, description: '容错纠错工作平台接口 / Fault tolerance and error correction platform API' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'rc_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuth(app, deps, { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours }, { demo: config.demo });
  const ctx: RouteContext = { config, deps };
  await app.register(async (api) => {
    healthRoutes(api, ctx);
    authRoutes(api, ctx);
    rosterRoutes(api, ctx);
    importRoutes(api, ctx);
    auditRoutes(api, ctx);
    matterRoutes(api, ctx);
    statsRoutes(api, ctx);
    scorecardRoutes(api, ctx);
    adminRoutes(api, ctx);
    policyRoutes(api, ctx);
    calendarRoutes(api, ctx);
    documentRoutes(api, ctx);
    evidenceRoutes(api, ctx);
    correctionRoutes(api, ctx);
    preRegistrationRoutes(api, ctx);
    nameClearingRoutes(api, ctx);
    caseLibraryRoutes(api, ctx);
    sanctionRoutes(api, ctx);
    followUpRoutes(api, ctx);
    outcomeLedgerRoutes(api, ctx);
    webhookRoutes(api, ctx);
    consistencyRoutes(api, ctx);
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDir = options.webDir;
  const hasWeb = webDir !== undefined && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    // Client-side routes get the SPA; unknown API paths and assets get a JSON 404.
    if (hasWeb && request.method === 'GET' && !pathname.startsWith('/api/') && !path.extname(pathname)) {
      return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, new DomainError('route.not_found', {}, pathname));
  });
  return app;
}
