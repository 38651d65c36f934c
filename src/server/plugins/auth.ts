/**
 * Resolves the session cookie into a principal, and refuses cross-site state changes: a request that
 * changes anything must come from our own origin and, once signed in, carry the session's CSRF token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { resolveSessionPrincipal, type ActiveSession } from '../../usecases/auth/session.ts';
import type { SessionTimes } from '../../usecases/auth/login.ts';
import { requiresTwoFactor } from '../../domain/two-factor.ts';
import type { Deps } from '../../app/deps.ts';

export const SESSION_COOKIE = 'rc_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    session: ActiveSession | null;
    sessionExpired: boolean;
    principal: UserWithGrants | null;
    /** Signed in, but the role needs a second factor first: only routes marked `twoFactorEnrolment` see the principal. */
    twoFactorEnrolmentRequired: boolean;
  }
  interface FastifyContextConfig {
    /** The route needs no CSRF token (sign-in: no session yet, or replacing one). */
    skipCsrfToken?: boolean;
    /** The route stays open to a session still waiting for its second factor (me, logout, enrolment). */
    twoFactorEnrolment?: boolean;
  }
}

export function sessionCookieOptions(secure: boolean, expires?: Date) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure, ...(expires ? { expires } : {}) };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function isCrossSite(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/**
 * @param options.demo demo mode: the second factor is optional for every role (DESIGN §4); outside
 *   it a commission or supervisor account without one can only enrol.
 */
export function registerAuth(app: FastifyInstance, deps: Pick<Deps, 'db' | 'clock'>, times: SessionTimes, options: { demo: boolean } = { demo: false }): void {
  app.decorateRequest('session', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('principal', null);
  app.decorateRequest('twoFactorEnrolmentRequired', false);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && isCrossSite(request)) throw new DomainError('request.cross_site');
    // Session, user, grants and second factor in one statement.
    const lookup = await resolveSessionPrincipal(deps, times, request.cookies[SESSION_COOKIE]);
    if (lookup.status === 'expired') request.sessionExpired = true;
    if (lookup.status !== 'active') return;
    const { principal } = lookup;
    if (!principal) return;
    // Sign-in needs no token (it has no session yet, or replaces one); the origin check above still holds.
    const skipToken = (request.routeOptions.config as { skipCsrfToken?: boolean } | undefined)?.skipCsrfToken === true;
    if (unsafe && !skipToken) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, lookup.session.csrfToken)) throw new DomainError('request.cross_site');
    }
    request.session = lookup.session;
    if (requiresTwoFactor(principal.grants.map((g) => g.role), options.demo) && !lookup.twoFactorEnabled) {
      request.twoFactorEnrolmentRequired = true;
      if (request.routeOptions.config?.twoFactorEnrolment !== true) return;
    }
    request.principal = principal;
  });
}

/** The signed-in principal, or 401 (saying whether the session expired or never existed). */
export function requireUser(request: FastifyRequest): UserWithGrants {
  if (request.principal) return request.principal;
  if (request.twoFactorEnrolmentRequired) throw new DomainError('auth.two_factor_enrolment_required');
  throw new DomainError(request.sessionExpired ? 'auth.session_expired' : 'auth.required');
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(secure));
}
