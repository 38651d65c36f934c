/**
 * `rongcuo restore FILE`: loads a backup into an EMPTY database only. The target is migrated to the
 * backup's schema version, the file's digest and row counts are checked, every row is loaded in one transaction (foreign keys deferred to the end,
 * then checked), row counts, the file digest and the whole audit chain are verified — ending at the
 * backup's head — before anything commits; then later migrations carry the data forward.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { MIGRATION_NAMES, migrateTo, migrateToLatest } from '../../db/migrate.ts';
import { appendAudit, type Actor } from '../../audit/append.ts';
import { verifyAuditChain } from '../../audit/verify.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  applicationTables,
  appliedMigrations,
  immediateForeignKeys,
  isPristine,
  resetSequences,
  setForeignKeysDeferrable,
} from './catalog.ts';
import { BackupHeader, BackupTrailer, type BackupSummary } from './format.ts';

const BATCH_ROWS = 500;
const BATCH_CHARS = 4 * 1024 * 1024;

const invalid = (reason: string) => new DomainError('backup.invalid_file', { reason });

function openLines(file: string): readline.Interface {
  return readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
}

/** The header of a backup file (checks it is one), without reading the rest. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = openLines(file);
  try {
    for await (const line of lines) {
      const parsed = BackupHeader.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw invalid(`header: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    }
    throw invalid('empty file');
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw invalid(e instanceof Error ? e.message : String(e));
  } finally {
    lines.close();
  }
}

/**
 * Reads the whole file once and checks its trailer — digest and row counts — so a damaged or
 * truncated file is refused with a clear reason before the database is touched.
 */
export async function verifyBackupFile(
  file: string,
): Promise<{ counts: Record<string, number>; sm3: string }> {
  const digest = createHash('sm3');
  const counts: Record<string, number> = {};
  let trailer: BackupTrailer | undefined;
  let first = true;
  try {
    for await (const line of openLines(file)) {
      if (trailer) throw invalid('data after the trailer');
      if (!first && line.startsWith('{')) {
        const parsed = BackupTrailer.safeParse(JSON.parse(line));
        if (!parsed.success) throw invalid('trailer');
        trailer = parsed.data;
        continue;
      }
      digest.update(line + '\n');
      if (!first) {
        const table = line.slice(0, Math.max(0, line.indexOf('\t')));
        counts[table] = (counts[table] ?? 0) + 1;
      }
      first = false;
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw invalid(e instanceof Error ? e.message : String(e)); // e.g. gzip: unexpected end of file
  }
  if (!trailer) throw invalid('truncated (no trailer)');
  if (digest.digest('hex') !== trailer.sm3)
    throw invalid('SM3 digest mismatch: the file was altered or damaged');
  for (const table of new Set([...Object.keys(trailer.counts), ...Object.keys(counts)])) {
    if ((trailer.counts[table] ?? 0) !== (counts[table] ?? 0))
      throw invalid(`row count of ${table}: ${counts[table] ?? 0}, expected ${trailer.counts[table] ?? 0}`);
  }
  return { counts, sm3: trailer.sm3 };
}

/** Refuses a backup this program cannot read, or a target whose schema is ahead of it; else migrates to it. */
async function alignSchema(db: Db, header: BackupHeader): Promise<void> {
  const expected = MIGRATION_NAMES.slice(0, header.migrations.length);
  const unknown = header.migrations.find((m, i) => m !== expected[i]);
  if (unknown !== undefined) throw new DomainError('backup.schema_unknown', { migration: unknown });
  const applied = await appliedMigrations(db);
  if (applied.length > header.migrations.length || applied.some((m, i) => m !== header.migrations[i])) {
    throw new DomainError('backup.schema_newer', {
      target: applied.at(-1) ?? '-',
      backup: header.migrations.at(-1)!,
    });
  }
  await migrateTo(db, header.migrations.at(-1)!);
}

export async function restoreBackup(
  db: Db,
  clock: Clock,
  file: string,
  actor: Actor,
  opts: { onProgress?: (rows: number) => void } = {},
): Promise<BackupSummary> {
  const header = await readBackupHeader(file);
  await verifyBackupFile(file);
  await alignSchema(db, header);
  if (!(await isPristine(db))) throw new DomainError('backup.target_not_empty');

  const counts: Record<string, number> = {};
  const digest = createHash('sm3');
  let trailer: BackupTrailer | undefined;
  await db.transaction().execute(async (trx) => {
    const tables = await applicationTables(trx);
    const known = new Set(tables);
    const foreignKeys = await immediateForeignKeys(trx);
    await setForeignKeysDeferrable(trx, foreignKeys, true);
    // Clears what migrations seeded (the genesis audit head); the backup brings its own.
    await sql`truncate table ${sql.join(tables.map((t) => sql.table(t)))}`.execute(trx);

    let batch: string[] = [];
    let batchTable = '';
    let batchChars = 0;
    let loaded = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await sql`insert into ${sql.table(batchTable)} overriding system value
        select * from json_populate_recordset(null::${sql.table(batchTable)}, ${`[${batch.join(',')}]`}::json)`.execute(
        trx,
      );
      loaded += batch.length;
      opts.onProgress?.(loaded);
      batch = [];
      batchChars = 0;
    };

    let first = true;
    for await (const line of openLines(file)) {
      if (trailer) throw invalid('data after the trailer');
      if (first) {
        first = false;
        digest.update(line + '\n');
        continue;
      }
      if (line.startsWith('{')) {
        const parsed = BackupTrailer.safeParse(JSON.parse(line));
        if (!parsed.success) throw invalid('trailer');
        trailer = parsed.data;
        continue;
      }
      digest.update(line + '\n');
      const tab = line.indexOf('\t');
      const table = tab > 0 ? line.slice(0, tab) : '';
      if (!known.has(table)) throw invalid(`unknown table "${table.slice(0, 60)}"`);
      if (table !== batchTable || batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush();
      batchTable = table;
      batch.push(line.slice(tab + 1));
      batchChars += line.length;
      counts[table] = (counts[table] ?? 0) + 1;
    }
    await flush();
    if (!trailer) throw invalid('truncated (no trailer)');
    if (digest.digest('hex') !== trailer.sm3)
      throw invalid('SM3 digest mismatch: the file was altered or damaged');
    for (const table of new Set([...Object.keys(trailer.counts), ...Object.keys(counts)])) {
      if ((trailer.counts[table] ?? 0) !== (counts[table] ?? 0))
        throw invalid(`row count of ${table}: ${counts[table] ?? 0}, expected ${trailer.counts[table] ?? 0}`);
    }

    await sql`set constraints all immediate`.execute(trx);
    await setForeignKeysDeferrable(trx, foreignKeys, false);
    await resetSequences(trx);
    const chain = await verifyAuditChain(trx);
    if (!chain.ok)
      throw new DomainError('backup.verify_failed', {
        reason: `${chain.problem!.reason} at event ${chain.problem!.seq}`,
      });
    if (chain.headSeq !== header.audit.seq || chain.headHash !== header.audit.hash) {
      throw new DomainError('backup.verify_failed', {
        reason: `chain ends at ${chain.headSeq}, the backup recorded ${header.audit.seq}`,
      });
    }
    await appendAudit(
      trx,
      {
        actor,
        action: 'backup.restored',
        entityType: 'system',
        data: {
          createdAt: header.createdAt,
          engine: header.engine,
          auditSeq: header.audit.seq,
          auditHash: header.audit.hash,
          rows: loaded,
          sm3: trailer.sm3,
        },
      },
      clock.now(),
    );
  });
  await migrateToLatest(db);
  return { header, counts, rows: Object.values(counts).reduce((a, b) => a + b, 0), sm3: trailer!.sm3 };
}
