import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SCHEMA_COLUMNS } from '../../src/db/schema-columns.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createTestPlatform, ENGINES, type TestPlatform } from '../support/platform.ts';

describe.each(ENGINES)('schema on %s', (engine) => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform(engine);
  });
  afterAll(() => platform.close());

  it('has exactly the tables and columns the Kysely types declare, with the same nullability', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
      select table_name, column_name, is_nullable from information_schema.columns
      where table_schema = 'public' and table_name not like 'schema_migrations%'
      order by table_name, column_name`.execute(platform.handle.db);
    const actual: Record<string, Record<string, string>> = {};
    for (const r of rows) (actual[r.table_name] ??= {})[r.column_name] = r.is_nullable === 'YES' ? 'null' : 'not null';
    const expected = Object.fromEntries(Object.entries(SCHEMA_COLUMNS).map(([t, cols]) => [t, { ...cols }]));
    expect(actual).toEqual(expected);
  });

  it('migrating twice is a no-op', async () => {
    expect(await migrateToLatest(platform.handle.db)).toEqual([]);
  });

  it('refuses values outside the CHECK constraints', async () => {
    await expect(
      sql`insert into jurisdictions (code, name, level, path) values ('X', 'X', 'planet', '/x/')`.execute(platform.handle.db),
    ).rejects.toThrow(/check/i);
  });
});
