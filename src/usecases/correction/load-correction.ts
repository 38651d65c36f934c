/**
 * Loads a correction as the given user sees it, with the correction table's view of it: the due
 * dates of its clocks by the working-day calendar, and how much evidence it has. Also the one
 * transition of a correction, bound to its table and clocks.
 */
import type { Db } from '../../db/connect.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/index.ts';
import {
  activeCorrectionClock,
  correctionMatter,
  type CorrectionClocks,
} from '../../domain/correction/clocks.ts';
import {
  CORRECTION_PROCEDURE,
  type CorrectionAction,
  type CorrectionMatter,
  type CorrectionState,
} from '../../domain/correction/procedure.ts';
import { loadMatterAccess, type MatterAccessLoaded } from '../procedure/load-matter-access.ts';
import type { StepContext } from '../procedure/run-step.ts';
import { transitionMatter, type StepTransition } from '../procedure/transition.ts';

export type LoadedCorrection = MatterAccessLoaded & { procedure: CorrectionMatter };
export type CorrectionContext = StepContext<LoadedCorrection>;

export const CORRECTION_BINDING = { table: CORRECTION_PROCEDURE, runningClock: activeCorrectionClock };

export async function loadCorrection(
  db: Db,
  user: UserWithGrants,
  id: string,
  calendar: WorkingDayCalendar,
  now: Date,
): Promise<LoadedCorrection> {
  const loaded = await loadMatterAccess(db, user, id, { type: 'correction' });
  const files = await db
    .selectFrom('matter_files')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('matter_id', '=', id)
    .executeTakeFirstOrThrow();
  const m = loaded.matter;
  const procedure = correctionMatter(m.status as CorrectionState, m.clocks, Number(files.n), calendar, now);
  return { ...loaded, procedure };
}

/** Moves the correction in `ctx` by `action` (compare-and-set, audit `correction.<action>`). */
export function transitionCorrection(
  ctx: CorrectionContext,
  action: CorrectionAction,
  opts: Omit<StepTransition, 'calendar'> = {},
) {
  return transitionMatter(ctx.trx, ctx.user, ctx.loaded, CORRECTION_BINDING, action, ctx.now, {
    ...opts,
    calendar: ctx.calendar,
  });
}

/** The clocks of the correction in `ctx`. */
export function clocksOf(ctx: CorrectionContext): CorrectionClocks {
  return ctx.loaded.matter.clocks;
}
