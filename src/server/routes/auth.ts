import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  LoginBody,
  LoginResponse,
  SecondFactorBody,
  SessionResponse,
  TwoFactorConfirmBody,
  TwoFactorConfirmResponse,
  TwoFactorSetupResponse,
  type Me,
} from '../../contracts/auth.ts';
import { errorResponses } from '../../contracts/common.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { loadPrincipal } from '../../db/queries/principal.ts';
import { requiresTwoFactor } from '../../domain/two-factor.ts';
import { login } from '../../usecases/auth/login.ts';
import { completeSecondFactor } from '../../usecases/auth/login-second-factor.ts';
import { logout, logoutEverywhere } from '../../usecases/auth/session.ts';
import { confirmTwoFactor, setupTwoFactor, twoFactorEnabled } from '../../usecases/auth/two-factor.ts';
import { SESSION_COOKIE, clearSessionCookie, requireUser, sessionCookieOptions } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

export function presentMe(user: UserWithGrants, demo: boolean): Me {
  return { id: user.userId, username: user.username, displayName: user.displayName, cadreId: user.cadreId, roles: user.grantsDetail, demo };
}

export function authRoutes(app: FastifyInstance, { config, deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const times = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };

  /** Sets the cookie and answers `{ user, csrfToken }` (+ `twoFactorEnrolmentRequired: true` when enrolment comes first). */
  async function startSession(request: FastifyRequest, reply: FastifyReply, session: { token: string; csrfToken: string; userId: string; expiresAt: Date }) {
    const user = await loadPrincipal(deps.db, session.userId);
    if (!user) throw new Error('user vanished during sign-in');
    reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(request.protocol === 'https', session.expiresAt));
    const enrol = requiresTwoFactor(user.grants.map((g) => g.role), config.demo) && !(await twoFactorEnabled(deps.db, user.userId));
    return { user: presentMe(user, config.demo), csrfToken: session.csrfToken, ...(enrol ? { twoFactorEnrolmentRequired: true as const } : {}) };
  }

  api.post(
    '/api/auth/login',
    {
      config: { skipCsrfToken: true },
      schema: {
        tags: ['auth'],
        summary: '登录 / Sign in',
        description: 'Answers `{ user, csrfToken }` with the session cookie, or — for an account with a second factor — `{ twoFactorRequired: true, challenge, expiresAt }` and no cookie: continue with POST /api/auth/login/2fa.',
        body: LoginBody,
        response: { 200: LoginResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await login(deps, times, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      if (result.kind === 'two_factor') return { twoFactorRequired: true as const, challenge: result.challenge, expiresAt: result.expiresAt.toISOString() };
      return startSession(request, reply, result);
    },
  );

  api.post(
    '/api/auth/login/2fa',
    {
      config: { skipCsrfToken: true },
      schema: {
        tags: ['auth'],
        summary: '登录第二步：动态验证码或恢复码 / Sign in, step two: authenticator code or recovery code',
        body: SecondFactorBody,
        response: { 200: SessionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = await completeSecondFactor(deps, times, {
        challenge: request.body.challenge,
        ...(request.body.token !== undefined ? { token: request.body.token } : {}),
        ...(request.body.recoveryCode !== undefined ? { recoveryCode: request.body.recoveryCode } : {}),
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      return startSession(request, reply, session);
    },
  );

  api.post(
    '/api/auth/2fa/setup',
    {
      config: { twoFactorEnrolment: true },
      schema: { tags: ['auth'], summary: '绑定身份验证器：生成密钥与二维码 / Set up an authenticator: secret and QR code', response: { 200: TwoFactorSetupResponse, ...errorResponses } },
    },
    async (request) => {
      const user = requireUser(request);
      return setupTwoFactor(deps, user);
    },
  );

  api.post(
    '/api/auth/2fa/confirm',
    {
      config: { twoFactorEnrolment: true },
      schema: {
        tags: ['auth'],
        summary: '确认绑定：输入验证码，获取一次性恢复码 / Confirm with a code; returns the one-time recovery codes (shown once)',
        body: TwoFactorConfirmBody,
        response: { 200: TwoFactorConfirmResponse, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return confirmTwoFactor(deps, user, request.body.token, request.session?.tokenHash ?? null);
    },
  );

  api.post(
    '/api/auth/logout-all',
    {
      config: { twoFactorEnrolment: true },
      schema: { tags: ['auth'], summary: '退出所有设备 / Sign out everywhere', response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await logoutEverywhere(deps, user.userId, user.username);
      clearSessionCookie(reply, request.protocol === 'https');
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/auth/logout',
    { config: { twoFactorEnrolment: true }, schema: { tags: ['auth'], summary: '退出登录 / Sign out', response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const user = requireUser(request);
      if (request.session) await logout(deps, request.session, user.username);
      clearSessionCookie(reply, request.protocol === 'https');
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/auth/me',
    { config: { twoFactorEnrolment: true }, schema: { tags: ['auth'], summary: '当前用户 / Current user', response: { 200: SessionResponse, ...errorResponses } } },
    async (request) => {
      const user = requireUser(request);
      return {
        user: presentMe(user, config.demo),
        csrfToken: request.session!.csrfToken,
        twoFactorEnabled: await twoFactorEnabled(deps.db, user.userId),
        ...(request.twoFactorEnrolmentRequired ? { twoFactorEnrolmentRequired: true as const } : {}),
      };
    },
  );
}
