import type { Db } from '../connect.ts';
import type { Principal } from '../../domain/access.ts';

export type UserWithGrants = Principal & {
  displayName: string;
  grantsDetail: { role: Principal['grants'][number]['role']; jurisdiction: { id: string; code: string; name: string; level: string }; unitId: string | null }[];
};

/** Loads a user's role grants with their jurisdictions' paths: the input to every authorization check. */
export async function loadPrincipal(db: Db, userId: string): Promise<UserWithGrants | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'cadre_id', 'status'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.status !== 'active') return null;
  const grants = await db
    .selectFrom('role_assignments as r')
    .innerJoin('jurisdictions as j', 'j.id', 'r.jurisdiction_id')
    .select(['r.role', 'r.unit_id', 'j.id as jid', 'j.code', 'j.name', 'j.level', 'j.path'])
    .where('r.user_id', '=', userId)
    .orderBy('r.created_at')
    .execute();
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    cadreId: user.cadre_id,
    grants: grants.map((g) => ({ role: g.role, jurisdictionId: g.jid, jurisdictionPath: g.path, unitId: g.unit_id })),
    grantsDetail: grants.map((g) => ({ role: g.role, jurisdiction: { id: g.jid, code: g.code, name: g.name, level: g.level }, unitId: g.unit_id })),
  };
}
