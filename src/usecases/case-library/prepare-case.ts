/**
 * 选为典型案例: the case officer prepares a typical case from a decided matter. The first draft is
 * composed from what the matter recorded (its account, the verified findings, the proposal's
 * analysis, the decision) and de-identified as a whole, so each person keeps one pseudonym; the row
 * and its audit event are written in one transaction. The audit event counts what was replaced,
 * by kind, and never records the values.
 */
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../app/deps.ts';
import { appendAudit } from '../../audit/append.ts';
import { deidentificationDictionary, searchVectors } from '../../db/queries/case-library.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import type { CaseEntryLabels, Matter } from '../../db/schema.ts';
import { actorOf } from '../../domain/access.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import { composeCaseDraft } from '../../domain/case-library/compose.ts';
import { compileDictionary, deidentifyCase } from '../../domain/case-library/deidentify.ts';
import { CASE_PREPARATION } from '../../domain/case-library/procedure.ts';
import { searchDocument } from '../../domain/case-library/segment.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Facts } from '../../domain/policy/types.ts';
import { assertAllowed } from '../../domain/procedure/engine.ts';
import type { ToleranceState } from '../../domain/tolerance/procedure.ts';
import { policyVersion } from '../policy-context.ts';
import { loadMatterAccess } from '../procedure/load-matter-access.ts';
import { storedDecision } from '../tolerance/steps/stored-decision.ts';

const UNIQUE_VIOLATION = '23505';

/** What the matter recorded that a case is written from, decrypted. */
async function material(deps: Deps, matter: Matter) {
  const record = await deps.db
    .selectFrom('matter_records')
    .select(['id', 'text_enc'])
    .where('matter_id', '=', matter.id)
    .where('kind', 'in', ['findings', 'facts', 'facts_recorded'])
    .where('text_enc', 'is not', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const summary = matter.summary_enc
    ? deps.keyring.decrypt(matter.summary_enc, `matter.summary:${matter.id}`)
    : '';
  const findings = record?.text_enc
    ? deps.keyring.decrypt(record.text_enc, `matter_record:${record.id}`)
    : null;
  const proposal = (matter.proposal ?? {}) as { analysis?: unknown };
  return { summary, findings, analysis: typeof proposal.analysis === 'string' ? proposal.analysis : null };
}

/** The situations and exclusions the facts established, labelled by the policy version decided under. */
function labelsOf(matter: Matter): CaseEntryLabels {
  const facts = (matter.facts ?? {}) as Partial<Pick<Facts, 'situations' | 'exclusions'>>;
  const policy =
    matter.policy_id && matter.policy_version ? policyVersion(matter.policy_id, matter.policy_version) : null;
  const label = (
    items: readonly { id: string; labelZh: string; labelEn: string }[] | undefined,
    ids: readonly string[] | undefined,
  ) =>
    (ids ?? []).map((id) => {
      const item = items?.find((i) => i.id === id);
      return { id, zh: item?.labelZh ?? id, en: item?.labelEn ?? id };
    });
  return {
    situations: label(policy?.situations, facts.situations),
    exclusions: label(policy?.exclusions, facts.exclusions),
  };
}

const LEVEL_WORD: Record<string, string> = { province: '省', city: '市', county: '县', township: '镇' };

/**
 * @throws DomainError('record.not_found') when the user may not see the matter;
 *   ('auth.forbidden' | 'procedure.recused' | 'procedure.wrong_state' |
 *   'case_library.decision_not_standing' | 'case_library.already_prepared') from the table.
 */
export async function prepareCase(
  deps: Deps,
  user: UserWithGrants,
  matterId: string,
): Promise<{ id: string }> {
  const loaded = await loadMatterAccess(deps.db, user, matterId, { type: 'tolerance' });
  const { matter } = loaded;
  const existing = await deps.db
    .selectFrom('case_library_entries')
    .select('id')
    .where('matter_id', '=', matterId)
    .executeTakeFirst();
  const now = deps.clock.now();
  assertAllowed(
    CASE_PREPARATION,
    {
      status: matter.status as ToleranceState,
      hasDecision: matter.decision !== null && matter.outcome !== null,
      inLibrary: existing !== undefined,
    },
    loaded.actor,
    'prepare',
    now,
  );
  const decision = storedDecision(matter.decision);
  const jurisdiction = await deps.db
    .selectFrom('jurisdictions')
    .select(['level'])
    .where('id', '=', matter.jurisdiction_id)
    .executeTakeFirstOrThrow();
  const decidedOn = decision.decidedOn ?? toBeijingDate(matter.decided_at ?? now);
  const draft = composeCaseDraft({
    title: matter.title,
    ...(await material(deps, matter)),
    outcome: matter.outcome!,
    measure: decision.measure,
    correctionMeasures: decision.correctionOrder?.measures ?? [],
    decidingBody: `${LEVEL_WORD[jurisdiction.level] ?? ''}纪委监委`,
    decidedOn,
  });
  const dictionary = compileDictionary(await deidentificationDictionary(deps.db, matter));
  const { fields, replaced } = deidentifyCase(draft, dictionary);
  const labels = labelsOf(matter);
  const id = randomUUID();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('case_library_entries')
        .values({
          id,
          matter_id: matter.id,
          jurisdiction_id: matter.jurisdiction_id,
          status: 'draft',
          title: fields.title,
          facts: fields.facts,
          handling: fields.handling,
          significance: fields.significance,
          outcome: matter.outcome!,
          situation_ids: labels.situations.map((s) => s.id),
          exclusion_ids: labels.exclusions.map((s) => s.id),
          labels: JSON.stringify(labels),
          decided_year: Number(decidedOn.slice(0, 4)),
          decided_month: decidedOn.slice(0, 7),
          ...searchVectors(
            searchDocument(fields.title, [fields.facts, fields.handling, fields.significance]),
          ),
          created_by: user.system ? null : user.userId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await appendAudit(
        trx,
        {
          actor: actorOf(user),
          action: 'case_library.prepared',
          entityType: 'case_entry',
          entityId: id,
          jurisdictionId: matter.jurisdiction_id,
          data: { matterId: matter.id, matterNumber: matter.number, to: 'draft', replaced },
        },
        now,
      );
    });
  } catch (error) {
    // Two officers preparing the same matter at once: the second finds it prepared.
    if ((error as { code?: string }).code === UNIQUE_VIOLATION)
      throw new DomainError('case_library.already_prepared');
    throw error;
  }
  return { id };
}
