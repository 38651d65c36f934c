/**
 * Loads a tolerance matter as the given user sees it: 404 when they may not see it at all (exactly
 * like a missing one), otherwise the matter, how much they may read, and the procedure's view of it.
 */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import type { Matter } from '../../db/schema.ts';
import type { Db } from '../../db/connect.ts';
import { DomainError } from '../../domain/errors.ts';
import { matterAccess, type MatterView } from '../../domain/matters/access.ts';
import type { Actor } from '../../domain/procedure/engine.ts';
import { toBeijingDate, type LocalDate } from '../../domain/calendar/local-date.ts';
import type { ToleranceMatter, ToleranceRoute, ToleranceState } from '../../domain/tolerance/procedure.ts';
import type { Outcome } from '../../domain/policy/types.ts';
import { policyVersion } from '../policy-context.ts';
import { publicityRequired } from '../../domain/tolerance/decision.ts';

export type LoadedMatter = {
  matter: Matter;
  jurisdictionPath: string;
  actor: Actor;
  view: MatterView;
  procedure: ToleranceMatter;
};

export async function loadMatterRow(db: Db, id: string) {
  return db
    .selectFrom('matters as m')
    .innerJoin('jurisdictions as j', 'j.id', 'm.jurisdiction_id')
    .selectAll('m')
    .select('j.path as jurisdiction_path')
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export function procedureView(matter: Matter, now: Date): ToleranceMatter {
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
    today: toBeijingDate(now),
  };
}

export async function loadMatter(deps: Pick<Deps, 'db' | 'clock'>, user: UserWithGrants, id: string, opts: { minimumView?: MatterView[] } = {}): Promise<LoadedMatter> {
  const row = await loadMatterRow(deps.db, id);
  if (!row || row.type !== 'tolerance') throw new DomainError('record.not_found');
  const { jurisdiction_path: jurisdictionPath, ...matter } = row;
  const [viewerUnit, conflict] = await Promise.all([
    user.cadreId ? deps.db.selectFrom('cadres').select('unit_id').where('id', '=', user.cadreId).executeTakeFirst() : undefined,
    deps.db
      .selectFrom('matter_records')
      .select('id')
      .where('matter_id', '=', id)
      .where('kind', '=', 'conflict_declared')
      .where('created_by', '=', user.userId)
      .executeTakeFirst(),
  ]);
  const access = matterAccess(
    user,
    {
      jurisdictionPath,
      subjectCadreId: matter.subject_cadre_id,
      subjectUnitId: matter.subject_unit_id,
      applicantUserId: matter.applicant_user_id,
      status: matter.status,
      filed: matter.filed_at !== null,
    },
    { viewerUnitId: viewerUnit?.unit_id ?? null, declaredConflict: conflict !== undefined },
  );
  if (!access.view || (opts.minimumView && !opts.minimumView.includes(access.view))) throw new DomainError('record.not_found');
  return { matter, jurisdictionPath, actor: access.actor, view: access.view, procedure: procedureView(matter, deps.clock.now()) };
}
