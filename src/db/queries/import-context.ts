/** What a roster import needs to know before it writes: the target jurisdiction, its units, and which ID numbers exist. */
import type { Db } from '../connect.ts';
import { escapeLike } from './roster.ts';

export type ImportUnit = { id: string; name: string; jurisdictionId: string };
export type ExistingCadre = {
  id: string;
  version: number;
  inScope: boolean;
  name: string;
  gender: string;
  birthMonth: string;
  unitId: string;
  position: string;
  rank: string;
  partyMembership: string;
  status: string;
  mobileEnc: string | null;
};

export async function loadImportContext(db: Db, input: { scope: string[]; jurisdictionId?: string | undefined; idNumberHashes: string[] }) {
  const target = input.jurisdictionId
    ? await db.selectFrom('jurisdictions').select(['id', 'path']).where('id', '=', input.jurisdictionId).executeTakeFirst()
    : // The broadest jurisdiction the user may import into (scope paths are already minimal).
      await db.selectFrom('jurisdictions').select(['id', 'path']).where('path', 'in', input.scope.length ? input.scope : ['-']).orderBy('path').executeTakeFirst();
  const unitsByName = new Map<string, ImportUnit[]>();
  const existingByHash = new Map<string, ExistingCadre>();
  if (!target) return { target, unitsByName, existingByHash };

  const units = await db
    .selectFrom('units as u')
    .innerJoin('jurisdictions as j', 'j.id', 'u.jurisdiction_id')
    .select(['u.id', 'u.name', 'u.jurisdiction_id'])
    .where('j.path', 'like', `${escapeLike(target.path)}%`)
    .execute();
  for (const u of units) {
    const list = unitsByName.get(u.name) ?? [];
    list.push({ id: u.id, name: u.name, jurisdictionId: u.jurisdiction_id });
    unitsByName.set(u.name, list);
  }

  const hashes = [...new Set(input.idNumberHashes)];
  for (let i = 0; i < hashes.length; i += 5000) {
    const rows = await db
      .selectFrom('cadres as c')
      .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
      .select(['c.id', 'c.version', 'c.id_number_hash', 'c.name', 'c.gender', 'c.birth_month', 'c.unit_id', 'c.position', 'c.rank', 'c.party_membership', 'c.status', 'c.mobile_enc', 'j.path'])
      .where('c.id_number_hash', 'in', hashes.slice(i, i + 5000))
      .execute();
    for (const r of rows) {
      existingByHash.set(r.id_number_hash, {
        id: r.id,
        version: r.version,
        inScope: r.path.startsWith(target.path),
        name: r.name,
        gender: r.gender,
        birthMonth: r.birth_month,
        unitId: r.unit_id,
        position: r.position,
        rank: r.rank,
        partyMembership: r.party_membership,
        status: r.status,
        mobileEnc: r.mobile_enc,
      });
    }
  }
  return { target, unitsByName, existingByHash };
}
