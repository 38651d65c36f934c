/**
 * Who reads a typical case, and how much. A published case is public (anyone, without signing in,
 * sees its published fields). Drafts and proposals are internal: the commission and the higher
 * level within their jurisdictions read them — except a member related to the cadre the case is
 * about (回避), who sees the case only once it is published, like everyone else.
 */
import type { Actor, MatterRelation } from '../procedure/engine.ts';
import { CASE_LIBRARY_STAFF } from './procedure.ts';

export type CaseEntryView =
  /** every field, the personal data found, the history and the steps the reader may take */
  | 'internal'
  /** the published fields only */
  | 'published';

function related(r: MatterRelation): boolean {
  return r.isSubject || r.isApplicant || r.sameUnitAsSubject || r.declaredConflict || r.leadsSubjectUnit;
}

/**
 * @param actor the reader's roles within the case's jurisdiction and relation to its matter
 * @param publiclyVisible published, and its decision still stands
 */
export function caseEntryView(actor: Actor, publiclyVisible: boolean): CaseEntryView | null {
  if (actor.roles.some((r) => CASE_LIBRARY_STAFF.includes(r)) && !related(actor.relation)) return 'internal';
  return publiclyVisible ? 'published' : null;
}
