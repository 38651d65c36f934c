/**
 * Cadres, made by PostgreSQL itself: one `insert … select … from unnest(units) cross join lateral
 * generate_series(…)` per batch of units, every attribute drawn from a hash of the cadre's global
 * number (so the same seed gives the same roster, and Node can name cadre n without asking).
 *
 * Sensitive fields (身份证号, 手机号). Encrypting 6 million values one by one would dominate the
 * run, so cadres outside the sample county share a pool of 256 real SM4 ciphertexts of realistic
 * values per field: same token format and length as real ones, so the table and TOAST sizes and the
 * query plans are realistic, but they are bound to a placeholder context and do not decrypt for the
 * row (revealing one fails as tampered). Their blind index is a unique 64-hex md5 pair with the
 * same distribution an HMAC has; the masked form is realistic. The first county (the "sample") is
 * fully real: valid resident IDs, real per-row ciphertexts and real blind indexes, so revealing,
 * exporting and searching by ID number work there exactly as in production.
 */
import type { Keyring } from '../../../crypto/field-cipher.ts';
import { residentIdCheckChar } from '../../../domain/identity.ts';
import { maskIdNumber, maskMobile } from '../../../crypto/masking.ts';
import { encryptIdNumber, encryptMobile } from '../../../usecases/roster/sensitive-fields.ts';
import { createRng } from '../prng.ts';
import { ColumnBatch, md5UuidSql, query, run, unnestSource, type ColumnSpec } from './bulk.ts';
import type { CountyPlan, UnitPlan } from './geography.ts';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAME_POOL } from './names.ts';
import type { Db } from '../../connect.ts';

const POOL_SIZE = 256;
const UNIT_COLUMNS: ColumnSpec[] = [
  ['unit_id', 'uuid'],
  ['jurisdiction_id', 'uuid'],
  ['region', 'text'],
  ['size', 'int'],
  ['first_cadre', 'bigint'],
  ['village', 'boolean'],
  ['posts', 'text'],
  ['post_ranks', 'text'],
  ['staff', 'text'],
  ['ladder', 'text'],
];

const arrayLiteral = (items: readonly string[]) => `('{${items.map((s) => `"${s}"`).join(',')}}'::text[])`;

/** Inserts the cadres of the given units; `now` stamps created_at. Returns the number inserted. */
export async function insertCadres(db: Db, seed: number, units: { unit: UnitPlan; region: string }[], pools: SensitivePools, now: Date): Promise<number> {
  const batch = new ColumnBatch(UNIT_COLUMNS);
  let total = 0;
  for (const { unit, region } of units) {
    batch.push(unit.id, unit.jurisdictionId, region, unit.size, unit.firstCadre, unit.kind === 'village', unit.posts.join('|'), unit.postRanks.join('|'), unit.staffTitles.join('|'), unit.ladder.join('|'));
    total += unit.size;
  }
  const source = unnestSource(batch, 'u', 5);
  // $1 seed, $2 id-number ciphertexts, $3 mobile ciphertexts, $4 now; units from $5.
  await run(
    db,
    `insert into cadres (id, jurisdiction_id, unit_id, name, gender, birth_month, position, rank, party_membership, status,
       id_number_enc, id_number_hash, id_number_masked, mobile_enc, mobile_masked, created_at, updated_at)
     select ${md5UuidSql("$1::text || ':cadre:' || x.n")}, x.jurisdiction_id, x.unit_id,
       ${arrayLiteral(SURNAME_POOL)}[1 + x.r4 % ${SURNAME_POOL.length}]
         || (case when x.male then ${arrayLiteral(GIVEN_MALE)}[1 + x.r5 % ${GIVEN_MALE.length}] else ${arrayLiteral(GIVEN_FEMALE)}[1 + x.r5 % ${GIVEN_FEMALE.length}] end)
         || (case when x.r6 < 600 then (case when x.male then ${arrayLiteral(GIVEN_MALE)}[1 + x.r7 % ${GIVEN_MALE.length}] else ${arrayLiteral(GIVEN_FEMALE)}[1 + x.r7 % ${GIVEN_FEMALE.length}] end) else '' end),
       case when x.male then 'male' else 'female' end,
       x.born || '-' || lpad((1 + x.r2 % 12)::text, 2, '0'),
       case when x.post then x.posts[x.k + 1] else x.staff[1 + (x.k - x.post_count) % array_length(x.staff, 1)] end,
       case when x.post then x.post_ranks[x.k + 1]
            else x.ladder[1 + least(array_length(x.ladder, 1) - 1, greatest(0, (2026 - x.born - 24) / 9))] end,
       case when x.post and not x.village then 'member' when x.r8 < 860 then 'member' when x.r8 < 910 then 'probationary' else 'none' end,
       case when x.post then 'in_office' when x.born <= 1966 then (case when x.r9 < 500 then 'retired' else 'in_office' end)
            when x.r9 < 12 then 'transferred_out' when x.r9 < 15 then 'deceased' else 'in_office' end,
       ($2::text[])[1 + x.r1 % ${POOL_SIZE}],
       md5($1::text || ':idn:' || x.n) || md5($1::text || ':idn2:' || x.n),
       x.region || '********' || lpad((x.r3 % 1000)::text, 3, '0') || substr('0123456789X', 1 + x.r6 % 11, 1),
       case when x.r8 % 100 < 92 then ($3::text[])[1 + x.r2 % ${POOL_SIZE}] end,
       case when x.r8 % 100 < 92 then '1' || (3 + x.r1 % 7)::text || (x.r5 % 10)::text || '****' || lpad((x.r9 * 10 + x.r3 % 10)::text, 4, '0') end,
       $4::timestamptz, $4::timestamptz
     from (
       select u.unit_id, u.jurisdiction_id, u.region, u.village, g.k, u.first_cadre + g.k as n,
         p.posts, p.post_ranks, p.staff, p.ladder, coalesce(array_length(p.posts, 1), 0) as post_count,
         g.k < coalesce(array_length(p.posts, 1), 0) as post,
         (case when g.k < coalesce(array_length(p.posts, 1), 0) then 1966 + h.r1 % 19 else 1965 + h.r1 % 36 end) as born,
         (case when g.k < coalesce(array_length(p.posts, 1), 0) then h.r3 < 720 else h.r3 < 570 end) as male,
         h.r1, h.r2, h.r3, h.r4, h.r5, h.r6, h.r7, h.r8, h.r9
       from ${source.sql}
       cross join lateral (select string_to_array(u.posts, '|') as posts, string_to_array(u.post_ranks, '|') as post_ranks,
                                  string_to_array(u.staff, '|') as staff, string_to_array(u.ladder, '|') as ladder) p
       cross join lateral generate_series(0, u.size - 1) g(k)
       cross join lateral (select abs(hashint8extended(u.first_cadre + g.k, $1::bigint)) as a,
                                  abs(hashint8extended(u.first_cadre + g.k, $1::bigint + 1)) as b) hh
       cross join lateral (select (hh.a % 1000)::int as r1, (hh.a / 1000 % 1000)::int as r2, (hh.a / 1000000 % 1000)::int as r3,
                                  (hh.a / 1000000000 % 1000)::int as r4, (hh.b % 1000)::int as r5, (hh.b / 1000 % 1000)::int as r6,
                                  (hh.b / 1000000 % 1000)::int as r7, (hh.b / 1000000000 % 1000)::int as r8, (hh.a / 1000000000000 % 1000)::int as r9) h
     ) x`,
    [String(seed), pools.idNumbers, pools.mobiles, now.toISOString(), ...source.params],
  );
  return total;
}

export type SensitivePools = { idNumbers: string[]; mobiles: string[] };

/** Real ciphertexts of realistic values under a placeholder context: shared by non-sample cadres. */
export function sensitivePools(keyring: Keyring, seed: number): SensitivePools {
  const rng = createRng(seed, 'scale:pools');
  const idNumbers: string[] = [];
  const mobiles: string[] = [];
  for (let i = 0; i < POOL_SIZE; i++) {
    idNumbers.push(keyring.encrypt(residentId(rng, '110101', `19${rng.int(65, 99)}-0${rng.int(1, 9)}`, rng.chance(0.5)), 'scale.pattern'));
    mobiles.push(keyring.encrypt(`1${rng.int(3, 9)}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`, 'scale.pattern'));
  }
  return { idNumbers, mobiles };
}

function residentId(rng: ReturnType<typeof createRng>, region: string, birthMonth: string, male: boolean): string {
  const seq = rng.int(0, 99) * 10 + (male ? 2 * rng.int(0, 4) + 1 : 2 * rng.int(0, 4));
  const first17 = `${region}${birthMonth.replace('-', '')}${String(rng.int(1, 28)).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * Gives the sample county's cadres real sensitive fields: valid fictional resident IDs, mobiles,
 * per-row SM4 ciphertexts and real blind indexes (one set-based update).
 */
export async function encryptSample(db: Db, keyring: Keyring, seed: number, county: CountyPlan): Promise<number> {
  const rows = await query<{ id: string; birth_month: string; gender: string; has_mobile: boolean }>(
    db,
    `select c.id, c.birth_month, c.gender, c.mobile_masked is not null as has_mobile from cadres c join jurisdictions j on j.id = c.jurisdiction_id
     where j.path like $1 order by c.id`,
    [`${county.jurisdiction.path}%`],
  );
  const rng = createRng(seed, 'scale:sample');
  const taken = new Set<string>();
  const batch = new ColumnBatch([['id', 'uuid'], ['id_number_enc', 'text'], ['id_number_hash', 'text'], ['id_number_masked', 'text'], ['mobile_enc', 'text'], ['mobile_masked', 'text']]);
  for (const row of rows) {
    let id: string;
    do id = residentId(rng, county.jurisdiction.code, row.birth_month, row.gender === 'male');
    while (taken.has(id));
    taken.add(id);
    const mobile = row.has_mobile ? `1${rng.int(3, 9)}${String(rng.int(0, 999_999_999)).padStart(9, '0')}` : null;
    const idFields = encryptIdNumber(keyring, row.id, id);
    const mobileFields = encryptMobile(keyring, row.id, mobile);
    batch.push(row.id, idFields.id_number_enc, idFields.id_number_hash, maskIdNumber(id), mobileFields.mobile_enc, mobile ? maskMobile(mobile) : null);
  }
  for (let i = 0; i < batch.length; i += 5000) {
    const chunk = new ColumnBatch(batch.columns);
    for (let c = 0; c < batch.columns.length; c++) chunk.values[c]!.push(...batch.values[c]!.slice(i, i + 5000));
    const source = unnestSource(chunk, 'v');
    await run(
      db,
      `update cadres c set id_number_enc = v.id_number_enc, id_number_hash = v.id_number_hash, id_number_masked = v.id_number_masked,
         mobile_enc = v.mobile_enc, mobile_masked = v.mobile_masked from ${source.sql} where c.id = v.id`,
      source.params,
    );
  }
  return rows.length;
}


