/**
 * The backup file: gzip-compressed lines.
 *   line 1        header JSON  { format, version, engine, migrations, createdAt, audit, keyIds, tables }
 *   lines 2…n-1   <table> TAB <row as PostgreSQL's row_to_json>   (rows are never re-parsed in JS,
 *                 so int8, numeric, bytea and timestamps round-trip exactly through PostgreSQL)
 *   last line     trailer JSON { end: true, counts, sm3 }  — sm3 of every byte before it, so a
 *                 truncated or edited file is refused before anything is committed.
 * One logical format for both engines: a PGlite backup restores into PostgreSQL and back.
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'rongcuo-backup';
export const BACKUP_VERSION = 1;

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  engine: z.enum(['pglite', 'postgres']),
  /** Schema migrations applied when the snapshot was taken, in order. */
  migrations: z.array(z.string()).min(1),
  createdAt: z.string(),
  /** The audit chain head inside the snapshot: the restored chain must end exactly here. */
  audit: z.object({ seq: z.number().int().min(0), hash: z.string() }),
  /** Field-encryption key ids the encrypted columns use: the restoring keyring must hold them all. */
  keyIds: z.array(z.string()),
  tables: z.array(z.string()),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export const BackupTrailer = z.object({
  end: z.literal(true),
  counts: z.record(z.string(), z.number().int().min(0)),
  sm3: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupTrailer = z.infer<typeof BackupTrailer>;

export type BackupSummary = {
  header: BackupHeader;
  counts: Record<string, number>;
  rows: number;
  sm3: string;
};
