/**
 * One step of a typical case (修改、提请发布、批准发布、退回、撤下): load the case as the user may
 * read it, ask the table whether the step is allowed now (role, relation to the matter, state and
 * the guards: no certain personal data left, the decision still standing), then change it by
 * compare-and-set on its status and version with the audit event `case_library.<action>` in the same
 * transaction. Revising recomputes the search vectors from the new texts.
 */
import type { Transaction, UpdateObject } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import { appendAudit } from '../../audit/append.ts';
import { searchVectors } from '../../db/queries/case-library.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import type { Database } from '../../db/schema.ts';
import { actorOf } from '../../domain/access.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import { deidentifyCase } from '../../domain/case-library/deidentify.ts';
import { CASE_ENTRY_PROCEDURE, type CaseEntryAction } from '../../domain/case-library/procedure.ts';
import { searchDocument } from '../../domain/case-library/segment.ts';
import { DomainError } from '../../domain/errors.ts';
import { assertAllowed, targetState } from '../../domain/procedure/engine.ts';
import type { CaseActionBodies } from '../../contracts/case-library.ts';
import { CASE_TEXT_FIELDS, loadCase, type CaseTextField, type LoadedCase } from './load-case.ts';

export function isCaseAction(action: string): action is CaseEntryAction {
  return Object.hasOwn(CASE_ENTRY_PROCEDURE.actions, action);
}

type Step = {
  changes: UpdateObject<Database, 'case_library_entries'>;
  auditData: Record<string, unknown>;
};

/** 典〔2026〕n号 per jurisdiction and year, from the same gap-free counters matters use. */
async function nextCaseNumber(
  trx: Transaction<Database>,
  jurisdictionId: string,
  year: number,
): Promise<string> {
  const row = await trx
    .insertInto('matter_counters')
    .values({ jurisdiction_id: jurisdictionId, type: 'case_library', year, last: 1 })
    .onConflict((oc) =>
      oc
        .columns(['jurisdiction_id', 'type', 'year'])
        .doUpdateSet((eb) => ({ last: eb('matter_counters.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  const { code } = await trx
    .selectFrom('jurisdictions')
    .select('code')
    .where('id', '=', jurisdictionId)
    .executeTakeFirstOrThrow();
  return `${code}典〔${year}〕${row.last}号`;
}

async function stepFor<A extends CaseEntryAction>(
  trx: Transaction<Database>,
  loaded: LoadedCase,
  action: A,
  body: CaseActionBodies[A],
  now: Date,
): Promise<Step> {
  const { row } = loaded;
  switch (action) {
    case 'revise': {
      const b = body as CaseActionBodies['revise'];
      const given = Object.fromEntries(
        CASE_TEXT_FIELDS.filter((f) => b[f] !== undefined).map((f) => [f, b[f]!.trim()]),
      ) as Partial<Record<CaseTextField, string>>;
      let texts = Object.fromEntries(CASE_TEXT_FIELDS.map((f) => [f, given[f] ?? row[f]])) as Record<
        CaseTextField,
        string
      >;
      let replaced = {};
      if (b.redeidentify && loaded.dictionary) {
        const result = deidentifyCase(texts, loaded.dictionary);
        texts = result.fields;
        replaced = result.replaced;
      }
      return {
        changes: {
          ...texts,
          ...searchVectors(searchDocument(texts.title, [texts.facts, texts.handling, texts.significance])),
        },
        auditData: {
          fields: CASE_TEXT_FIELDS.filter((f) => texts[f] !== row[f]),
          redeidentified: b.redeidentify,
          replaced,
        },
      };
    }
    case 'propose':
      return {
        changes: { proposed_at: now, return_reason: null },
        auditData: { note: (body as CaseActionBodies['propose']).note ?? null },
      };
    case 'approve': {
      const number =
        row.number ??
        (await nextCaseNumber(trx, row.jurisdiction_id, Number(toBeijingDate(now).slice(0, 4))));
      return {
        changes: { published_at: now, number },
        auditData: { number, note: (body as CaseActionBodies['approve']).note ?? null },
      };
    }
    case 'return_case': {
      const reason = (body as CaseActionBodies['return_case']).reason.trim();
      return { changes: { return_reason: reason }, auditData: { reason } };
    }
    case 'withdraw':
      return { changes: {}, auditData: { reason: (body as CaseActionBodies['withdraw']).reason.trim() } };
  }
  throw new DomainError('procedure.unknown_action', { action });
}

/**
 * @throws DomainError('record.not_found' | 'auth.forbidden' | 'procedure.recused' |
 *   'procedure.wrong_state' | 'case_library.personal_data_left' |
 *   'case_library.decision_not_standing' | 'record.conflict')
 */
export async function performCaseAction<A extends CaseEntryAction>(
  deps: Deps,
  user: UserWithGrants,
  id: string,
  action: A,
  body: CaseActionBodies[A],
): Promise<void> {
  const loaded = await loadCase(deps.db, user, id);
  const now = deps.clock.now();
  assertAllowed(CASE_ENTRY_PROCEDURE, loaded.procedure, loaded.actor, action, now);
  const from = loaded.procedure.status;
  const to = targetState(CASE_ENTRY_PROCEDURE, loaded.procedure, action);
  await deps.db.transaction().execute(async (trx) => {
    const step = await stepFor(trx, loaded, action, body, now);
    const updated = await trx
      .updateTable('case_library_entries')
      .set((eb) => ({ ...step.changes, status: to, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .where('status', '=', from)
      .where('version', '=', loaded.row.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) throw new DomainError('record.conflict');
    await appendAudit(
      trx,
      {
        actor: actorOf(user),
        action: `case_library.${action}`,
        entityType: 'case_entry',
        entityId: id,
        jurisdictionId: loaded.row.jurisdiction_id,
        data: { from, to, ...step.auditData },
      },
      now,
    );
  });
}
