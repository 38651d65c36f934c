/**
 * A pre-registration as one user may see it: the filing, the latest review and its receipt, the
 * tolerance matters later linked to it, and the steps the user may take now.
 */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { matterExtras } from '../../db/queries/matters.ts';
import { allowedActions } from '../../domain/procedure/engine.ts';
import {
  PRE_REGISTRATION_PROCEDURE,
  PRE_REGISTRATION_STATES,
  type PreRegistrationState,
} from '../../domain/pre-registration/procedure.ts';
import type { PreRegistrationDetail } from '../../contracts/pre-registration.ts';
import { loadCalendar } from '../policy-context.ts';
import { loadMatterAccess } from '../procedure/load-matter-access.ts';
import { presentExtras, presentMatterDeadline } from '../procedure/present.ts';
import { filingOf, loadPreRegistration } from './load-pre-registration.ts';
import type { StoredReview } from './steps.ts';

/** Tolerance matters on the same initiative that the user may see (not as recused). */
async function linkedMatters(deps: Deps, user: UserWithGrants, id: string) {
  const rows = await deps.db
    .selectFrom('matters')
    .select('id')
    .where('linked_matter_id', '=', id)
    .where('type', '=', 'tolerance')
    .orderBy('created_at')
    .execute();
  const seen = await Promise.all(
    rows.map((r) =>
      loadMatterAccess(deps.db, user, r.id, {
        type: 'tolerance',
        minimumView: ['full', 'party', 'outcome'],
      }).then(
        ({ matter }) => ({
          id: matter.id,
          number: matter.number,
          title: matter.title,
          status: matter.status,
        }),
        () => null,
      ),
    ),
  );
  return seen.filter((m) => m !== null);
}

export async function preRegistrationDetail(
  deps: Deps,
  user: UserWithGrants,
  id: string,
): Promise<PreRegistrationDetail> {
  const now = deps.clock.now();
  const loaded = await loadPreRegistration(deps.db, user, id, now);
  const { matter: m, view } = loaded;
  const [extras, calendar] = await Promise.all([matterExtras(deps.db, id), loadCalendar(deps.db)]);
  const summary = {
    id: m.id,
    number: m.number,
    type: m.type,
    title: m.title,
    status: m.status,
    statusLabel: PRE_REGISTRATION_STATES[m.status as PreRegistrationState],
    route: m.route,
    subject: extras.subject?.id
      ? { id: extras.subject.id, name: extras.subject.name!, unitName: extras.subject.unit_name ?? '' }
      : null,
    jurisdiction: extras.jurisdiction,
    outcome: null,
    deadline: presentMatterDeadline(m.type, m.status, m.clocks, calendar, now),
    createdAt: m.created_at.toISOString(),
    updatedAt: m.updated_at.toISOString(),
    version: m.version,
  };
  if (view === 'limited') {
    return {
      matter: { ...summary, view, description: null, filing: null, review: null, linkedMatters: [] },
      allowedActions: [],
      records: [],
      files: [],
      documents: [],
      timeline: [],
    };
  }
  const stored = m.decision as StoredReview | null;
  const receipt = extras.documents.filter((d) => d.kind === 'pre_registration_receipt').at(-1);
  const filing = filingOf(m);
  return {
    matter: {
      ...summary,
      view,
      description:
        m.summary_enc && view !== 'outcome'
          ? deps.keyring.decrypt(m.summary_enc, `matter.summary:${m.id}`)
          : null,
      filing,
      review: stored
        ? {
            result: stored.result,
            reviewedOn: stored.reviewedOn,
            onTime: stored.onTime,
            receipt:
              stored.result === 'acknowledged' && receipt && stored.filingDigest && stored.sealedAt
                ? {
                    documentId: receipt.id,
                    code: receipt.code,
                    filingDigest: stored.filingDigest,
                    sealedAt: stored.sealedAt,
                  }
                : null,
          }
        : null,
      linkedMatters: await linkedMatters(deps, user, id),
    },
    allowedActions: allowedActions(PRE_REGISTRATION_PROCEDURE, loaded.procedure, loaded.actor, now).map(
      (action) => {
        const spec = PRE_REGISTRATION_PROCEDURE.actions[action];
        return { action, label: spec.label, danger: 'danger' in spec && spec.danger === true };
      },
    ),
    ...presentExtras(deps, extras, view),
  };
}
