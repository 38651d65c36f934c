/**
 * Late writes: some rows are written by nearly every transaction — the audit chain's head, the
 * dashboard counters of a jurisdiction and day — and a transaction that writes one holds its lock
 * until COMMIT, so every other transaction writing it waits that long. A transaction opened with
 * `lateWritesTransaction` runs such writes after its own work, just before COMMIT: still in the
 * same transaction (all or nothing, nothing visible before COMMIT), in the order registered within
 * each stage, but holding those locks for a few statements instead of for everything the work did
 * after its first write (reads, signatures, other inserts).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Counters first, the outcome ledger's numbering next (its head row orders ledger entries by commit),
 * the audit chain last: the chain's head is the one row every transaction shares. Heads are always
 * locked in this order, so two transactions never wait on each other's.
 */
export type LateStage = 'counters' | 'ledger' | 'audit';
const STAGES: readonly LateStage[] = ['counters', 'ledger', 'audit'];

type LateWrite = (trx: Transaction<Database>) => Promise<void>;
const registered = new WeakMap<Transaction<Database>, Map<LateStage, LateWrite[]>>();

export async function lateWritesTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const late = new Map<LateStage, LateWrite[]>(STAGES.map((stage) => [stage, []]));
    registered.set(trx, late);
    let result: T;
    try {
      result = await work(trx);
    } finally {
      registered.delete(trx);
    }
    for (const stage of STAGES) for (const write of late.get(stage)!) await write(trx);
    return result;
  });
}

/**
 * Runs `write` at the end of a `lateWritesTransaction` (after the work, before COMMIT), or now in any
 * other transaction. Returns whether it was deferred.
 */
export async function writeLate(trx: Transaction<Database>, stage: LateStage, write: LateWrite): Promise<boolean> {
  const late = registered.get(trx);
  if (late) {
    late.get(stage)!.push(write);
    return true;
  }
  await write(trx);
  return false;
}

/** True inside a `lateWritesTransaction` (before its late writes run). */
export function writesLate(trx: Transaction<Database>): boolean {
  return registered.has(trx);
}
