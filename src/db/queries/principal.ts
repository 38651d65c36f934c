import { sql, type Expression } from 'kysely';
import type { Db } from '../connect.ts';
import type { Principal } from '../../domain/access.ts';

export type UserWithGrants = Principal & {
  displayName: string;
  grantsDetail: { role: Principal['grants'][number]['role']; jurisdiction: { id: string; code: string; name: string; level: string }; unitId: string | null }[];
};

type GrantRow = { role: Principal['grants'][number]['role']; unit_id: string | null; jid: string; code: string; name: string; level: string; path: string };
type UserRow = { id: string; username: string; display_name: string; cadre_id: string | null; status: string; grants: GrantRow[] };

/** A user's role grants with their jurisdictions, aggregated into one JSON column of the user's row. */
const grantsOf = (userId: Expression<string>) => sql<GrantRow[]>`(
  select coalesce(json_agg(json_build_object('role', r.role, 'unit_id', r.unit_id, 'jid', j.id, 'code', j.code, 'name', j.name, 'level', j.level, 'path', j.path)
    order by r.created_at, r.id), '[]')
  from role_assignments r join jurisdictions j on j.id = r.jurisdiction_id where r.user_id = ${userId})`;

function principalOf(user: UserRow): UserWithGrants | null {
  if (user.status !== 'active') return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    cadreId: user.cadre_id,
    grants: user.grants.map((g) => ({ role: g.role, jurisdictionId: g.jid, jurisdictionPath: g.path, unitId: g.unit_id })),
    grantsDetail: user.grants.map((g) => ({ role: g.role, jurisdiction: { id: g.jid, code: g.code, name: g.name, level: g.level }, unitId: g.unit_id })),
  };
}

/** Loads a user's role grants with their jurisdictions' paths: the input to every authorization check. One round trip. */
export async function loadPrincipal(db: Db, userId: string): Promise<UserWithGrants | null> {
  const user = await db
    .selectFrom('users as u')
    .select(['u.id', 'u.username', 'u.display_name', 'u.cadre_id', 'u.status', grantsOf(sql.ref('u.id')).as('grants')])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  return user ? principalOf(user) : null;
}

export type SessionWithPrincipal = {
  userId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  /** Null when the account is missing or disabled. */
  principal: UserWithGrants | null;
  twoFactorEnabled: boolean;
};

/**
 * Everything a request needs to know about who sends it — the session, its user, the user's grants
 * and whether a second factor is enrolled — in ONE statement: every authenticated request starts with
 * it, so each round trip saved here is saved on every page.
 */
export async function loadSessionWithPrincipal(db: Db, tokenHash: string): Promise<SessionWithPrincipal | null> {
  const row = await db
    .selectFrom('sessions as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.user_id', 's.csrf_token', 's.last_seen_at', 's.expires_at',
      'u.id', 'u.username', 'u.display_name', 'u.cadre_id', 'u.status', 'u.totp_enabled_at',
      grantsOf(sql.ref('s.user_id')).as('grants'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const principal = row.id === null ? null : principalOf({ id: row.id, username: row.username!, display_name: row.display_name!, cadre_id: row.cadre_id, status: row.status!, grants: row.grants });
  return { userId: row.user_id, csrfToken: row.csrf_token, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at, principal, twoFactorEnabled: row.totp_enabled_at != null };
}
