/**
 * Issues the 澄清正名书 of a clearing just carried out, in the step's transaction: the cadre's name,
 * unit and post as the matter recorded them, the allegation, the forms and the reach used — and the
 * copies to nobody beyond the organisation department and, where the reach includes it, the cadre's
 * Party organisation.
 */
import { actorOf } from '../../domain/access.ts';
import type { LocalDate } from '../../domain/calendar/local-date.ts';
import { FORM_LABELS, SCOPE_LABELS, scopeWithin } from '../../domain/name-clearing/scope.ts';
import { nameClearingLetter } from '../../documents/templates/name-clearing-letter.ts';
import { issueDocument, issuerFor, nextDocumentNumber } from '../documents/issue-document.ts';
import type { NameClearingContext } from './load-name-clearing.ts';
import type { Choice } from './stored.ts';

/** 组织部门 of a jurisdiction's Party committee: 中共K县委组织部. */
export function orgDeptName(jurisdictionName: string): string {
  return `中共${jurisdictionName}委组织部`;
}

export async function issueClearingLetter(
  ctx: NameClearingContext,
  choice: Choice,
  clearedOn: LocalDate,
): Promise<{ documentId: string; number: string; code: string }> {
  const m = ctx.loaded.matter;
  const accusation = ctx.loaded.accusation;
  const [jurisdiction, cadre] = await Promise.all([
    ctx.trx
      .selectFrom('jurisdictions')
      .select(['id', 'code', 'name'])
      .where('id', '=', m.jurisdiction_id)
      .executeTakeFirstOrThrow(),
    ctx.trx
      .selectFrom('cadres')
      .select('name')
      .where('id', '=', m.subject_cadre_id!)
      .executeTakeFirstOrThrow(),
  ]);
  const document = nameClearingLetter({
    issuer: issuerFor(jurisdiction.name),
    documentNumber: await nextDocumentNumber(ctx.trx, jurisdiction, Number(ctx.today.slice(0, 4))),
    date: ctx.today,
    cadre: { name: cadre.name, unit: accusation.subjectUnit.name, position: accusation.subjectPosition },
    receivedOn: accusation.receivedOn,
    allegation: ctx.deps.keyring.decrypt(m.summary_enc!, `matter.summary:${m.id}`),
    finding: accusation.finding,
    clearedOn,
    forms: choice.forms.map((f) => FORM_LABELS[f].zh),
    scope: SCOPE_LABELS[choice.scope].zh,
    organisation: scopeWithin('party_organisation', choice.scope) ? accusation.subjectUnit.name : null,
    orgDept: orgDeptName(jurisdiction.name),
    clause: ctx.policy.nameClearing.clause,
  });
  const issued = await issueDocument(ctx.trx, ctx.deps, {
    matterId: m.id,
    jurisdictionId: m.jurisdiction_id,
    document,
    recipient: 'cadre',
    actor: actorOf(ctx.user),
  });
  return { documentId: issued.id, number: document.documentNumber, code: issued.code };
}
