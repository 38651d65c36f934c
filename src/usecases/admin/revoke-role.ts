import type { Deps } from '../../app/deps.ts';
import { appendAudit } from '../../audit/append.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { actorOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { requireAdminScope, userInScope } from './scope.ts';

/**
 * Withdraws one role grant within the admin's scope. An account keeps at least one role (disable it
 * instead), and administrators cannot remove their own admin role (no locking oneself out).
 */
export async function revokeRole(
  deps: Deps,
  admin: UserWithGrants,
  userId: string,
  assignmentId: string,
): Promise<void> {
  const scope = requireAdminScope(admin);
  const user = await userInScope(deps.db, scope, userId);
  // Only grants inside the scope are listed for the admin; anything else is "not found".
  const grant = user.roles.find((r) => r.id === assignmentId);
  if (!grant) throw new DomainError('record.not_found');
  if (userId === admin.userId && grant.role === 'admin') throw new DomainError('user.self_lockout');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const all = await trx
      .selectFrom('role_assignments')
      .select('id')
      .where('user_id', '=', userId)
      .forUpdate()
      .execute();
    if (!all.some((r) => r.id === assignmentId)) throw new DomainError('record.conflict');
    if (all.length === 1) throw new DomainError('user.last_role');
    await trx.deleteFrom('role_assignments').where('id', '=', assignmentId).execute();
    await appendAudit(
      trx,
      {
        actor: actorOf(admin),
        action: 'user.role_revoked',
        entityType: 'user',
        entityId: userId,
        jurisdictionId: grant.jurisdiction_id,
        data: { role: grant.role, jurisdiction: grant.code, unitId: grant.unit_id, assignmentId },
      },
      now,
    );
  });
}
