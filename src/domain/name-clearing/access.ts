/**
 * Who sees a name clearing (DESIGN §2, DOMAIN §6). Being accused is itself what the cadre needs
 * protecting from, so the circle is narrower than for tolerance: the commission staff of the
 * jurisdiction (a related member only that it exists, 回避), the cadre concerned, and — once the
 * clearing is done and copied to it — the organisation department, which reads the outcome. The
 * cadre's unit leader sees nothing unless the cadre agreed to a clearing that reaches the unit (and
 * then through the clearing itself, not this record); the higher level sees nothing either, nothing
 * being filed with it. Who the accuser is stays with the commission (see `accuserVisible`).
 */
import type { Principal } from '../access.ts';
import { matterAccess, type MatterAccess, type MatterView } from '../matters/access.ts';
import type { MatterRelation } from '../procedure/engine.ts';
import type { Role } from '../roles.ts';
import type { NameClearingState } from './procedure.ts';

const COMMISSION: readonly Role[] = ['case_officer', 'committee_member', 'commission_leader'];

export type NameClearingFacts = {
  jurisdictionPath: string;
  subjectCadreId: string;
  /** The cadre's unit when the matter opened: a commission member from it must recuse. */
  subjectUnitId: string;
  status: NameClearingState;
};

function related(r: MatterRelation): boolean {
  return r.isSubject || r.isApplicant || r.sameUnitAsSubject || r.declaredConflict || r.leadsSubjectUnit;
}

/** The viewer's roles, relation and view of a name clearing; `view: null` answers like a missing record. */
export function nameClearingAccess(
  principal: Principal,
  facts: NameClearingFacts,
  context: { viewerUnitId: string | null; declaredConflict: boolean },
): MatterAccess {
  // The shared rules give the roles held here and the relation; the view is this procedure's own.
  const { actor } = matterAccess(
    principal,
    {
      jurisdictionPath: facts.jurisdictionPath,
      subjectCadreId: facts.subjectCadreId,
      subjectUnitId: facts.subjectUnitId,
      applicantUserId: null,
      status: facts.status,
      filed: false,
    },
    context,
  );
  const { roles, relation } = actor;
  let view: MatterView | null = null;
  if (roles.some((r) => COMMISSION.includes(r))) view = related(relation) ? 'limited' : 'full';
  if (roles.includes('cadre') && relation.isSubject) view = 'party';
  if (!view && roles.includes('org_dept') && facts.status === 'closed') view = 'outcome';
  return { actor, view };
}

/** Who the accuser is: commission staff with the full view only, never the cadre or anyone else. */
export function accuserVisible(view: MatterView | null): boolean {
  return view === 'full';
}
