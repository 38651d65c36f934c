import { describe, expect, it } from 'vitest';
import { generateKCounty } from '../db/seed/k-county.ts';
import { buildRosterFixtures } from './demo-fixtures.ts';
import { parseRosterFile } from './parse.ts';

describe('buildRosterFixtures', () => {
  it('makes 20 valid new cadres in demo units, and broken copies with exactly the four listed errors', async () => {
    const fixtures = await buildRosterFixtures();
    const demo = generateKCounty();
    const unitNames = new Set(
      demo.units.filter((unit) => unit.code.startsWith('K-')).map((unit) => unit.name),
    );
    const seededIds = new Set(demo.cadres.map((cadre) => cadre.id_number));

    const ok = await parseRosterFile(fixtures.files['roster-ok.xlsx'], 'roster-ok.xlsx');
    expect(ok.errors).toEqual([]);
    expect(ok.rows).toHaveLength(20);
    expect(ok.rows.every((row) => unitNames.has(row.unitName) && !seededIds.has(row.idNumber))).toBe(true);

    for (const name of ['roster-broken.xlsx', 'roster-broken-gbk.csv'] as const) {
      const result = await parseRosterFile(fixtures.files[name], name);
      expect(result.rows).toHaveLength(16);
      expect(result.errors.map((e) => ({ row: e.row, column: e.column, code: e.code }))).toEqual(
        fixtures.expectedErrors[name].map(({ row, column, code }) => ({ row, column, code })),
      );
    }
    const csv = await parseRosterFile(fixtures.files['roster-broken-gbk.csv'], 'x.csv');
    expect(csv.encoding).toBe('gb18030');
    expect(fixtures.readme).toContain('row 4, column 身份证号: roster.bad_id_checksum');
  });
});
