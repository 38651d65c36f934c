/**
 * Loads a pre-registration as the given user sees it, with the table's view of it (the planned
 * start the "before acting" guard compares with today). Also the one transition of a filing, bound
 * to its table and clock.
 */
import type { Db } from '../../db/connect.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import type { Matter } from '../../db/schema.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import { activePreRegistrationClock } from '../../domain/pre-registration/clocks.ts';
import type { Filing } from '../../domain/pre-registration/filing.ts';
import {
  PRE_REGISTRATION_PROCEDURE,
  type PreRegistrationAction,
  type PreRegistrationMatter,
  type PreRegistrationState,
} from '../../domain/pre-registration/procedure.ts';
import { loadMatterAccess, type MatterAccessLoaded } from '../procedure/load-matter-access.ts';
import type { StepContext } from '../procedure/run-step.ts';
import { transitionMatter, type StepTransition } from '../procedure/transition.ts';

export type LoadedPreRegistration = MatterAccessLoaded & { procedure: PreRegistrationMatter };
export type PreRegistrationContext = StepContext<LoadedPreRegistration>;

export const PRE_REGISTRATION_BINDING = {
  table: PRE_REGISTRATION_PROCEDURE,
  runningClock: activePreRegistrationClock,
};

/** The filing stored on a pre-registration (`matters.facts`). */
export function filingOf(matter: Matter): Filing {
  return matter.facts as Filing;
}

export async function loadPreRegistration(
  db: Db,
  user: UserWithGrants,
  id: string,
  now: Date,
): Promise<LoadedPreRegistration> {
  const loaded = await loadMatterAccess(db, user, id, { type: 'pre_registration' });
  const procedure: PreRegistrationMatter = {
    status: loaded.matter.status as PreRegistrationState,
    plannedStartOn: filingOf(loaded.matter).plannedStartOn,
    today: toBeijingDate(now),
  };
  return { ...loaded, procedure };
}

/** Moves the filing in `ctx` by `action` (compare-and-set, audit `pre_registration.<action>`). */
export function transitionPreRegistration(
  ctx: PreRegistrationContext,
  action: PreRegistrationAction,
  opts: Omit<StepTransition, 'calendar'> = {},
) {
  return transitionMatter(ctx.trx, ctx.user, ctx.loaded, PRE_REGISTRATION_BINDING, action, ctx.now, {
    ...opts,
    calendar: ctx.calendar,
  });
}
