import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBody, SessionResponse, type Me } from '../../contracts/auth.ts';
import { errorResponses } from '../../contracts/common.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { loadPrincipal } from '../../db/queries/principal.ts';
import { login } from '../../usecases/auth/login.ts';
import { logout } from '../../usecases/auth/session.ts';
import { SESSION_COOKIE, clearSessionCookie, requireUser, sessionCookieOptions } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

export function presentMe(user: UserWithGrants, demo: boolean): Me {
  return { id: user.userId, username: user.username, displayName: user.displayName, cadreId: user.cadreId, roles: user.grantsDetail, demo };
}

export function authRoutes(app: FastifyInstance, { config, deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const times = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };

  api.post(
    '/api/auth/login',
    {
      config: { skipCsrfToken: true },
      schema: { tags: ['auth'], summary: '登录 / Sign in', body: LoginBody, response: { 200: SessionResponse, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await login(deps, times, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      const user = await loadPrincipal(deps.db, result.userId);
      if (!user) throw new Error('user vanished during sign-in');
      reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(request.protocol === 'https', result.expiresAt));
      return { user: presentMe(user, config.demo), csrfToken: result.csrfToken };
    },
  );

  api.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录 / Sign out', response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const user = requireUser(request);
      if (request.session) await logout(deps, request.session, user.username);
      clearSessionCookie(reply, request.protocol === 'https');
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户 / Current user', response: { 200: SessionResponse, ...errorResponses } } },
    async (request) => {
      const user = requireUser(request);
      return { user: presentMe(user, config.demo), csrfToken: request.session!.csrfToken };
    },
  );
}
