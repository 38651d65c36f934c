/**
 * Roster import (干部名册导入) of a generated 100,000-row .xlsx through the real use case (parse,
 * validate, plan, encrypt, insert, one audit event per cadre), beside a raw bulk INSERT of the very
 * rows the import wrote (read back, then sent again as one `insert … select … from unnest(…)` into a
 * copy of the table with the same indexes — the floor for getting those rows into the database).
 */
import { sql } from 'kysely';
import { systemClock } from '../../src/clock.ts';
import { residentIdCheckChar } from '../../src/domain/identity.ts';
import { loadPrincipal } from '../../src/db/queries/principal.ts';
import { createRng } from '../../src/db/seed/prng.ts';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAME_POOL } from '../../src/db/seed/scale/names.ts';
import { exportRosterXlsx, type ExportRow } from '../../src/roster/export.ts';
import { importCadres } from '../../src/usecases/roster/import-cadres.ts';
import { benchKeyring, type Site } from '../lib/site.ts';
import { log, type Results } from '../lib/report.ts';

const COLUMNS = ['id', 'jurisdiction_id', 'unit_id', 'name', 'gender', 'birth_month', 'position', 'rank', 'party_membership', 'status', 'id_number_enc', 'id_number_hash', 'id_number_masked', 'mobile_enc', 'mobile_masked', 'version', 'created_at', 'updated_at'] as const;

export async function importScenario(site: Site, results: Results, opts: { rows: number; prefix: string }): Promise<void> {
  const handle = await site.open();
  try {
    const { db } = handle;
    const units = await sql<{ name: string }>`
      select u.name from units u join jurisdictions j on j.id = u.jurisdiction_id
      where j.path like ${`${site.fixtures.county.path}%`} group by u.name having count(*) = 1 order by u.name`.execute(db);
    const rows = fictionalRows(opts.rows, units.rows.map((u) => u.name));
    const bytes = await exportRosterXlsx(rows, { masked: false });
    log(`  ${opts.prefix}: ${opts.rows}-row .xlsx is ${(bytes.length / 1e6).toFixed(1)} MB`);
    const user = (await loadPrincipal(db, site.fixtures.orgdeptUserId))!;
    const deps = { db, clock: systemClock, keyring: benchKeyring(), publicBaseUrl: 'http://127.0.0.1' };
    const started = performance.now();
    const { report } = await importCadres(deps, user, { bytes, filename: 'bench-roster.xlsx', mode: 'all_or_nothing', dryRun: false });
    const importSeconds = (performance.now() - started) / 1000;
    if (report.status !== 'imported' || report.created !== opts.rows) throw new Error(`import did not create every row: ${JSON.stringify({ ...report, errors: report.errors.slice(0, 3) })}`);

    // The same rows, as the import stored them, inserted again in one statement.
    await sql`create table bench_cadres (like cadres including all)`.execute(db);
    const stored = await sql<Record<string, unknown>>`
      select ${sql.raw(COLUMNS.join(', '))} from cadres where id_number_masked like '460201%' order by created_at, id`.execute(db);
    const arrays = COLUMNS.map((c) => stored.rows.map((r) => (r[c] instanceof Date ? r[c].toISOString() : r[c])));
    const types = ['uuid', 'uuid', 'uuid', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'timestamptz', 'timestamptz'];
    const rawStarted = performance.now();
    await sql`insert into bench_cadres (${sql.raw(COLUMNS.join(', '))}) select * from unnest(${sql.join(arrays.map((a, i) => sql`${a}::${sql.raw(types[i]!)}[]`))})`.execute(db);
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    await sql`drop table bench_cadres`.execute(db);
    results.add(
      `${opts.prefix} roster import (${opts.rows.toLocaleString('en')}-row .xlsx, ${importSeconds.toFixed(1)} s)`,
      opts.rows / importSeconds,
      'rows/s',
      { name: `raw bulk INSERT of the same rows (${rawSeconds.toFixed(2)} s)`, value: opts.rows / rawSeconds },
      { atLeast: 0.5 },
    );
  } finally {
    await handle.close();
  }
}

/** Fictional cadres with valid resident IDs (region 460201, never used by the generator) in the county's units. */
export function fictionalRows(count: number, unitNames: string[]): ExportRow[] {
  const rng = createRng(7, 'bench:import');
  const taken = new Set<string>();
  const rows: ExportRow[] = [];
  while (rows.length < count) {
    const male = rng.chance(0.57);
    const year = rng.int(1965, 2000);
    const month = String(rng.int(1, 12)).padStart(2, '0');
    const seq = rng.int(0, 99) * 10 + (male ? 2 * rng.int(0, 4) + 1 : 2 * rng.int(0, 4));
    const first17 = `460201${year}${month}${String(rng.int(1, 28)).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
    const idNumber = first17 + residentIdCheckChar(first17);
    if (taken.has(idNumber)) continue;
    taken.add(idNumber);
    const given = male ? GIVEN_MALE : GIVEN_FEMALE;
    rows.push({
      name: rng.pick(SURNAME_POOL) + rng.pick(given) + (rng.chance(0.6) ? rng.pick(given) : ''),
      gender: male ? 'male' : 'female',
      birthMonth: `${year}-${month}`,
      unitName: rng.pick(unitNames),
      position: '科员',
      rank: year > 1990 ? '一级科员' : '四级主任科员',
      partyMembership: rng.chance(0.86) ? 'member' : 'none',
      status: 'in_office',
      idNumber,
      mobile: `13${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
    });
  }
  return rows;
}
