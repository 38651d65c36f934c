/**
 * Loads a follow-up as the given user sees it, with the table's view of it (the visit window from
 * its sanction, the grade given, whether the sanction allows reuse) and the sanction itself. Also
 * the one transition of a follow-up, bound to its table and clock.
 */
import type { Db } from '../../db/connect.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import type { LocalDate } from '../../domain/calendar/local-date.ts';
import { activeFollowUpClock, followUpMatter } from '../../domain/follow-up/clocks.ts';
import type { Actor } from '../../domain/procedure/engine.ts';
import {
  FOLLOW_UP_PROCEDURE,
  type FollowUpAction,
  type FollowUpMatter,
  type FollowUpState,
  type VisitWindow,
} from '../../domain/follow-up/procedure.ts';
import { loadMatterAccess, type MatterAccessLoaded } from '../procedure/load-matter-access.ts';
import type { StepContext } from '../procedure/run-step.ts';
import { transitionMatter, type StepTransition } from '../procedure/transition.ts';
import { findSanctionRow, type SanctionRow } from './sanctions.ts';
import { outcomeOf, planOf, type StoredOutcome, type StoredPlan } from './stored.ts';

export type LoadedFollowUp = MatterAccessLoaded & {
  procedure: FollowUpMatter;
  sanction: SanctionRow;
  plan: StoredPlan;
  outcome: StoredOutcome;
};
export type FollowUpContext = StepContext<LoadedFollowUp>;

export const FOLLOW_UP_BINDING = { table: FOLLOW_UP_PROCEDURE, runningClock: activeFollowUpClock };

/** When visits to a sanctioned cadre may fall: from the effective day to the period's last day. */
export function windowOf(sanction: { effective_on: string; influence_ends_on: string | null }): VisitWindow {
  return { from: sanction.effective_on as LocalDate, until: sanction.influence_ends_on as LocalDate | null };
}

export async function loadFollowUp(
  db: Db,
  user: UserWithGrants,
  id: string,
  now: Date,
): Promise<LoadedFollowUp> {
  const loaded = await loadMatterAccess(db, user, id, { type: 'follow_up' });
  const sanction = await findSanctionRow(db, loaded.matter.sanction_id!);
  if (!sanction) throw new Error(`follow-up ${id} has no sanction`);
  const outcome = outcomeOf(loaded.matter.decision);
  const procedure = followUpMatter(
    loaded.matter.status as FollowUpState,
    windowOf(sanction),
    outcome.grade?.value ?? null,
    sanction.reusable,
    now,
  );
  return {
    ...loaded,
    actor: recusingOrgDept(loaded.actor),
    procedure,
    sanction,
    plan: planOf(loaded.matter.proposal),
    outcome,
  };
}

/**
 * 回避 for the organisation department too: the engine recuses commission roles only, but signing
 * for the register form about oneself or a colleague of one's own unit is as much a conflict. The
 * department keeps reading what was sent to it; it just does not act as the department here.
 */
function recusingOrgDept(actor: Actor): Actor {
  const r = actor.relation;
  const related = r.isSubject || r.sameUnitAsSubject || r.declaredConflict;
  return related ? { ...actor, roles: actor.roles.filter((role) => role !== 'org_dept') } : actor;
}

/** Moves the follow-up in `ctx` by `action` (compare-and-set, audit `follow_up.<action>`). */
export function transitionFollowUp(
  ctx: FollowUpContext,
  action: FollowUpAction,
  opts: Omit<StepTransition, 'calendar'> = {},
) {
  return transitionMatter(ctx.trx, ctx.user, ctx.loaded, FOLLOW_UP_BINDING, action, ctx.now, {
    ...opts,
    calendar: ctx.calendar,
  });
}
