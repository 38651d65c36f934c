/**
 * Who sees a matter, and as whom they act on it. Confidentiality is part of the mechanism: a cadre
 * sees only their own matters and never the internal notes or deliberations; a commission member
 * related to the matter (回避) sees no more than that it exists; the organisation department sees
 * outcomes; the higher level sees what was filed with it or awaits its approval.
 */
import type { Principal } from '../access.ts';
import type { Actor, MatterRelation } from '../procedure/engine.ts';
import type { Role } from '../roles.ts';

/** How much of a matter a viewer may read. */
export type MatterView =
  /** everything, including internal records and deliberations */
  | 'full'
  /** the decision and its effects (organisation department) */
  | 'outcome'
  /** what the parties may read: their application, notices, documents, the steps taken */
  | 'party'
  /** number, title and status only: a related commission member who must recuse */
  | 'limited';

export type MatterFacts = {
  jurisdictionPath: string;
  subjectCadreId: string | null;
  subjectUnitId: string | null;
  applicantUserId: string | null;
  status: string;
  filed: boolean;
};

const COMMISSION: readonly Role[] = ['case_officer', 'committee_member', 'commission_leader'];
const DECIDED = new Set(['decided', 'notified', 'under_review', 'closed']);

export type MatterAccess = { actor: Actor; view: MatterView | null };

export function matterAccess(
  principal: Principal,
  matter: MatterFacts,
  context: { viewerUnitId: string | null; declaredConflict: boolean },
): MatterAccess {
  const roles = [...new Set(principal.grants.filter((g) => matter.jurisdictionPath.startsWith(g.jurisdictionPath)).map((g) => g.role))];
  const relation: MatterRelation = {
    isSubject: principal.cadreId !== null && principal.cadreId === matter.subjectCadreId,
    isApplicant: matter.applicantUserId === principal.userId,
    leadsSubjectUnit: principal.grants.some((g) => g.role === 'unit_leader' && g.unitId !== null && g.unitId === matter.subjectUnitId),
    sameUnitAsSubject: context.viewerUnitId !== null && context.viewerUnitId === matter.subjectUnitId,
    declaredConflict: context.declaredConflict,
  };
  const actor: Actor = { roles, relation };
  const party = (roles.includes('cadre') && (relation.isSubject || relation.isApplicant)) || (roles.includes('unit_leader') && relation.leadsSubjectUnit);
  const related = relation.isSubject || relation.isApplicant || relation.sameUnitAsSubject || relation.declaredConflict || relation.leadsSubjectUnit;

  let view: MatterView | null = null;
  // A draft is the applicant's own until it is filed.
  if (matter.status === 'draft') return { actor, view: party ? 'party' : null };
  if (roles.some((r) => COMMISSION.includes(r))) view = related ? 'limited' : 'full';
  if (!view && roles.includes('supervisor') && (matter.filed || matter.status === 'awaiting_approval')) view = 'full';
  if (party) view = 'party';
  if (!view && roles.includes('org_dept') && DECIDED.has(matter.status)) view = 'outcome';
  return { actor, view };
}
