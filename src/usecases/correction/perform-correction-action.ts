/**
 * Runs one step of the correction procedure (the shared step runner with the correction table and
 * loader), and uploads evidence as its `add_evidence` step.
 */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { DomainError } from '../../domain/errors.ts';
import { CORRECTION_PROCEDURE, type CorrectionAction } from '../../domain/correction/procedure.ts';
import type { CorrectionActionBodies } from '../../contracts/correction.ts';
import { attachFile } from '../procedure/attach-file.ts';
import { runStep } from '../procedure/run-step.ts';
import { transitionMatter } from '../procedure/transition.ts';
import type { EvidenceUpload, StoredEvidence } from '../tolerance/evidence.ts';
import { CORRECTION_BINDING, loadCorrection, type CorrectionContext } from './load-correction.ts';
import { RECTIFICATION_HANDLERS } from './steps/rectification.ts';
import { ESCALATION_HANDLERS } from './steps/escalation.ts';
import { LOOK_BACK_HANDLERS } from './steps/look-back.ts';

export type CorrectionStepHandler<A extends CorrectionAction> = (
  ctx: CorrectionContext,
  body: CorrectionActionBodies[A],
) => Promise<void>;
export type CorrectionStepHandlers = { [A in CorrectionAction]?: CorrectionStepHandler<A> };

const HANDLERS: CorrectionStepHandlers = {
  ...RECTIFICATION_HANDLERS,
  ...ESCALATION_HANDLERS,
  ...LOOK_BACK_HANDLERS,
};

export function isCorrectionAction(action: string): action is CorrectionAction {
  return Object.hasOwn(CORRECTION_PROCEDURE.actions, action);
}

export async function performCorrectionAction<A extends CorrectionAction>(
  deps: Deps,
  user: UserWithGrants,
  id: string,
  action: A,
  body: CorrectionActionBodies[A],
): Promise<void> {
  const handler = HANDLERS[action];
  if (!handler) throw new DomainError('procedure.unknown_action', { action });
  await runStep(
    deps,
    user,
    CORRECTION_PROCEDURE,
    (calendar) => loadCorrection(deps.db, user, id, calendar, deps.clock.now()),
    action,
    (ctx) => handler(ctx, body),
  );
}

/** 整改佐证材料: a file on the correction, uploaded as the `add_evidence` step. */
export async function addCorrectionEvidence(
  deps: Deps,
  user: UserWithGrants,
  id: string,
  read: () => Promise<EvidenceUpload>,
): Promise<StoredEvidence> {
  return attachFile(
    deps,
    user,
    {
      table: CORRECTION_PROCEDURE,
      action: 'add_evidence',
      load: (calendar) => loadCorrection(deps.db, user, id, calendar, deps.clock.now()),
      transition: (trx, loaded, now, calendar, auditData) =>
        transitionMatter(trx, user, loaded, CORRECTION_BINDING, 'add_evidence', now, { calendar, auditData }),
    },
    read,
  );
}
