/**
 * The ledger of outcomes decided before the ledger existed (migration 0010): written once, on the
 * first start after the upgrade, from what the matters, sanctions and follow-ups recorded — through
 * the same hooks the decisions use, so an entry reads the same whether written live or here. Each
 * chain in its order (a decision before its review; an earlier decision before the one taken again
 * after reopening; a correction's order before its close), so supersession comes out the same.
 *
 * Once per installation, even with several nodes starting together: the first to insert the
 * `outcome_ledger.backfill` setting does it; the others find it there and skip.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../app/deps.ts';
import type { Db } from '../../db/connect.ts';
import { claimOneTimeTask } from '../../db/repos/one-time-tasks.ts';
import type { Principal } from '../../domain/access.ts';
import { toBeijingDate, type LocalDate } from '../../domain/calendar/local-date.ts';
import { storedOrder } from '../correction/order.ts';
import { ruleOf } from '../follow-up/sanctions.ts';
import { outcomeOf } from '../follow-up/stored.ts';
import { storedClearing } from '../name-clearing/stored.ts';
import type { StoredDecision } from '../tolerance/steps/stored-decision.ts';
import {
  ledgerCorrectionEnded,
  ledgerCorrectionOrdered,
  ledgerNameCleared,
  ledgerReuseDecision,
  ledgerSanction,
  ledgerToleranceDecision,
} from './hooks.ts';

/** Claimed once per installation; the scale generator claims it too (it writes the entries itself). */
export const OUTCOME_LEDGER_BACKFILL_TASK = 'outcome_ledger.backfill';
const BATCH = 200;
const SYSTEM: Principal = { userId: '', username: 'system', cadreId: null, grants: [], system: true };

const DETERMINATIONS = ['tolerance_exempt', 'tolerance_mitigate', 'tolerance_refused'];

/** Rows of one kind, in batches by id; `write` records one row's entries in the batch's transaction. */
async function inBatches<R extends { id: string }>(
  db: Db,
  load: (after: string) => Promise<R[]>,
  write: (trx: Transaction<Database>, row: R) => Promise<number>,
): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let written = 0;
  for (;;) {
    const rows = await load(after);
    if (rows.length === 0) return written;
    after = rows.at(-1)!.id;
    // Without late writes: each entry is numbered at once, so the next of its chain finds it.
    written += await db.transaction().execute(async (trx) => {
      let n = 0;
      for (const row of rows) n += await write(trx, row);
      return n;
    });
  }
}

/** Returns how many entries were written (0 when another start already did it, or nothing was decided). */
export async function backfillOutcomeLedger(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  if (!(await claimOneTimeTask(deps.db, OUTCOME_LEDGER_BACKFILL_TASK, now))) return 0;
  const db = deps.db;
  let written = 0;

  // 容错认定: every decision that took effect, then its review; earlier decisions of a reopened matter first.
  written += await inBatches(
    db,
    (after) =>
      db
        .selectFrom('matters')
        .select([
          'id',
          'title',
          'status',
          'subject_cadre_id',
          'jurisdiction_id',
          'policy_id',
          'policy_version',
          'decision',
        ])
        .where('type', '=', 'tolerance')
        .where('decision', 'is not', null)
        .where('subject_cadre_id', 'is not', null)
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute(),
    async (trx, m) => {
      const w = { trx, user: SYSTEM, now, policy: { id: m.policy_id!, version: m.policy_version! } };
      const [reopened, documents] = await Promise.all([
        trx
          .selectFrom('matter_records')
          .select('data')
          .where('matter_id', '=', m.id)
          .where('kind', '=', 'decision_reopened')
          .orderBy('created_at')
          .execute(),
        trx
          .selectFrom('documents')
          .select(['id', 'kind'])
          .where('matter_id', '=', m.id)
          .where('kind', 'in', [...DETERMINATIONS, 'review_decision'])
          .orderBy('issued_at')
          .execute(),
      ]);
      const determinations = documents.filter((d) => DETERMINATIONS.includes(d.kind));
      const reviews = documents.filter((d) => d.kind === 'review_decision');
      const current = m.decision as StoredDecision;
      // The decision in force is not yet effective while it awaits the higher level's approval.
      const decisions = [
        ...reopened.map((r) => (r.data as { previous: StoredDecision }).previous),
        ...(m.status === 'awaiting_approval' ? [] : [current]),
      ];
      let n = 0;
      for (const [i, d] of decisions.entries()) {
        const first = d.original ?? d;
        const doc = determinations[i] ?? determinations.at(-1);
        if (!doc) continue;
        await ledgerToleranceDecision(w, m, first, first.approval?.approvedOn ?? first.decidedOn, doc.id);
        n += 1;
        const review = reviews.at(-1);
        if (d.review && review) {
          await ledgerToleranceDecision(w, m, d, d.review.decidedOn, review.id, d.review.result);
          n += 1;
        }
      }
      return n;
    },
  );

  // 责令纠错 about a cadre, and its close or end.
  written += await inBatches(
    db,
    (after) =>
      db
        .selectFrom('matters')
        .select([
          'id',
          'title',
          'status',
          'subject_cadre_id',
          'jurisdiction_id',
          'policy_id',
          'policy_version',
          'decision',
          'closed_at',
        ])
        .where('type', '=', 'correction')
        .where('subject_cadre_id', 'is not', null)
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute(),
    async (trx, m) => {
      const order = storedOrder(m.decision);
      const doc = await trx
        .selectFrom('documents')
        .select('id')
        .where('matter_id', '=', m.id)
        .where('kind', '=', 'correction_order')
        .orderBy('issued_at')
        .executeTakeFirst();
      if (!doc) return 0;
      const w = { trx, user: SYSTEM, now };
      await ledgerCorrectionOrdered(w, {
        matterId: m.id,
        cadreId: m.subject_cadre_id!,
        jurisdictionId: m.jurisdiction_id,
        title: m.title,
        responsibleUnit: order.responsibleUnit.name,
        responsiblePerson: order.responsiblePerson,
        measures: order.measures,
        orderedOn: order.orderedOn,
        deadline: order.deadline,
        determinationNumber: order.determination?.number ?? null,
        documentId: doc.id,
        policy: { id: m.policy_id!, version: m.policy_version! },
      });
      if (m.status !== 'closed' && m.status !== 'terminated') return 1;
      const on = toBeijingDate(m.closed_at ?? now);
      if (m.status === 'closed') {
        await ledgerCorrectionEnded(w, m, 'closed', on);
        return 2;
      }
      const termination = await trx
        .selectFrom('matter_records')
        .select('data')
        .where('matter_id', '=', m.id)
        .where('kind', '=', 'termination')
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      const reopened =
        (termination?.data as { ground?: string } | undefined)?.ground === 'tolerance_reopened';
      await ledgerCorrectionEnded(w, m, { terminated: reopened ? 'tolerance_reopened' : 'leader_ended' }, on);
      return 2;
    },
  );

  // 澄清正名 carried out.
  written += await inBatches(
    db,
    (after) =>
      db
        .selectFrom('matters')
        .select(['id', 'subject_cadre_id', 'jurisdiction_id', 'policy_id', 'policy_version', 'decision'])
        .where('type', '=', 'name_clearing')
        .where('subject_cadre_id', 'is not', null)
        .where(
          sql<boolean>`decision -> 'execution' is not null and jsonb_typeof(decision -> 'execution') = 'object'`,
        )
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute(),
    async (trx, m) => {
      const execution = storedClearing(m.decision).execution!;
      await ledgerNameCleared(
        { trx, user: SYSTEM, now, policy: { id: m.policy_id!, version: m.policy_version! } },
        m,
        execution,
        execution.letter.documentId,
      );
      return 1;
    },
  );

  // 处分 with their influence periods, then the reuse decisions sent after follow-up visits.
  written += await inBatches(
    db,
    (after) =>
      db.selectFrom('sanctions').selectAll().where('id', '>', after).orderBy('id').limit(BATCH).execute(),
    async (trx, s) => {
      await ledgerSanction(
        { trx, user: SYSTEM, now },
        {
          id: s.id,
          cadreId: s.cadre_id,
          jurisdictionId: s.jurisdiction_id,
          type: s.sanction_type as never,
          rule: ruleOf(s),
          effectiveOn: s.effective_on as LocalDate,
          endsOn: s.influence_ends_on as LocalDate | null,
          decidedBy: s.decided_by,
          documentNumber: s.document_number,
          sourceMatterId: s.source_matter_id,
          policy: { id: s.policy_id, version: s.policy_version },
        },
      );
      return 1;
    },
  );
  written += await inBatches(
    db,
    (after) =>
      db
        .selectFrom('matters')
        .select(['id', 'sanction_id', 'decision'])
        .where('type', '=', 'follow_up')
        .where('status', 'in', ['notified', 'closed'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute(),
    async (trx, f) => {
      const outcome = outcomeOf(f.decision);
      if (!outcome.reuse || !outcome.delivery) return 0;
      const sanction = await trx
        .selectFrom('sanctions')
        .selectAll()
        .where('id', '=', f.sanction_id!)
        .executeTakeFirstOrThrow();
      await ledgerReuseDecision(
        { trx, user: SYSTEM, now },
        {
          matterId: f.id,
          documentId: outcome.delivery.documentId,
          deliveredOn: outcome.delivery.deliveredOn,
        },
        sanction,
        ruleOf(sanction),
        { recommended: outcome.reuse.recommended, suggestedUse: outcome.reuse.suggestedUse },
        outcome.grade?.value ?? null,
      );
      return 1;
    },
  );

  await db
    .updateTable('app_settings')
    .set({ value: JSON.stringify({ startedAt: now.toISOString(), written }), updated_at: deps.clock.now() })
    .where('key', '=', OUTCOME_LEDGER_BACKFILL_TASK)
    .execute();
  return written;
}
