import type { Deps } from '../../app/deps.ts';
import { appendAudit } from '../../audit/append.ts';
import type { RoleGrantBody } from '../../contracts/admin.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { actorOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkGrant, requireAdminScope, userInScope } from './scope.ts';

/** Grants a role scoped to a jurisdiction (and a unit, for a unit leader) within the admin's scope. */
export async function grantRole(
  deps: Deps,
  admin: UserWithGrants,
  userId: string,
  body: RoleGrantBody,
): Promise<{ assignmentId: string }> {
  const scope = requireAdminScope(admin);
  await userInScope(deps.db, scope, userId);
  const grant = await checkGrant(deps.db, scope, body, '');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('role_assignments')
      .select('id')
      .where('user_id', '=', userId)
      .where('role', '=', grant.role)
      .where('jurisdiction_id', '=', grant.jurisdiction.id)
      .executeTakeFirst();
    if (existing) throw new DomainError('record.duplicate', { field: 'role' }, 'role');
    const { id } = await trx
      .insertInto('role_assignments')
      .values({
        user_id: userId,
        role: grant.role,
        jurisdiction_id: grant.jurisdiction.id,
        unit_id: grant.unitId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      {
        actor: actorOf(admin),
        action: 'user.role_granted',
        entityType: 'user',
        entityId: userId,
        jurisdictionId: grant.jurisdiction.id,
        data: {
          role: grant.role,
          jurisdiction: grant.jurisdiction.code,
          unitId: grant.unitId,
          assignmentId: id,
        },
      },
      now,
    );
    return { assignmentId: id };
  });
}
