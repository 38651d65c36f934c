/**
 * Runs one step of a procedure: load the matter as the user sees it, ask its table whether the step
 * is allowed now, then run the step in one transaction with the calendar and the policy version the
 * matter is handled under. The step calls its type's transition exactly once and writes everything
 * else through `trx`.
 */
import type { Transaction } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import type { Database, Matter } from '../../db/schema.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { toBeijingDate, type LocalDate } from '../../domain/calendar/local-date.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/index.ts';
import {
  assertAllowed,
  type Actor,
  type MatterState,
  type ProcedureTable,
} from '../../domain/procedure/engine.ts';
import type { EffectivePolicy } from '../../domain/policy/types.ts';
import { loadCalendar, policyVersion } from '../policy-context.ts';
import { lateWritesTransaction } from '../../db/late-writes.ts';

/** What a step is given. Everything it writes goes through `trx`. */
export type StepContext<L> = {
  deps: Deps;
  user: UserWithGrants;
  loaded: L;
  now: Date;
  today: LocalDate;
  calendar: WorkingDayCalendar;
  /** The policy version the matter is handled under. */
  policy: EffectivePolicy;
  trx: Transaction<Database>;
};

/** A matter as its type's loader returns it: the row, how the user stands to it, the table's view. */
export type LoadedProcedureMatter<M> = { matter: Matter; actor: Actor; procedure: M };

export async function runStep<
  S extends string,
  A extends string,
  M extends MatterState<S>,
  L extends LoadedProcedureMatter<M>,
>(
  deps: Deps,
  user: UserWithGrants,
  table: ProcedureTable<S, A, M>,
  load: (calendar: WorkingDayCalendar) => Promise<L>,
  action: A,
  step: (ctx: StepContext<L>) => Promise<void>,
): Promise<void> {
  const calendar = await loadCalendar(deps.db);
  const loaded = await load(calendar);
  const now = deps.clock.now();
  assertAllowed(table, loaded.procedure, loaded.actor, action, now);
  const policy = policyVersion(loaded.matter.policy_id!, loaded.matter.policy_version!);
  // Audit events are appended last, just before COMMIT (db/late-writes.ts).
  await lateWritesTransaction(deps.db, (trx) => step({ deps, user, loaded, now, today: toBeijingDate(now), calendar, policy, trx }));
}
