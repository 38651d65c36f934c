/**
 * Runs one step of the tolerance procedure: load the matter as the user sees it, ask the procedure
 * table whether the step is allowed now, then run the step's handler in one transaction (the handler
 * calls `transition` exactly once, which compare-and-sets the status and appends the audit event).
 */
import type { Transaction } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import type { Database } from '../../db/schema.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { DomainError } from '../../domain/errors.ts';
import { lateWritesTransaction } from '../../db/late-writes.ts';
import { assertAllowed } from '../../domain/procedure/engine.ts';
import { toBeijingDate, type LocalDate } from '../../domain/calendar/local-date.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/index.ts';
import type { EffectivePolicy } from '../../domain/policy/types.ts';
import { TOLERANCE_PROCEDURE, type ToleranceAction } from '../../domain/tolerance/procedure.ts';
import type { ActionBodies } from '../../contracts/tolerance.ts';
import { loadMatter, type LoadedMatter } from './load-matter.ts';
import { calendarAt, policyVersion } from '../policy-context.ts';
import { INTAKE_HANDLERS } from './steps/intake.ts';
import { VERIFICATION_HANDLERS } from './steps/verification.ts';
import { DECISION_HANDLERS } from './steps/decision.ts';
import { AFTERMATH_HANDLERS } from './steps/aftermath.ts';
import { REOPEN_HANDLERS } from './steps/reopen.ts';

/** What a step handler is given. Everything it writes goes through `trx`. */
export type StepContext = {
  deps: Deps;
  user: UserWithGrants;
  loaded: LoadedMatter;
  now: Date;
  today: LocalDate;
  calendar: WorkingDayCalendar;
  /** The policy version the matter is handled under. */
  policy: EffectivePolicy;
  trx: Transaction<Database>;
};

export type StepHandler<A extends ToleranceAction> = (ctx: StepContext, body: ActionBodies[A]) => Promise<void>;
export type StepHandlers = { [A in ToleranceAction]?: StepHandler<A> };

const HANDLERS: StepHandlers = { ...INTAKE_HANDLERS, ...VERIFICATION_HANDLERS, ...DECISION_HANDLERS, ...AFTERMATH_HANDLERS, ...REOPEN_HANDLERS };

export function isToleranceAction(action: string): action is ToleranceAction {
  return Object.hasOwn(TOLERANCE_PROCEDURE.actions, action);
}

export async function performAction<A extends ToleranceAction>(deps: Deps, user: UserWithGrants, matterId: string, action: A, body: ActionBodies[A]): Promise<void> {
  const handler = HANDLERS[action] as StepHandler<A> | undefined;
  if (!handler) throw new DomainError('procedure.unknown_action', { action });
  const loaded = await loadMatter(deps, user, matterId);
  const now = deps.clock.now();
  assertAllowed(TOLERANCE_PROCEDURE, loaded.procedure, loaded.actor, action, now);
  const calendar = await calendarAt(deps.db, loaded.calendarStamp);
  const policy = policyVersion(loaded.matter.policy_id!, loaded.matter.policy_version!);
  // Counters and audit events are written last, just before COMMIT (db/late-writes.ts).
  await lateWritesTransaction(deps.db, (trx) => handler({ deps, user, loaded, now, today: toBeijingDate(now), calendar, policy, trx }, body));
}
