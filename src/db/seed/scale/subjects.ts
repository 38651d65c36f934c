/**
 * The cadres matters are about: a hash-chosen sample of serving cadres per county (about one for
 * every two matters, at least 40), read back in one query — Node needs their names for titles and
 * documents, and SQL made them.
 */
import type { Db } from '../../connect.ts';
import { query } from './bulk.ts';
import type { World } from './geography.ts';
import type { Subject } from './matter-builder.ts';
import type { ScaleSpec } from './spec.ts';

export async function loadSubjects(db: Db, world: World, spec: ScaleSpec): Promise<Map<number, Subject[]>> {
  const countyOf = new Map<string, number>();
  for (const county of world.counties) {
    countyOf.set(county.jurisdiction.id, county.index);
    for (const t of county.townships) countyOf.set(t.id, county.index);
  }
  const wanted = Math.max(40, spec.mattersPerCounty / 2);
  const every = Math.max(1, Math.floor(spec.cadresPerCounty / wanted));
  const rows = await query<{ id: string; name: string; unit_id: string; jurisdiction_id: string }>(
    db,
    `select c.id, c.name, c.unit_id, c.jurisdiction_id from cadres c
     where c.status = 'in_office' and abs(hashtext(c.id::text)) % $1 = 0 and c.jurisdiction_id = any($2::uuid[])`,
    [every, [...countyOf.keys()]],
  );
  const pathOf = new Map(world.jurisdictions.map((j) => [j.id, j.path]));
  const subjects = new Map<number, Subject[]>();
  for (const r of rows) {
    const county = countyOf.get(r.jurisdiction_id)!;
    const list = subjects.get(county) ?? [];
    list.push({ id: r.id, name: r.name, unitId: r.unit_id, jurisdictionPath: pathOf.get(r.jurisdiction_id)! });
    subjects.set(county, list);
  }
  for (const county of world.counties) {
    if ((subjects.get(county.index)?.length ?? 0) === 0) throw new Error(`county ${county.jurisdiction.code} has no serving cadres to be the subject of matters`);
  }
  return subjects;
}
