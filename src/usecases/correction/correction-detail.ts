/**
 * A correction as one user may see it: the order, the steps they may take now (from the correction
 * table), the deadline of the clock now running, and what was reported and decided. The commission
 * sees everything; the unit and the cadre what is shared with them; a recused member that it exists.
 */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { matterExtras } from '../../db/queries/matters.ts';
import { allowedActions } from '../../domain/procedure/engine.ts';
import {
  CORRECTION_PROCEDURE,
  CORRECTION_STATES,
  type CorrectionState,
} from '../../domain/correction/procedure.ts';
import type { CorrectionDetail } from '../../contracts/correction.ts';
import { loadCalendar } from '../policy-context.ts';
import { loadMatterAccess } from '../procedure/load-matter-access.ts';
import { presentExtras, presentMatterDeadline } from '../procedure/present.ts';
import { loadCorrection } from './load-correction.ts';
import { storedOrder } from './order.ts';

/** The tolerance matter the order came with, when the user may see it at all (and not as recused). */
async function toleranceMatterOf(deps: Deps, user: UserWithGrants, id: string | null) {
  if (!id) return null;
  try {
    const { matter } = await loadMatterAccess(deps.db, user, id, {
      type: 'tolerance',
      minimumView: ['full', 'party', 'outcome'],
    });
    return { id: matter.id, number: matter.number, title: matter.title, status: matter.status };
  } catch {
    return null;
  }
}

export async function correctionDetail(
  deps: Deps,
  user: UserWithGrants,
  id: string,
): Promise<CorrectionDetail> {
  const now = deps.clock.now();
  const calendar = await loadCalendar(deps.db);
  const loaded = await loadCorrection(deps.db, user, id, calendar, now);
  const { matter: m, view } = loaded;
  const extras = await matterExtras(deps.db, id);
  const summary = {
    id: m.id,
    number: m.number,
    type: m.type,
    title: m.title,
    status: m.status,
    statusLabel: CORRECTION_STATES[m.status as CorrectionState],
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
      matter: { ...summary, view, problem: null, order: null, toleranceMatter: null },
      allowedActions: [],
      records: [],
      files: [],
      documents: [],
      timeline: [],
    };
  }
  const order = storedOrder(m.decision);
  const readable = view === 'full' || view === 'party';
  return {
    matter: {
      ...summary,
      view,
      problem:
        readable && m.summary_enc ? deps.keyring.decrypt(m.summary_enc, `matter.summary:${m.id}`) : null,
      order: { ...order, determination: order.determination },
      toleranceMatter: await toleranceMatterOf(deps, user, m.linked_matter_id),
    },
    allowedActions: allowedActions(CORRECTION_PROCEDURE, loaded.procedure, loaded.actor, now).map(
      (action) => {
        const spec = CORRECTION_PROCEDURE.actions[action];
        return { action, label: spec.label, danger: 'danger' in spec && spec.danger === true };
      },
    ),
    ...presentExtras(deps, extras, view),
  };
}
