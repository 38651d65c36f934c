/**
 * Forward-only numbered migrations, imported statically so they work the same under tsx, vitest and
 * a bundle. Never edit a migration once merged: add the next number.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_matters.ts';
import * as m0003 from './migrations/0003_stats_and_admin.ts';
import * as m0004 from './migrations/0004_security.ts';
import * as m0006 from './migrations/0006_correction_prereg.ts';
import * as m0008 from './migrations/0008_sanctions.ts';
import * as m0009 from './migrations/0009_case_library.ts';
import * as m0010 from './migrations/0010_outcome_ledger.ts';
import * as m0011 from './migrations/0011_webhooks.ts';
import * as m0012 from './migrations/0012_scorecard.ts';
import * as m0013 from './migrations/0013_consistency.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_matters': m0002,
  '0003_stats_and_admin': m0003,
  '0004_security': m0004,
  '0006_correction_prereg': m0006,
  '0008_sanctions': m0008,
  '0009_case_library': m0009,
  '0010_outcome_ledger': m0010,
  '0011_webhooks': m0011,
  '0012_scorecard': m0012,
  '0013_consistency': m0013,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export const MIGRATION_NAMES = Object.keys(MIGRATIONS);

/**
 * Migrates up to and including `name` (restoring a backup: the data is loaded at the schema it was
 * taken at, then `migrateToLatest` carries it forward like any installation's data).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
