/**
 * Writes the roster import demo files into a folder and checks them by parsing them back:
 *
 *   npx tsx scripts/make-roster-fixtures.ts <dir>
 *
 * roster-ok.xlsx (20 valid rows), roster-broken.xlsx and roster-broken-gbk.csv (the same rows with
 * exactly 4 broken) and README.txt listing the expected errors. Exits non-zero if a file does not
 * parse as expected.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildRosterFixtures } from '../src/roster/demo-fixtures.ts';
import { parseRosterFile } from '../src/roster/parse.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx scripts/make-roster-fixtures.ts <dir>');
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });
const fixtures = await buildRosterFixtures();
for (const [name, bytes] of Object.entries(fixtures.files)) fs.writeFileSync(path.join(dir, name), bytes);
fs.writeFileSync(path.join(dir, 'README.txt'), fixtures.readme);

const problems: string[] = [];
const ok = await parseRosterFile(fixtures.files['roster-ok.xlsx'], 'roster-ok.xlsx');
if (ok.rows.length !== 20 || ok.errors.length > 0)
  problems.push(`roster-ok.xlsx: ${ok.rows.length} rows, ${ok.errors.length} errors`);
for (const name of ['roster-broken.xlsx', 'roster-broken-gbk.csv'] as const) {
  const result = await parseRosterFile(fixtures.files[name], name);
  const got = result.errors.map((e) => `${e.row}/${e.column}/${e.code}`).join(' ');
  const want = fixtures.expectedErrors[name].map((e) => `${e.row}/${e.column}/${e.code}`).join(' ');
  if (got !== want || result.rows.length !== 16) problems.push(`${name}: expected ${want}, got ${got}`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`wrote ${Object.keys(fixtures.files).join(', ')} and README.txt to ${dir}`);
