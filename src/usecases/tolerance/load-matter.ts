/**
 * Loads a tolerance matter as the given user sees it: 404 when they may not see it at all (exactly
 * like a missing one), otherwise the matter, how much they may read, and the procedure's view of it.
 */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import type { Matter } from '../../db/schema.ts';
import type { MatterView } from '../../domain/matters/access.ts';
import { toBeijingDate, type LocalDate } from '../../domain/calendar/local-date.ts';
import type { ToleranceMatter, ToleranceRoute, ToleranceState } from '../../domain/tolerance/procedure.ts';
import type { Outcome } from '../../domain/policy/types.ts';
import { policyVersion } from '../policy-context.ts';
import { publicityRequired } from '../../domain/tolerance/decision.ts';
import { loadMatterAccess, type MatterAccessLoaded } from '../procedure/load-matter-access.ts';

const REOPENABLE = new Set(['notified', 'closed']);

export type LoadedMatter = MatterAccessLoaded & { procedure: ToleranceMatter };

export { loadMatterRow } from '../procedure/load-matter-access.ts';

/** `linked`: what other matters say about this one (an escalated correction ordered with it). */
export function procedureView(matter: Matter, now: Date, linked: { correctionEscalated: boolean } = { correctionEscalated: false }): ToleranceMatter {
  const outcome = matter.outcome as Outcome | null;
  const policy = matter.policy_id && matter.policy_version ? policyVersion(matter.policy_id, matter.policy_version) : null;
  const clocks = matter.clocks as { verification?: { extension: unknown } };
  return {
    status: matter.status as ToleranceState,
    route: (matter.route ?? 'own_application') as ToleranceRoute,
    suspendedFrom: matter.suspended_from as ToleranceState | null,
    factsRecorded: matter.recommendation !== null,
    verificationExtended: Boolean(clocks.verification?.extension),
    outcome,
    receivedOn: matter.received_on as LocalDate | null,
    appealDeadline: matter.appeal_deadline as LocalDate | null,
    appealed: matter.appealed,
    filed: matter.filed_at !== null,
    publicityRequired: policy !== null && outcome !== null && publicityRequired(policy, outcome),
    published: matter.published_at !== null,
    correctionEscalated: linked.correctionEscalated,
    today: toBeijingDate(now),
  };
}

export async function loadMatter(deps: Pick<Deps, 'db' | 'clock'>, user: UserWithGrants, id: string, opts: { minimumView?: MatterView[]; extras?: boolean } = {}): Promise<LoadedMatter> {
  const loaded = await loadMatterAccess(deps.db, user, id, { type: 'tolerance', ...opts });
  // Only a served decision can be reopened over its correction.
  const correctionEscalated = REOPENABLE.has(loaded.matter.status) && loaded.correctionEscalated;
  return { ...loaded, procedure: procedureView(loaded.matter, deps.clock.now(), { correctionEscalated }) };
}
