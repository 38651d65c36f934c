/**
 * Loads a name clearing as the given user sees it — by this procedure's own visibility rules
 * (domain/name-clearing/access.ts: no unit leader, the organisation department only once filed) —
 * with the table's view of it. Also the one transition of a name clearing, bound to its table and
 * clock, which refuses a step that lost a race even when the status did not change (steps that stay
 * in their state rewrite the stored decision, so the row's version must be the one read).
 */
import type { Db } from '../../db/connect.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import type { Matter } from '../../db/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import type { MatterView } from '../../domain/matters/access.ts';
import { nameClearingAccess } from '../../domain/name-clearing/access.ts';
import {
  activeNameClearingClock,
  nameClearingMatter,
  type NameClearingClocks,
} from '../../domain/name-clearing/clocks.ts';
import {
  NAME_CLEARING_PROCEDURE,
  type NameClearingAction,
  type NameClearingMatter,
  type NameClearingState,
} from '../../domain/name-clearing/procedure.ts';
import type { Actor } from '../../domain/procedure/engine.ts';
import { loadMatterRow } from '../procedure/load-matter-access.ts';
import type { StepContext } from '../procedure/run-step.ts';
import { transitionMatter, type StepTransition } from '../procedure/transition.ts';
import { storedAccusation, storedClearing, type StoredAccusation, type StoredClearing } from './stored.ts';

export type LoadedNameClearing = {
  matter: Matter;
  jurisdictionPath: string;
  actor: Actor;
  view: MatterView;
  accusation: StoredAccusation;
  clearing: StoredClearing;
  procedure: NameClearingMatter;
};
export type NameClearingContext = StepContext<LoadedNameClearing>;

export const NAME_CLEARING_BINDING = {
  table: NAME_CLEARING_PROCEDURE,
  runningClock: activeNameClearingClock,
};

/**
 * @param db the database, or the transaction a step runs in.
 * @throws DomainError('record.not_found') for a missing matter, another type, or one out of view.
 */
export async function loadNameClearing(
  db: Db,
  user: UserWithGrants,
  id: string,
  now: Date,
): Promise<LoadedNameClearing> {
  const row = await loadMatterRow(db, id);
  if (!row || row.type !== 'name_clearing') throw new DomainError('record.not_found');
  const { jurisdiction_path: jurisdictionPath, ...matter } = row;
  const accusation = storedAccusation(matter.facts);
  const viewer = user.cadreId
    ? await db.selectFrom('cadres').select('unit_id').where('id', '=', user.cadreId).executeTakeFirst()
    : undefined;
  const status = matter.status as NameClearingState;
  const access = nameClearingAccess(
    user,
    {
      jurisdictionPath,
      subjectCadreId: matter.subject_cadre_id!,
      subjectUnitId: accusation.subjectUnit.id,
      status,
    },
    { viewerUnitId: viewer?.unit_id ?? null, declaredConflict: false },
  );
  if (!access.view) throw new DomainError('record.not_found');
  const clearing = storedClearing(matter.decision);
  const procedure = nameClearingMatter(
    status,
    matter.clocks,
    { consented: clearing.consent !== null, accuserHandled: clearing.accuser !== null },
    now,
  );
  return {
    matter,
    jurisdictionPath,
    actor: access.actor,
    view: access.view,
    accusation,
    clearing,
    procedure,
  };
}

/**
 * Moves the clearing in `ctx` by `action` (compare-and-set on status and version, audit
 * `name_clearing.<action>`), storing `clearing` as the settled decision when given.
 */
export async function transitionNameClearing(
  ctx: NameClearingContext,
  action: NameClearingAction,
  opts: Omit<StepTransition, 'calendar'> & { clearing?: StoredClearing } = {},
) {
  const { clearing, ...rest } = opts;
  const result = await transitionMatter(
    ctx.trx,
    ctx.user,
    ctx.loaded,
    NAME_CLEARING_BINDING,
    action,
    ctx.now,
    {
      ...rest,
      changes: { ...rest.changes, ...(clearing ? { decision: JSON.stringify(clearing) } : {}) },
      calendar: ctx.calendar,
    },
  );
  // Another step committed between reading and writing: this one was decided on stale data.
  if (result.matter.version !== ctx.loaded.matter.version + 1) throw new DomainError('record.conflict');
  return result;
}

/** The clocks of the clearing in `ctx`. */
export function clocksOf(ctx: NameClearingContext): NameClearingClocks {
  return ctx.loaded.matter.clocks;
}

/** Whether the user acts as the cadre themself (rather than the officer recording for them). */
export function actsAsCadre(loaded: Pick<LoadedNameClearing, 'actor'>): boolean {
  return loaded.actor.roles.includes('cadre') && loaded.actor.relation.isSubject;
}
