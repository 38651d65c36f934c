/**
 * Runs one step of a pre-registration (the shared step runner with its table and loader), and
 * uploads attachments (the collective decision's minutes, plans) as its `add_evidence` step.
 */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  PRE_REGISTRATION_PROCEDURE,
  type PreRegistrationAction,
} from '../../domain/pre-registration/procedure.ts';
import type { PreRegistrationActionBodies } from '../../contracts/pre-registration.ts';
import { attachFile } from '../procedure/attach-file.ts';
import { runStep } from '../procedure/run-step.ts';
import { transitionMatter } from '../procedure/transition.ts';
import type { EvidenceUpload, StoredEvidence } from '../tolerance/evidence.ts';
import { loadPreRegistration, PRE_REGISTRATION_BINDING } from './load-pre-registration.ts';
import { PRE_REGISTRATION_HANDLERS } from './steps.ts';

export function isPreRegistrationAction(action: string): action is PreRegistrationAction {
  return Object.hasOwn(PRE_REGISTRATION_PROCEDURE.actions, action);
}

export async function performPreRegistrationAction<A extends PreRegistrationAction>(
  deps: Deps,
  user: UserWithGrants,
  id: string,
  action: A,
  body: PreRegistrationActionBodies[A],
): Promise<void> {
  const handler = PRE_REGISTRATION_HANDLERS[action];
  if (!handler) throw new DomainError('procedure.unknown_action', { action });
  await runStep(
    deps,
    user,
    PRE_REGISTRATION_PROCEDURE,
    () => loadPreRegistration(deps.db, user, id, deps.clock.now()),
    action,
    (ctx) => handler(ctx, body),
  );
}

/** An attachment of the filing, uploaded as the `add_evidence` step. */
export async function addPreRegistrationAttachment(
  deps: Deps,
  user: UserWithGrants,
  id: string,
  read: () => Promise<EvidenceUpload>,
): Promise<StoredEvidence> {
  return attachFile(
    deps,
    user,
    {
      table: PRE_REGISTRATION_PROCEDURE,
      action: 'add_evidence',
      load: () => loadPreRegistration(deps.db, user, id, deps.clock.now()),
      transition: (trx, loaded, now, calendar, auditData) =>
        transitionMatter(trx, user, loaded, PRE_REGISTRATION_BINDING, 'add_evidence', now, {
          calendar,
          auditData,
        }),
    },
    read,
  );
}
