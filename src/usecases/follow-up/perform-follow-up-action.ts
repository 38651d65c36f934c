/** Runs one step of the follow-up procedure: the shared step runner with the follow-up table and loader. */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { FOLLOW_UP_PROCEDURE, type FollowUpAction } from '../../domain/follow-up/procedure.ts';
import type { FollowUpActionBodies } from '../../contracts/follow-up.ts';
import { runStep } from '../procedure/run-step.ts';
import { loadFollowUp } from './load-follow-up.ts';
import { FOLLOW_UP_HANDLERS, type FollowUpStepHandler } from './steps.ts';

export function isFollowUpAction(action: string): action is FollowUpAction {
  return Object.hasOwn(FOLLOW_UP_PROCEDURE.actions, action);
}

export async function performFollowUpAction<A extends FollowUpAction>(
  deps: Deps,
  user: UserWithGrants,
  id: string,
  action: A,
  body: FollowUpActionBodies[A],
): Promise<void> {
  const handler = FOLLOW_UP_HANDLERS[action] as FollowUpStepHandler<A>;
  await runStep(
    deps,
    user,
    FOLLOW_UP_PROCEDURE,
    () => loadFollowUp(deps.db, user, id, deps.clock.now()),
    action,
    (ctx) => handler(ctx, body),
  );
}
