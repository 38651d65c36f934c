/**
 * Runs one step of the name-clearing procedure: the shared step runner with the name-clearing table
 * and loader, and the step's handler.
 */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { DomainError } from '../../domain/errors.ts';
import { NAME_CLEARING_PROCEDURE, type NameClearingAction } from '../../domain/name-clearing/procedure.ts';
import type { NameClearingActionBodies } from '../../contracts/name-clearing.ts';
import { runStep } from '../procedure/run-step.ts';
import { loadNameClearing, type NameClearingContext } from './load-name-clearing.ts';
import { CONSULTATION_HANDLERS } from './steps/consultation.ts';
import { APPROVAL_HANDLERS } from './steps/approval.ts';
import { EXECUTION_HANDLERS } from './steps/execution.ts';
import { AFTERMATH_HANDLERS } from './steps/aftermath.ts';

export type NameClearingStepHandler<A extends NameClearingAction> = (
  ctx: NameClearingContext,
  body: NameClearingActionBodies[A],
) => Promise<void>;
export type NameClearingStepHandlers = { [A in NameClearingAction]?: NameClearingStepHandler<A> };

const HANDLERS: NameClearingStepHandlers = {
  ...CONSULTATION_HANDLERS,
  ...APPROVAL_HANDLERS,
  ...EXECUTION_HANDLERS,
  ...AFTERMATH_HANDLERS,
};

export function isNameClearingAction(action: string): action is NameClearingAction {
  return Object.hasOwn(NAME_CLEARING_PROCEDURE.actions, action);
}

export async function performNameClearingAction<A extends NameClearingAction>(
  deps: Deps,
  user: UserWithGrants,
  id: string,
  action: A,
  body: NameClearingActionBodies[A],
): Promise<void> {
  const handler = HANDLERS[action];
  if (!handler) throw new DomainError('procedure.unknown_action', { action });
  await runStep(
    deps,
    user,
    NAME_CLEARING_PROCEDURE,
    () => loadNameClearing(deps.db, user, id, deps.clock.now()),
    action,
    (ctx) => handler(ctx, body),
  );
}
