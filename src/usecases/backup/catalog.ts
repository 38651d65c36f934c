/**
 * What backup and restore need from the database catalog, discovered rather than listed so a table a
 * later migration adds is included without anyone remembering to: the application's tables, their
 * foreign keys, and the sequences behind serial columns.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- catalog queries work on any schema
type AnyDb = Kysely<any>;

/**
 * Sign-in state is not backed up: restoring it would bring back sessions that were ended after the
 * backup was taken. A restored installation starts with everyone signed out.
 */
export const TRANSIENT_TABLES: readonly string[] = ['sessions', 'login_challenges'];

/** Every table of the public schema except the migrator's own (the header records migrations). */
export async function applicationTables(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'schema_migrations%'
    order by c.relname`.execute(db);
  return rows.map((r) => r.name);
}

/** Migration names applied to this database, oldest first ([] when it has never been migrated). */
export async function appliedMigrations(db: AnyDb): Promise<string[]> {
  const { rows: exists } = await sql<{
    ok: boolean;
  }>`select to_regclass('public.schema_migrations') is not null as ok`.execute(db);
  if (!exists[0]?.ok) return [];
  const { rows } = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** Foreign keys that are checked per statement (the default), as `table`/`constraint` pairs. */
export async function immediateForeignKeys(db: AnyDb): Promise<{ table: string; name: string }[]> {
  const { rows } = await sql<{ table: string; name: string }>`
    select cl.relname as "table", c.conname as name from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid join pg_namespace n on n.oid = cl.relnamespace
    where c.contype = 'f' and n.nspname = 'public' and not c.condeferrable
    order by cl.relname, c.conname`.execute(db);
  return rows;
}

/**
 * Makes the given foreign keys deferrable (checked at the end) or puts them back. Rows can then be
 * loaded in any order — parents after children, self-references (jurisdictions, units, linked
 * matters) included — and are still all checked before the transaction commits.
 */
export async function setForeignKeysDeferrable(
  db: AnyDb,
  keys: readonly { table: string; name: string }[],
  deferrable: boolean,
): Promise<void> {
  for (const k of keys) {
    await sql`alter table ${sql.table(k.table)} alter constraint ${sql.ref(k.name)} ${deferrable ? sql`deferrable initially deferred` : sql`not deferrable`}`.execute(
      db,
    );
  }
}

/** Moves every serial column's sequence past the largest restored value. */
export async function resetSequences(db: AnyDb): Promise<void> {
  const { rows } = await sql<{ table: string; column: string; seq: string | null }>`
    select table_name as "table", column_name as "column", pg_get_serial_sequence(format('%I', table_name), column_name) as seq
    from information_schema.columns where table_schema = 'public' and column_default like 'nextval(%'`.execute(
    db,
  );
  for (const r of rows) {
    if (!r.seq) continue;
    await sql`select setval(${r.seq}::regclass, coalesce((select max(${sql.ref(r.column)}) from ${sql.table(r.table)}), 0) + 1, false)`.execute(
      db,
    );
  }
}

/**
 * A database restore may write into: nothing has ever happened in it — no audit event, no account,
 * no jurisdiction. (Rows a migration seeds, such as the audit head, are replaced by the backup's.)
 */
export async function isPristine(db: AnyDb): Promise<boolean> {
  const { rows } = await sql<{ n: string }>`
    select (select count(*) from audit_events) + (select count(*) from users) + (select count(*) from jurisdictions) as n`.execute(
    db,
  );
  return Number(rows[0]!.n) === 0;
}
