/**
 * The classic bulk-load recipe, done safely: inside the generator's one transaction, drop the
 * secondary indexes, unique constraints and foreign keys of the tables being filled, load, then
 * recreate every one of them from the definitions PostgreSQL itself reported (pg_get_indexdef,
 * pg_get_constraintdef), so they come back exactly as the migrations made them. Building an index
 * once over sorted data and checking a foreign key with one join is far cheaper than maintaining
 * them row by row; and because DDL is transactional, a failure or a kill leaves the schema intact.
 */
import type { Db } from '../../connect.ts';
import { query, run } from './bulk.ts';

type Dropped = { kind: 'index' | 'constraint'; table: string; name: string; definition: string };

/** Drops what `tables` can live without while loading; returns the function that recreates it. */
export async function relaxForBulkLoad(trx: Db, tables: readonly string[]): Promise<() => Promise<void>> {
  const constraints = await query<{ table: string; name: string; definition: string; type: string }>(
    trx,
    `select t.relname as table, c.conname as name, pg_get_constraintdef(c.oid) as definition, c.contype as type
     from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
     where n.nspname = current_schema() and t.relname = any($1) and c.contype in ('f', 'u')
       and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid and c.contype = 'u')
     order by c.contype, t.relname, c.conname`,
    [tables],
  );
  const indexes = await query<{ table: string; name: string; definition: string }>(
    trx,
    `select t.relname as table, ic.relname as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class t on t.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = t.relnamespace
     where n.nspname = current_schema() and t.relname = any($1) and not i.indisprimary
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
     order by t.relname, ic.relname`,
    [tables],
  );
  const dropped: Dropped[] = [
    ...constraints.map((c) => ({ kind: 'constraint' as const, table: c.table, name: c.name, definition: c.definition })),
    ...indexes.map((i) => ({ kind: 'index' as const, table: i.table, name: i.name, definition: i.definition })),
  ];
  for (const d of dropped) {
    await run(trx, d.kind === 'constraint' ? `alter table ${quote(d.table)} drop constraint ${quote(d.name)}` : `drop index ${quote(d.name)}`);
  }
  return async () => {
    // Indexes and unique constraints first, so the foreign keys are checked against indexed keys.
    for (const d of [...dropped].sort((a, b) => rank(a) - rank(b))) {
      await run(trx, d.kind === 'constraint' ? `alter table ${quote(d.table)} add constraint ${quote(d.name)} ${d.definition}` : d.definition);
    }
  };
}

const rank = (d: Dropped) => (d.kind === 'index' ? 0 : d.definition.startsWith('UNIQUE') ? 1 : 2);
const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
