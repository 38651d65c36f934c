import type { Deps } from '../../app/deps.ts';
import type { CreateUserBody } from '../../contracts/admin.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { actorOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { addUser } from '../users/manage-users.ts';
import { checkGrant, requireAdminScope } from './scope.ts';

/**
 * Creates an account with its role grants, all within the administrator's scope; the linked cadre
 * (if any) must be on a roster within it too. The account and each grant are audited by `addUser`.
 */
export async function createUser(
  deps: Deps,
  admin: UserWithGrants,
  body: CreateUserBody,
): Promise<{ id: string }> {
  const scope = requireAdminScope(admin);
  const grants = [];
  for (const [i, grant] of body.roles.entries())
    grants.push(await checkGrant(deps.db, scope, grant, `roles[${i}]`));
  if (body.cadreId) {
    const cadre = await deps.db
      .selectFrom('cadres as c')
      .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
      .select('j.path')
      .where('c.id', '=', body.cadreId)
      .executeTakeFirst();
    if (!cadre || !scope.some((p) => cadre.path.startsWith(p)))
      throw new DomainError('cadre.unknown', {}, 'cadreId');
  }
  return addUser(deps, actorOf(admin), {
    username: body.username,
    displayName: body.displayName.trim(),
    password: body.password,
    cadreId: body.cadreId ?? null,
    roles: grants.map((g) => ({ role: g.role, jurisdictionCode: g.jurisdiction.code, unitId: g.unitId })),
  });
}
