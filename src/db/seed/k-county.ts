import {
  COMPARISON_COUNTIES,
  DEMO_PERSONS,
  K_COUNTY,
  type CountySpec,
  type DemoKey,
  type UnitKind,
} from './k-county-catalogue.ts';
import {
  birthMonthBetween,
  fictionalMobile,
  fictionalName,
  fictionalResidentId,
} from './fictional-people.ts';
import { postsOf, rankFor, statusFor, type PostSlot } from './k-county-posts.ts';
import { createRng, deterministicUuid, type Rng } from './prng.ts';

export type { DemoKey } from './k-county-catalogue.ts';

export const DEFAULT_SEED = 2026;

/** A `jurisdictions` row. */
export type SeedJurisdiction = {
  id: string;
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'township';
  parent_id: string | null;
  /** '/<province id>/<city id>/…/<own id>/' */
  path: string;
};
/** A `units` row. */
export type SeedUnit = {
  id: string;
  jurisdiction_id: string;
  parent_id: string | null;
  code: string;
  name: string;
  kind: UnitKind;
};
/**
 * A `cadres` row, except that `id_number` and `mobile` are plain text: the seeder turns them into
 * id_number_enc / _hash / _masked and mobile_enc / _masked with the configured key.
 */
export type SeedCadre = {
  id: string;
  jurisdiction_id: string;
  unit_id: string;
  name: string;
  gender: 'male' | 'female';
  birth_month: string;
  position: string;
  rank: string;
  party_membership: 'member' | 'probationary' | 'none';
  status: 'in_office' | 'retired' | 'transferred_out' | 'deceased';
  id_number: string;
  mobile: string | null;
};
export type KCountyData = { jurisdictions: SeedJurisdiction[]; units: SeedUnit[]; cadres: SeedCadre[] };

/** Jurisdiction id for a code ('S', 'S01', 'K', 'K01' …). */
export function jurisdictionId(code: string, seed = DEFAULT_SEED): string {
  return deterministicUuid(seed, `jurisdiction:${code}`);
}

/** Unit id for a unit code ('K-U001' …). */
export function unitId(code: string, seed = DEFAULT_SEED): string {
  return deterministicUuid(seed, `unit:${code}`);
}

/** Cadre id of a demo person (张明 for `cadre`, 李华 for `unitLeader` …). */
export function demoCadreId(key: DemoKey, seed = DEFAULT_SEED): string {
  return deterministicUuid(seed, `cadre:demo:${key}`);
}

/** A demo account's cadre: who they are, with the cadre and unit ids of the default seed. */
export type DemoPerson = {
  name: string;
  gender: 'male' | 'female';
  birthMonth: string;
  unitName: string;
  position: string;
  cadreId: string;
  unitId: string;
};

/** The cadres the demo users `cadre`, `unit`, `officer`, `leader`, `committee1…5`, `orgdept` are. */
export const DEMO_PEOPLE = Object.fromEntries(
  (Object.keys(DEMO_PERSONS) as DemoKey[]).map((key) => {
    const index = K_COUNTY.units.findIndex((unit) => unit.leaders.some((post) => post.demo === key));
    const unit = K_COUNTY.units[index]!;
    const person: DemoPerson = {
      ...DEMO_PERSONS[key],
      unitName: unit.name,
      position: unit.leaders.find((post) => post.demo === key)!.position,
      cadreId: demoCadreId(key),
      unitId: unitId(unitCode('K', index)),
    };
    return [key, person];
  }),
) as Record<DemoKey, DemoPerson>;

export const DEMO_JURISDICTION_IDS = {
  province: jurisdictionId('S'),
  city: jurisdictionId('S01'),
  K: jurisdictionId('K'),
  L: jurisdictionId('L'),
  M: jurisdictionId('M'),
};

/**
 * The demo world: 示范省 ⊃ 示范市 ⊃ K县 (12 townships, ~45 units, ~820 cadres) plus L县 and M县
 * (60 cadres each) for comparison. Same seed, same data, ids included; nothing real.
 */
export function generateKCounty(seed = DEFAULT_SEED): KCountyData {
  const data: KCountyData = { jurisdictions: [], units: [], cadres: [] };
  const addJurisdiction = (
    code: string,
    name: string,
    level: SeedJurisdiction['level'],
    parent?: SeedJurisdiction,
  ): SeedJurisdiction => {
    const id = jurisdictionId(code, seed);
    const row: SeedJurisdiction = {
      id,
      code,
      name,
      level,
      parent_id: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
    };
    data.jurisdictions.push(row);
    return row;
  };
  const province = addJurisdiction('S', '示范省', 'province');
  const city = addJurisdiction('S01', '示范市', 'city', province);
  const taken = {
    names: new Set(Object.values(DEMO_PERSONS).map((person) => person.name)),
    ids: new Set<string>(),
    mobiles: new Set<string>(),
  };

  for (const county of [K_COUNTY, ...COMPARISON_COUNTIES]) {
    const countyRow = addJurisdiction(county.code, county.name, 'county', city);
    const townships = new Map(
      county.townships.map(([code, name]) => [code, addJurisdiction(code, name, 'township', countyRow)]),
    );
    addCountyUnits(seed, county, countyRow, townships, data, taken);
  }
  return data;
}

type Taken = { names: Set<string>; ids: Set<string>; mobiles: Set<string> };

function addCountyUnits(
  seed: number,
  county: CountySpec,
  countyRow: SeedJurisdiction,
  townships: Map<string, SeedJurisdiction>,
  data: KCountyData,
  taken: Taken,
): void {
  const idsByName = new Map<string, string>();
  county.units.forEach((spec, index) => {
    const code = unitCode(county.code, index);
    const jurisdiction = spec.township ? townships.get(spec.township)! : countyRow;
    const unit: SeedUnit = {
      id: unitId(code, seed),
      jurisdiction_id: jurisdiction.id,
      parent_id: spec.parentUnit ? idsByName.get(spec.parentUnit)! : null,
      code,
      name: spec.name,
      kind: spec.kind,
    };
    idsByName.set(spec.name, unit.id);
    data.units.push(unit);
    const rng = createRng(seed, `unit:${code}`);
    postsOf(spec).forEach((post, postIndex) => {
      data.cadres.push(makeCadre(rng, { seed, unit, post, taken, cadreKey: `${code}:${postIndex}` }));
    });
  });
}

function unitCode(countyCode: string, index: number): string {
  return `${countyCode}-U${String(index + 1).padStart(3, '0')}`;
}

function makeCadre(
  rng: Rng,
  ctx: { seed: number; unit: SeedUnit; post: PostSlot; taken: Taken; cadreKey: string },
): SeedCadre {
  const { post, unit, taken } = ctx;
  const demo = post.demo ? DEMO_PERSONS[post.demo] : undefined;
  const gender = demo?.gender ?? (rng.chance(post.tier === 'leader' ? 0.72 : 0.57) ? 'male' : 'female');
  const birthMonth =
    demo?.birthMonth ??
    (post.tier === 'leader'
      ? birthMonthBetween(rng, 1966, 1984)
      : post.tier === 'section'
        ? birthMonthBetween(rng, 1968, 1990)
        : birthMonthBetween(rng, 1965, 2000));
  const name = demo?.name ?? fictionalName(rng, gender, Number(birthMonth.slice(0, 4)), taken.names);
  const bornYear = Number(birthMonth.slice(0, 4));
  const status = demo || post.tier === 'leader' ? 'in_office' : statusFor(rng.next(), bornYear);
  const partyRoll = rng.next();
  const party: SeedCadre['party_membership'] =
    post.tier === 'leader' && unit.kind !== 'village'
      ? 'member'
      : partyRoll < 0.86
        ? 'member'
        : partyRoll < 0.91
          ? 'probationary'
          : 'none';
  return {
    id: post.demo ? demoCadreId(post.demo, ctx.seed) : deterministicUuid(ctx.seed, `cadre:${ctx.cadreKey}`),
    jurisdiction_id: unit.jurisdiction_id,
    unit_id: unit.id,
    name,
    gender,
    birth_month: birthMonth,
    position: post.position,
    rank: rankFor(rng, post, birthMonth),
    party_membership: party,
    status,
    id_number: fictionalResidentId(rng, { birthMonth, gender }, taken.ids),
    mobile: demo || rng.chance(0.92) ? fictionalMobile(rng, taken.mobiles) : null,
  };
}
