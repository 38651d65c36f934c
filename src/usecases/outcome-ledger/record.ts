/**
 * Writing an outcome to the cadre's ledger, inside the transaction of the decision itself: the
 * effects computed by the domain rules, the entry it supersedes found, the audit event appended —
 * and, just before COMMIT (db/late-writes.ts 'ledger' stage), the entry numbered under the head
 * row's lock and one outbox row written per active webhook subscription that wants it.
 *
 * Callers are the use cases that decide: a tolerance decision (or its review, or its decision taken
 * again), a correction ordered / closed / ended, a name clearing, a sanction, a reuse decision.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Principal } from '../../domain/access.ts';
import { actorOf } from '../../domain/access.ts';
import type { LocalDate } from '../../domain/calendar/local-date.ts';
import { chainKeyOf, ledgerContent, type LedgerFacts } from '../../domain/outcome-ledger/effects.ts';
import { appendAudit } from '../../audit/append.ts';
import { writeLate } from '../../db/late-writes.ts';

export type NewLedgerEntry = {
  cadreId: string;
  /** The commission that decided (the handling jurisdiction). */
  jurisdictionId: string;
  facts: LedgerFacts;
  /** The day the outcome takes effect, and the last day of a period already fixed (a sanction's). */
  on: LocalDate;
  until?: LocalDate | null;
  source: {
    matterId?: string | null;
    sanctionId?: string | null;
    documentId?: string | null;
    /** A document number when no document of ours carries it (a sanction decided elsewhere). */
    documentNumber?: string | null;
  };
  policy: { id: string; version: string };
};

/** The entry now in force on a chain (none superseded it), if any. */
export async function chainHead(
  trx: Transaction<Database>,
  chainKey: string,
): Promise<{ id: string; facts: unknown } | undefined> {
  return trx
    .selectFrom('outcome_ledger as e')
    .select(['e.id', 'e.facts'])
    .where('e.chain_key', '=', chainKey)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('outcome_ledger as n').select('n.id').whereRef('n.supersedes_id', '=', 'e.id'),
        ),
      ),
    )
    .orderBy('e.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Records the entry in the caller's transaction; returns its id. Nothing is numbered or delivered
 * before the transaction commits, and nothing at all if it rolls back.
 */
export async function recordLedgerEntry(
  trx: Transaction<Database>,
  actor: Principal,
  input: NewLedgerEntry,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  const cadre = await trx
    .selectFrom('cadres as c')
    .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
    .select(['c.unit_id', 'j.path'])
    .where('c.id', '=', input.cadreId)
    .executeTakeFirstOrThrow();
  const kind = input.facts.kind;
  const chainKey = chainKeyOf(kind, { matterId: input.source.matterId, sanctionId: input.source.sanctionId });
  const previous = await chainHead(trx, chainKey);
  const content = ledgerContent(input.facts, input.on, input.until ?? null);
  const documentNumber =
    input.source.documentNumber ??
    (input.source.documentId
      ? (
          await trx
            .selectFrom('documents')
            .select('number')
            .where('id', '=', input.source.documentId)
            .executeTakeFirstOrThrow()
        ).number
      : null);
  await writeLate(trx, 'ledger', async (t) => {
    // The head's lock orders entries by commit: whoever numbers next waits for this COMMIT.
    const head = await t
      .updateTable('outcome_ledger_head')
      .set({ seq: sql<string>`seq + 1` })
      .where('id', '=', 1)
      .returning('seq')
      .executeTakeFirstOrThrow();
    await t
      .insertInto('outcome_ledger')
      .values({
        id,
        seq: head.seq,
        cadre_id: input.cadreId,
        jurisdiction_id: input.jurisdictionId,
        jurisdiction_path: cadre.path,
        unit_id: cadre.unit_id,
        kind,
        chain_key: chainKey,
        supersedes_id: previous?.id ?? null,
        facts: JSON.stringify(input.facts),
        effects: JSON.stringify(content.effects),
        scope: content.scope,
        effective_from: content.effectiveFrom,
        effective_until: content.effectiveUntil,
        source_matter_id: input.source.matterId ?? null,
        sanction_id: input.source.sanctionId ?? null,
        source_document_id: input.source.documentId ?? null,
        document_number: documentNumber,
        policy_id: input.policy.id,
        policy_version: input.policy.version,
        recorded_by: actor.system ? null : actor.userId,
        recorded_at: now,
      })
      .execute();
    // The outbox: one delivery per subscription of a jurisdiction over the cadre that wants this kind.
    const subscriptions = await t
      .selectFrom('webhook_subscriptions as s')
      .innerJoin('jurisdictions as j', 'j.id', 's.jurisdiction_id')
      .select('s.id')
      .where('s.status', '=', 'active')
      .where(sql<boolean>`${kind} = any(s.event_kinds)`)
      .where(sql<boolean>`left(${cadre.path}, length(j.path)) = j.path`)
      .execute();
    if (subscriptions.length > 0)
      await t
        .insertInto('webhook_outbox')
        .values(
          subscriptions.map((s) => ({
            id: randomUUID(),
            subscription_id: s.id,
            entry_id: id,
            status: 'pending' as const,
            next_attempt_at: now,
            created_at: now,
          })),
        )
        .execute();
  });
  // After the ledger's late write: in a transaction without late writes both run now, and the
  // ledger's head must be locked before the audit chain's, as everywhere else.
  await appendAudit(
    trx,
    {
      actor: actorOf(actor),
      action: 'outcome_ledger.recorded',
      entityType: 'outcome_ledger',
      entityId: id,
      jurisdictionId: input.jurisdictionId,
      data: {
        cadreId: input.cadreId,
        kind,
        effects: content.effects.map((e) => e.code),
        effectiveFrom: content.effectiveFrom,
        effectiveUntil: content.effectiveUntil,
        supersedes: previous?.id ?? null,
        sourceMatterId: input.source.matterId ?? null,
        sanctionId: input.source.sanctionId ?? null,
      },
    },
    now,
  );
  return id;
}
