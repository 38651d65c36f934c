/**
 * `rongcuo keys rotate`: re-encrypts every encrypted field still under an older key with the
 * keyring's active key, in keyset-paginated batches, one transaction per batch. Idempotent — tokens
 * already under the active key are skipped — and safe to interrupt and run again. Each row is
 * compare-and-set on its old token, so a value the application rewrote meanwhile is left alone.
 * The blind-index key is not touched: it stays pinned in the keyring file.
 */
import { sql } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import { appendAudit, type Actor } from '../../audit/append.ts';
import { ENCRYPTED_COLUMNS, columnLabel, type EncryptedColumn } from './encrypted-columns.ts';

export type ColumnCounts = { scanned: number; reencrypted: number; remaining: number };
export type RotationReport = {
  activeKeyId: string;
  columns: Record<string, ColumnCounts>;
  reencrypted: number;
  remaining: number;
};
export type RotationProgress = (done: number, total: number) => void;

/** How many stored tokens are under a key other than the active one, per column. */
export async function countStaleTokens(deps: Pick<Deps, 'db' | 'keyring'>): Promise<Record<string, number>> {
  const prefix = `v1.${deps.keyring.activeKeyId}.%`;
  const counts: Record<string, number> = {};
  for (const c of ENCRYPTED_COLUMNS) {
    const { rows } = await sql<{
      n: string;
    }>`select count(*) as n from ${sql.table(c.table)} where ${sql.ref(c.column)} is not null and ${sql.ref(c.column)} not like ${prefix}`.execute(
      deps.db,
    );
    counts[columnLabel(c)] = Number(rows[0]!.n);
  }
  return counts;
}

export async function rotateKeys(
  deps: Pick<Deps, 'db' | 'clock' | 'keyring'>,
  actor: Actor,
  opts: { batchSize?: number; onProgress?: RotationProgress } = {},
): Promise<RotationReport> {
  const batchSize = opts.batchSize ?? 500;
  let total = 0;
  for (const c of ENCRYPTED_COLUMNS) {
    const { rows } = await sql<{
      n: string;
    }>`select count(*) as n from ${sql.table(c.table)} where ${sql.ref(c.column)} is not null`.execute(
      deps.db,
    );
    total += Number(rows[0]!.n);
  }
  let done = 0;
  const columns: Record<string, ColumnCounts> = {};
  for (const c of ENCRYPTED_COLUMNS) {
    const counts = await rotateColumn(deps, c, batchSize, (n) => opts.onProgress?.((done += n), total));
    columns[columnLabel(c)] = { ...counts, remaining: 0 };
  }
  const stale = await countStaleTokens(deps);
  for (const [label, n] of Object.entries(stale)) columns[label]!.remaining = n;
  const report: RotationReport = {
    activeKeyId: deps.keyring.activeKeyId,
    columns,
    reencrypted: Object.values(columns).reduce((sum, c) => sum + c.reencrypted, 0),
    remaining: Object.values(stale).reduce((sum, n) => sum + n, 0),
  };
  await deps.db
    .transaction()
    .execute((trx) =>
      appendAudit(
        trx,
        { actor, action: 'keys.rotated', entityType: 'system', data: report },
        deps.clock.now(),
      ),
    );
  return report;
}

async function rotateColumn(
  deps: Pick<Deps, 'db' | 'keyring'>,
  c: EncryptedColumn,
  batchSize: number,
  progress: (scanned: number) => void,
): Promise<{ scanned: number; reencrypted: number }> {
  const { keyring } = deps;
  let after: string | null = null;
  let scanned = 0;
  let reencrypted = 0;
  for (;;) {
    const page: { rows: { id: string; token: string }[] } = await sql<{ id: string; token: string }>`
      select ${sql.ref(c.key)}::text as id, ${sql.ref(c.column)} as token from ${sql.table(c.table)}
      where ${sql.ref(c.column)} is not null ${after === null ? sql`` : sql`and ${sql.ref(c.key)} > ${after}`}
      order by ${sql.ref(c.key)} limit ${batchSize}`.execute(deps.db);
    if (page.rows.length === 0) break;
    const stale = page.rows.filter((r) => keyring.needsReencryption(r.token));
    if (stale.length > 0) {
      await deps.db.transaction().execute(async (trx) => {
        for (const row of stale) {
          const context = c.context(row.id);
          const fresh = keyring.encrypt(keyring.decrypt(row.token, context), context);
          const result = await sql`update ${sql.table(c.table)} set ${sql.ref(c.column)} = ${fresh}
            where ${sql.ref(c.key)} = ${row.id} and ${sql.ref(c.column)} = ${row.token}`.execute(trx);
          reencrypted += Number(result.numAffectedRows ?? 0n);
        }
      });
    }
    scanned += page.rows.length;
    progress(page.rows.length);
    after = page.rows[page.rows.length - 1]!.id;
    if (page.rows.length < batchSize) break;
  }
  return { scanned, reencrypted };
}
