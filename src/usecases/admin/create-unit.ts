import type { Deps } from '../../app/deps.ts';
import { appendAudit } from '../../audit/append.ts';
import type { CreateUnitBody } from '../../contracts/admin.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { jurisdictionInScope } from '../../db/queries/admin.ts';
import { actorOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { requireAdminScope } from './scope.ts';

/** Adds a unit (单位) to a jurisdiction within the admin's scope; codes are unique, names unique per jurisdiction. */
export async function createUnit(deps: Deps, admin: UserWithGrants, body: CreateUnitBody) {
  const scope = requireAdminScope(admin);
  const jurisdiction = await jurisdictionInScope(deps.db, scope, body.jurisdictionId);
  if (!jurisdiction)
    throw new DomainError('jurisdiction.unknown', { code: body.jurisdictionId }, 'jurisdictionId');
  const name = body.name.trim();
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (body.parentId) {
      const parent = await trx
        .selectFrom('units')
        .select('jurisdiction_id')
        .where('id', '=', body.parentId)
        .executeTakeFirst();
      if (!parent || parent.jurisdiction_id !== jurisdiction.id)
        throw new DomainError('unit.parent_invalid', {}, 'parentId');
    }
    const clash = await trx
      .selectFrom('units')
      .select(['code', 'name', 'jurisdiction_id'])
      .where((eb) =>
        eb.or([
          eb('code', '=', body.code),
          eb.and([eb('jurisdiction_id', '=', jurisdiction.id), eb('name', '=', name)]),
        ]),
      )
      .executeTakeFirst();
    if (clash) {
      const field = clash.code === body.code ? 'code' : 'name';
      throw new DomainError('record.duplicate', { field }, field);
    }
    const unit = await trx
      .insertInto('units')
      .values({
        jurisdiction_id: jurisdiction.id,
        parent_id: body.parentId ?? null,
        code: body.code,
        name,
        kind: body.kind,
      })
      .returning(['id', 'code', 'name', 'kind', 'jurisdiction_id', 'parent_id'])
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      {
        actor: actorOf(admin),
        action: 'unit.created',
        entityType: 'unit',
        entityId: unit.id,
        jurisdictionId: jurisdiction.id,
        data: { code: unit.code, name: unit.name, kind: unit.kind },
      },
      now,
    );
    return { ...unit, jurisdiction_name: jurisdiction.name };
  });
}
