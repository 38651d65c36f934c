/**
 * `rongcuo backup FILE`: a consistent logical snapshot of every table, read in one REPEATABLE READ,
 * READ ONLY transaction (so it can run beside a live PostgreSQL server), written gzip-compressed to
 * a temporary file that is renamed into place only when complete. See format.ts for the layout.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import { appendAudit, type Actor } from '../../audit/append.ts';
import { ENCRYPTED_COLUMNS } from '../keys/encrypted-columns.ts';
import { applicationTables, appliedMigrations, TRANSIENT_TABLES } from './catalog.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type BackupSummary } from './format.ts';

const FETCH_ROWS = 1000;

export async function createBackup(
  deps: Pick<Deps, 'db' | 'clock'>,
  engine: 'pglite' | 'postgres',
  file: string,
  actor: Actor,
  opts: { onProgress?: (table: string, rows: number) => void } = {},
): Promise<BackupSummary> {
  const temp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.partial`);
  const digest = createHash('sm3');
  const counts: Record<string, number> = {};
  let header: BackupHeader | undefined;

  // Lines are produced inside the snapshot transaction and consumed by the gzip pipeline as they come.
  async function* lines(): AsyncGenerator<string> {
    const queue: string[] = [];
    let wake: (() => void) | undefined;
    let finished = false;
    let failure: unknown;
    const emit = (line: string) => {
      digest.update(line);
      queue.push(line);
      wake?.();
    };
    const snapshot = deps.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`set transaction read only`.execute(trx);
        const tables = (await applicationTables(trx)).filter((t) => !TRANSIENT_TABLES.includes(t));
        const head = await trx
          .selectFrom('audit_head')
          .select(['seq', 'hash'])
          .where('id', '=', 1)
          .executeTakeFirstOrThrow();
        const keyIds = new Set<string>();
        for (const c of ENCRYPTED_COLUMNS) {
          const { rows } = await sql<{
            k: string;
          }>`select distinct split_part(${sql.ref(c.column)}, '.', 2) as k from ${sql.table(c.table)} where ${sql.ref(c.column)} is not null`.execute(
            trx,
          );
          for (const r of rows) keyIds.add(r.k);
        }
        header = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          engine,
          migrations: await appliedMigrations(trx),
          createdAt: deps.clock.now().toISOString(),
          audit: { seq: Number(head.seq), hash: head.hash },
          keyIds: [...keyIds].sort(),
          tables,
        };
        emit(JSON.stringify(header) + '\n');
        for (const table of tables) {
          counts[table] = 0;
          await sql`declare backup_rows no scroll cursor for select row_to_json(t)::text as j from ${sql.table(table)} t`.execute(
            trx,
          );
          for (;;) {
            const { rows } = await sql<{
              j: string;
            }>`fetch forward ${sql.lit(FETCH_ROWS)} from backup_rows`.execute(trx);
            for (const r of rows) emit(`${table}\t${r.j}\n`);
            counts[table] += rows.length;
            opts.onProgress?.(table, counts[table]);
            if (rows.length < FETCH_ROWS) break;
            // Let the writer drain before reading more, so memory stays flat on large tables.
            while (queue.length > 10 * FETCH_ROWS) await new Promise((r) => setImmediate(r));
          }
          await sql`close backup_rows`.execute(trx);
        }
      })
      .then(
        () => void (finished = true),
        (e: unknown) => void ((failure = e), (finished = true)),
      )
      .finally(() => wake?.());
    for (;;) {
      while (queue.length > 0) yield queue.shift()!;
      if (finished) break;
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
    }
    await snapshot;
    if (failure) throw failure;
    const sm3 = digest.copy().digest('hex');
    yield JSON.stringify({ end: true, counts, sm3 }) + '\n';
  }

  try {
    await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(temp, { mode: 0o600 }));
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  const sm3 = digest.digest('hex');
  await deps.db
    .transaction()
    .execute((trx) =>
      appendAudit(
        trx,
        {
          actor,
          action: 'backup.created',
          entityType: 'system',
          data: {
            file: path.basename(file),
            auditSeq: header!.audit.seq,
            auditHash: header!.audit.hash,
            rows,
            sm3,
          },
        },
        deps.clock.now(),
      ),
    );
  return { header: header!, counts, rows, sm3 };
}
