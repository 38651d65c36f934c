/**
 * Session look-up with idle and absolute expiry. Sessions live in the database so any app node can
 * serve any request; last-seen is written at most once a minute to keep reads cheap.
 */
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import { appendAudit } from '../../audit/append.ts';
import { sm3Hex } from '../../crypto/sm3.ts';
import type { Database } from '../../db/schema.ts';
import { loadSessionWithPrincipal, type UserWithGrants } from '../../db/queries/principal.ts';
import type { SessionTimes } from './login.ts';

export type NewSession = { token: string; csrfToken: string; expiresAt: Date };

/** Creates a session row (only the SM3 of the cookie token is stored); the caller audits the sign-in. */
export async function openSession(
  trx: Transaction<Database>,
  userId: string,
  now: Date,
  times: SessionTimes,
  client: { ip: string; userAgent: string },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + times.absoluteHours * 3_600_000);
  await trx
    .insertInto('sessions')
    .values({
      token_hash: sm3Hex(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ip: client.ip,
      user_agent: client.userAgent.slice(0, 300),
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export type ActiveSession = { tokenHash: string; userId: string; csrfToken: string };
/** A session look-up that also brings its user: `principal` is null when the account is missing or disabled. */
export type SessionPrincipalLookup =
  | { status: 'active'; session: ActiveSession; principal: UserWithGrants | null; twoFactorEnabled: boolean }
  | { status: 'expired' }
  | { status: 'none' };

/**
 * The session of a cookie token with idle and absolute expiry, and its principal, in one round trip:
 * what every request runs first. An expired session is deleted.
 */
export async function resolveSessionPrincipal(deps: Pick<Deps, 'db' | 'clock'>, times: SessionTimes, token: string | undefined): Promise<SessionPrincipalLookup> {
  if (!token || token.length > 100) return { status: 'none' };
  const { db, clock } = deps;
  const now = clock.now();
  const tokenHash = sm3Hex(token);
  const row = await loadSessionWithPrincipal(db, tokenHash);
  if (!row) return { status: 'none' };
  const idleDeadline = row.lastSeenAt.getTime() + times.idleMinutes * 60_000;
  if (row.expiresAt <= now || idleDeadline <= now.getTime()) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return { status: 'expired' };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
  }
  return { status: 'active', session: { tokenHash, userId: row.userId, csrfToken: row.csrfToken }, principal: row.principal, twoFactorEnabled: row.twoFactorEnabled };
}

export async function logout(deps: Pick<Deps, 'db' | 'clock'>, session: ActiveSession, actorLabel: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('token_hash', '=', session.tokenHash).execute();
    await appendAudit(trx, { actor: { userId: session.userId, label: actorLabel }, action: 'auth.logout', entityType: 'user', entityId: session.userId }, now);
  });
}

/** "Log out everywhere": ends every session of the user (this one included) and any pending sign-in step. */
export async function logoutEverywhere(deps: Pick<Deps, 'db' | 'clock'>, userId: string, actorLabel: string): Promise<{ sessions: number }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const ended = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    await trx.deleteFrom('login_challenges').where('user_id', '=', userId).execute();
    const sessions = Number(ended.numDeletedRows);
    await appendAudit(trx, { actor: { userId, label: actorLabel }, action: 'auth.logout_all', entityType: 'user', entityId: userId, data: { sessions } }, now);
    return { sessions };
  });
}
