/**
 * Session look-up with idle and absolute expiry. Sessions live in the database so any app node can
 * serve any request; last-seen is written at most once a minute to keep reads cheap.
 */
import type { Deps } from '../../app/deps.ts';
import { appendAudit } from '../../audit/append.ts';
import { sm3Hex } from '../../crypto/sm3.ts';
import type { SessionTimes } from './login.ts';

export type ActiveSession = { tokenHash: string; userId: string; csrfToken: string };
export type SessionLookup = { status: 'active'; session: ActiveSession } | { status: 'expired' } | { status: 'none' };

export async function resolveSession(deps: Pick<Deps, 'db' | 'clock'>, times: SessionTimes, token: string | undefined): Promise<SessionLookup> {
  if (!token || token.length > 100) return { status: 'none' };
  const { db, clock } = deps;
  const now = clock.now();
  const tokenHash = sm3Hex(token);
  const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row) return { status: 'none' };
  const idleDeadline = row.last_seen_at.getTime() + times.idleMinutes * 60_000;
  if (row.expires_at <= now || idleDeadline <= now.getTime()) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return { status: 'expired' };
  }
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
  }
  return { status: 'active', session: { tokenHash, userId: row.user_id, csrfToken: row.csrf_token } };
}

export async function logout(deps: Pick<Deps, 'db' | 'clock'>, session: ActiveSession, actorLabel: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('token_hash', '=', session.tokenHash).execute();
    await appendAudit(trx, { actor: { userId: session.userId, label: actorLabel }, action: 'auth.logout', entityType: 'user', entityId: session.userId }, now);
  });
}
