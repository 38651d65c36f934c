/**
 * Loads a matter of any type as the given user sees it: 404 when they may not see it at all (exactly
 * like a missing one), otherwise the row, how much they may read and how they stand to it — the
 * access rules of domain/matters/access.ts, the same for every procedure. Each type's loader adds its
 * procedure's view of the matter on top.
 */
import type { Db } from '../../db/connect.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import type { Matter, MatterType } from '../../db/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import { matterAccess, type MatterView } from '../../domain/matters/access.ts';
import type { Actor } from '../../domain/procedure/engine.ts';

export type MatterAccessLoaded = {
  matter: Matter;
  jurisdictionPath: string;
  actor: Actor;
  view: MatterView;
};

export type LoadOptions = {
  /** Only a matter of this type is found; any type when omitted. */
  type?: MatterType;
  /** Views that count as seeing the matter (e.g. no 'limited' for downloads). */
  minimumView?: MatterView[];
};

/** The matter row with its jurisdiction's path. */
export async function loadMatterRow(db: Db, id: string) {
  return db
    .selectFrom('matters as m')
    .innerJoin('jurisdictions as j', 'j.id', 'm.jurisdiction_id')
    .selectAll('m')
    .select('j.path as jurisdiction_path')
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/**
 * @param db the database, or the transaction a step runs in when the matter is read inside it.
 * @throws DomainError('record.not_found') for a missing matter, another type, or one out of view.
 */
export async function loadMatterAccess(
  db: Db,
  user: UserWithGrants,
  id: string,
  opts: LoadOptions = {},
): Promise<MatterAccessLoaded> {
  const row = await loadMatterRow(db, id);
  if (!row || (opts.type !== undefined && row.type !== opts.type)) throw new DomainError('record.not_found');
  const { jurisdiction_path: jurisdictionPath, ...matter } = row;
  const [viewerUnit, conflict] = await Promise.all([
    user.cadreId
      ? db.selectFrom('cadres').select('unit_id').where('id', '=', user.cadreId).executeTakeFirst()
      : undefined,
    db
      .selectFrom('matter_records')
      .select('id')
      .where('matter_id', '=', id)
      .where('kind', '=', 'conflict_declared')
      .where('created_by', '=', user.userId)
      .executeTakeFirst(),
  ]);
  const access = matterAccess(
    user,
    {
      jurisdictionPath,
      subjectCadreId: matter.subject_cadre_id,
      subjectUnitId: matter.subject_unit_id,
      applicantUserId: matter.applicant_user_id,
      status: matter.status,
      filed: matter.filed_at !== null,
    },
    { viewerUnitId: viewerUnit?.unit_id ?? null, declaredConflict: conflict !== undefined },
  );
  if (!access.view || (opts.minimumView && !opts.minimumView.includes(access.view)))
    throw new DomainError('record.not_found');
  return { matter, jurisdictionPath, actor: access.actor, view: access.view };
}
