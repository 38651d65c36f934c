/**
 * 结果运用台账 of the synthetic world: each decision in force (and each review's answer) reaches the
 * subject cadre's ledger as the real decide and review steps record it (usecases/outcome-ledger
 * hooks.ts → record.ts) — the same facts, effects computed by the same domain rules, the entry a
 * review supersedes, and the `outcome_ledger.recorded` audit event after the document's.
 *
 * Entries are numbered in commit order in the application; here, in time order: an entry takes the
 * next `seq` when its audit event is released into the chain (audit-stream.ts), which happens in
 * time order across the whole country. An integration test compares the entries with what the
 * start-up backfill writes from the same matters.
 */
import type { Db } from '../../connect.ts';
import { chainKeyOf, ledgerContent, type LedgerFacts } from '../../../domain/outcome-ledger/effects.ts';
import type { Outcome } from '../../../domain/policy/index.ts';
import type { Account } from './accounts.ts';
import { ColumnBatch, InsertPipeline, bulkInsert, run, type Cell } from './bulk.ts';
import { beijingDate } from './lifecycle.ts';
import { LEDGER_COLUMNS } from './matter-batches.ts';
import type { BuilderDeps, Subject } from './matter-builder.ts';
import { MEASURE } from './templates.ts';

export class LedgerWriter {
  private batch = new ColumnBatch(LEDGER_COLUMNS);
  private seq: number;
  /** Entries appended by this run (the head may start above 0 on a database generated into with --force). */
  written = 0;

  constructor(
    private readonly db: Db,
    private readonly pipeline: InsertPipeline,
    headSeq: number,
    private readonly chunk = 10_000,
  ) {
    this.seq = headSeq;
  }

  /** Numbers an entry (its cells without `seq`, in LEDGER_COLUMNS order) as its event joins the chain. */
  append(cells: Cell[]): void {
    this.batch.push(cells[0]!, ++this.seq, ...cells.slice(1));
    this.written += 1;
  }

  async flushIfFull(): Promise<void> {
    if (this.batch.length >= this.chunk) await this.flush();
  }

  /** Writes what is left and moves the ledger's head (after the audit chain has released everything). */
  async finish(): Promise<void> {
    await this.flush();
    await this.pipeline.drain();
    await run(this.db, 'update outcome_ledger_head set seq = $1 where id = 1', [this.seq]);
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const full = this.batch;
    this.batch = new ColumnBatch(LEDGER_COLUMNS);
    await this.pipeline.push(() => bulkInsert(this.db, 'outcome_ledger', full));
  }
}

type MatterFacts = { matterId: string; title: string; subject: Subject; jurisdictionId: string };
type Entry = { outcome: Outcome; basis: 'decision' | 'review_upheld'; document: { id: string; number: string }; supersedes: string | null };

/** `recordLedger` of one matter's step context: the entry's row and its audit event, the row numbered on release. */
export function ledgerEntryRecorder(deps: Pick<BuilderDeps, 'ids' | 'policy' | 'audit' | 'ledger'>, matter: MatterFacts) {
  return (at: number, by: Account, entry: Entry): string => {
    const id = deps.ids.id();
    const facts: LedgerFacts = { kind: 'tolerance_decision', outcome: entry.outcome, measure: entry.outcome === 'mitigate' ? MEASURE : null, basis: entry.basis, matterTitle: matter.title };
    const content = ledgerContent(facts, beijingDate(at), null);
    const row: Cell[] = [
      id,
      matter.subject.id,
      matter.jurisdictionId,
      matter.subject.jurisdictionPath,
      matter.subject.unitId,
      facts.kind,
      chainKeyOf(facts.kind, { matterId: matter.matterId }),
      entry.supersedes,
      JSON.stringify(facts),
      JSON.stringify(content.effects),
      content.scope,
      content.effectiveFrom,
      content.effectiveUntil,
      matter.matterId,
      entry.document.id,
      entry.document.number,
      deps.policy.id,
      deps.policy.version,
      by.id,
      new Date(at),
    ];
    deps.audit({
      at,
      actorUserId: by.id,
      actor: by.username,
      action: 'outcome_ledger.recorded',
      entityType: 'outcome_ledger',
      entityId: id,
      jurisdictionId: matter.jurisdictionId,
      data: {
        cadreId: matter.subject.id,
        kind: facts.kind,
        effects: content.effects.map((e) => e.code),
        effectiveFrom: content.effectiveFrom,
        effectiveUntil: content.effectiveUntil,
        supersedes: entry.supersedes,
        sourceMatterId: matter.matterId,
        sanctionId: null,
      },
      onChained: () => deps.ledger.append(row),
    });
    return id;
  };
}
