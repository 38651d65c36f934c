/**
 * Loads a matter of any type as the given user sees it: 404 when they may not see it at all (exactly
 * like a missing one), otherwise the row, how much they may read and how they stand to it — the
 * access rules of domain/matters/access.ts, the same for every procedure. Each type's loader adds its
 * procedure's view of the matter on top.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { calendarStamp } from '../../db/queries/calendar.ts';
import { extrasOf, matterExtrasColumns, type ExtrasColumns, type MatterExtras } from '../../db/queries/matters.ts';
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
  /** A correction ordered with this matter stands escalated (what lets a tolerance decision be reopened). */
  correctionEscalated: boolean;
  /** The working-day calendar's version as the matter was read (`calendarAt`). */
  calendarStamp: string;
  /** Everything the detail page shows besides the row, when asked for (`LoadOptions.extras`). */
  extras?: MatterExtras;
};

export type LoadOptions = {
  /** Only a matter of this type is found; any type when omitted. */
  type?: MatterType;
  /** Views that count as seeing the matter (e.g. no 'limited' for downloads). */
  minimumView?: MatterView[];
  /** Also read the detail page's records, files, documents, meeting and timeline (same statement). */
  extras?: boolean;
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
  // One statement: the row, its jurisdiction's path, and what the access rules and the page need
  // besides it (each an indexed look-up) — with `extras`, everything the detail page shows too — so
  // opening a matter costs one round trip.
  const query = db
    .selectFrom('matters as m')
    .innerJoin('jurisdictions as j', 'j.id', 'm.jurisdiction_id')
    .selectAll('m')
    .select([
      'j.path as jurisdiction_path',
      (user.cadreId ? sql<string | null>`(select c.unit_id from cadres c where c.id = ${user.cadreId})` : sql<string | null>`null::uuid`).as('viewer_unit_id'),
      sql<boolean>`exists (select 1 from matter_records r where r.matter_id = m.id and r.kind = 'conflict_declared' and r.created_by = ${user.userId})`.as('declared_conflict'),
      sql<boolean>`exists (select 1 from matters c where c.linked_matter_id = m.id and c.type = 'correction' and c.status = 'escalated')`.as('correction_escalated'),
      calendarStamp.as('calendar_stamp'),
    ])
    .where('m.id', '=', id);
  let row: Awaited<ReturnType<typeof query.executeTakeFirst>>;
  let extraColumns: ExtrasColumns | undefined;
  if (opts.extras) {
    const withExtras = await query.select(matterExtrasColumns(id)).executeTakeFirst();
    if (withExtras) {
      const { extras_subject, extras_jurisdiction, extras_records, extras_files, extras_documents, extras_participants, extras_timeline, ...rest } = withExtras;
      row = rest;
      extraColumns = { extras_subject, extras_jurisdiction, extras_records, extras_files, extras_documents, extras_participants, extras_timeline };
    }
  } else {
    row = await query.executeTakeFirst();
  }
  if (!row || (opts.type !== undefined && row.type !== opts.type)) throw new DomainError('record.not_found');
  const {
    jurisdiction_path: jurisdictionPath,
    viewer_unit_id: viewerUnitId,
    declared_conflict: declaredConflict,
    correction_escalated: correctionEscalated,
    calendar_stamp: calendarStampValue,
    ...matter
  } = row;
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
    { viewerUnitId, declaredConflict },
  );
  if (!access.view || (opts.minimumView && !opts.minimumView.includes(access.view)))
    throw new DomainError('record.not_found');
  return {
    matter,
    jurisdictionPath,
    actor: access.actor,
    view: access.view,
    correctionEscalated,
    calendarStamp: calendarStampValue,
    ...(extraColumns ? { extras: extrasOf(extraColumns, id) } : {}),
  };
}
