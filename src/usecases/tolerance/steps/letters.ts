/**
 * 结果告知函 to the organisation department: sent when the decision is served, and again when a
 * review varies it, so the cadre's assessment and appointment records always follow the outcome in
 * force (DOMAIN §9, the system chain).
 */
import { actorOf } from '../../../domain/access.ts';
import { toBeijingDate } from '../../../domain/calendar/local-date.ts';
import { outcomeLetter } from '../../../documents/templates/outcome-letter.ts';
import { issueDocument, issuerFor, nextDocumentNumber } from '../../documents/issue-document.ts';
import type { StepContext } from '../perform-action.ts';
import { documentParties } from './records.ts';
import type { StoredDecision } from './stored-decision.ts';

/** The organisation department of the county's Party committee. */
export const orgDepartmentName = (jurisdictionName: string) => `中共${jurisdictionName}委组织部`;

/**
 * Issues the letter reporting `decision`, as stated in the document `basis` (the determination, or
 * the review decision that varied it), deliberated by `deliberation`.
 */
export async function issueOutcomeLetter(
  ctx: StepContext,
  decision: StoredDecision,
  basis: { number: string; title: string; issued_at: Date },
  deliberation: { body: string; date: string },
): Promise<{ id: string; recipient: string }> {
  const parties = await documentParties(ctx);
  const recipient = orgDepartmentName(parties.jurisdiction.name);
  const number = await nextDocumentNumber(ctx.trx, parties.jurisdiction, Number(ctx.today.slice(0, 4)));
  const document = outcomeLetter({
    issuer: issuerFor(parties.jurisdiction.name),
    documentNumber: number,
    date: ctx.today,
    recipient,
    cadre: parties.cadre,
    matter: ctx.loaded.matter.title,
    outcome: decision.outcome,
    ...(decision.measure ? { mitigatedMeasure: decision.measure } : {}),
    ...(decision.correctionOrder
      ? {
          correction: {
            responsible: decision.correctionOrder.responsible,
            measures: decision.correctionOrder.measures,
            deadline: decision.correctionOrder.deadline,
          },
        }
      : {}),
    determination: { documentNumber: basis.number, title: basis.title, date: toBeijingDate(basis.issued_at) },
    deliberation,
    policy: parties.policyCitation,
  });
  const m = ctx.loaded.matter;
  const issued = await issueDocument(ctx.trx, ctx.deps, {
    matterId: m.id,
    jurisdictionId: m.jurisdiction_id,
    document,
    recipient: 'org_dept',
    actor: actorOf(ctx.user),
  });
  return { id: issued.id, recipient };
}
