/**
 * An administrator's reach: the jurisdictions where they hold the admin role and everything below.
 * Accounts, role grants and units outside it answer exactly like missing ones.
 */
import type { Db } from '../../db/connect.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { findUnit, findUserInScope, jurisdictionInScope, type AdminUserRow } from '../../db/queries/admin.ts';
import { scopeOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';

/** The admin's scope, or 403 for anyone who administers nothing. */
export function requireAdminScope(user: UserWithGrants): string[] {
  const scope = scopeOf(user, 'users.manage');
  if (scope.length === 0) throw new DomainError('auth.forbidden');
  return scope;
}

/** The account if it is within the scope, else 404. */
export async function userInScope(db: Db, scope: string[], id: string): Promise<AdminUserRow> {
  const found = await findUserInScope(db, scope, id);
  if (!found) throw new DomainError('record.not_found');
  return found;
}

export type CheckedGrant = {
  role: Role;
  jurisdiction: { id: string; code: string; path: string };
  unitId: string | null;
};

/**
 * Checks one role grant against the admin's scope: the jurisdiction lies within it, and a unit
 * leader's unit lies within that jurisdiction (no other role takes a unit). `field` prefixes the
 * names of wrong fields, e.g. 'roles[1]'.
 */
export async function checkGrant(
  db: Db,
  scope: string[],
  grant: { role: Role; jurisdictionId: string; unitId?: string | undefined },
  field: string,
): Promise<CheckedGrant> {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const jurisdiction = await jurisdictionInScope(db, scope, grant.jurisdictionId);
  if (!jurisdiction)
    throw new DomainError('jurisdiction.unknown', { code: grant.jurisdictionId }, at('jurisdictionId'));
  if (grant.role !== 'unit_leader') {
    if (grant.unitId) throw new DomainError('role.unit_not_applicable', {}, at('unitId'));
    return { role: grant.role, jurisdiction, unitId: null };
  }
  const unit = grant.unitId ? await findUnit(db, grant.unitId) : undefined;
  if (!unit || !unit.path.startsWith(jurisdiction.path))
    throw new DomainError('role.unit_required', {}, at('unitId'));
  return { role: grant.role, jurisdiction, unitId: unit.id };
}
