/**
 * The synthetic country: provinces ⊃ cities ⊃ counties ⊃ townships, and in every county the units
 * of K County's catalogue (county organs, township governments) plus villages, sized so the county
 * has its share of cadres. Codes follow the shape of administrative division codes (省 2 digits,
 * 市 4, 县 6, 乡镇 9) and every id is derived from the seed, so SQL and Node agree on them.
 */
import { K_COUNTY, type Post, type UnitKind, type UnitSpec } from '../k-county-catalogue.ts';
import { createRng } from '../prng.ts';
import { md5Uuid } from './bulk.ts';
import { placeName } from './names.ts';
import { countySize, splitEvenly, type ScaleSpec } from './spec.ts';

export type JurisdictionRow = { id: string; code: string; name: string; level: 'province' | 'city' | 'county' | 'township'; parent_id: string | null; path: string };

export type UnitPlan = {
  id: string;
  jurisdictionId: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: UnitKind;
  size: number;
  /** Global number of the unit's first cadre: cadre n has id md5Uuid(`${seed}:cadre:${n}`). */
  firstCadre: number;
  /** Leading posts and section heads, in order, then staff titles repeating. */
  posts: string[];
  postRanks: string[];
  staffTitles: string[];
  /** Ranks by seniority for staff (index grows with age). */
  ladder: string[];
};

export type CountyPlan = {
  index: number;
  jurisdiction: JurisdictionRow;
  city: JurisdictionRow;
  province: JurisdictionRow;
  townships: JurisdictionRow[];
  units: UnitPlan[];
  cadres: number;
  matters: number;
};

export type World = { jurisdictions: JurisdictionRow[]; counties: CountyPlan[]; totalCadres: number; totalMatters: number; totalUnits: number };

const CIVIL_LADDER = ['一级科员', '四级主任科员', '三级主任科员', '二级主任科员', '一级主任科员'];
const LADDERS: Record<string, string[]> = {
  civil: CIVIL_LADDER,
  judge: ['四级法官', '三级法官', '二级法官', '一级法官', '四级高级法官'],
  prosecutor: ['四级检察官', '三级检察官', '二级检察官', '一级检察官', '四级高级检察官'],
  institution: ['管理十级', '管理九级', '管理八级', '管理七级'],
  none: ['无'],
};
const VILLAGE_LEADERS: Post[] = [
  { position: '村党支部书记、村委会主任', rank: '无' },
  { position: '村党支部副书记', rank: '无' },
];

export const jurisdictionUuid = (seed: number, code: string) => md5Uuid(`${seed}:jurisdiction:${code}`);

export function buildWorld(spec: ScaleSpec, seed: number): World {
  const rng = createRng(seed, 'scale:geography');
  const names = new Set<string>();
  const jurisdictions: JurisdictionRow[] = [];
  const add = (code: string, name: string, level: JurisdictionRow['level'], parent: JurisdictionRow | null): JurisdictionRow => {
    const id = jurisdictionUuid(seed, code);
    const row: JurisdictionRow = { id, code, name, level, parent_id: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/` };
    jurisdictions.push(row);
    return row;
  };
  const counties: CountyPlan[] = [];
  const citiesPerProvince = splitEvenly(spec.cities, spec.provinces);
  const countiesPerCity = splitEvenly(spec.counties, spec.cities);
  let cityIndex = 0;
  let firstCadre = 1;
  let totalUnits = 0;
  citiesPerProvince.forEach((cityCount, p) => {
    const provinceCode = String(11 + p).padStart(2, '0');
    const province = add(`${provinceCode}0000`, `${placeName(rng, names)}省`, 'province', null);
    for (let c = 0; c < cityCount; c++, cityIndex++) {
      const cityCode = `${provinceCode}${String(c + 1).padStart(2, '0')}`;
      const city = add(`${cityCode}00`, `${placeName(rng, names)}市`, 'city', province);
      for (let k = 0; k < countiesPerCity[cityIndex]!; k++) {
        const index = counties.length;
        const county = add(`${cityCode}${String(k + 1).padStart(2, '0')}`, `${placeName(rng, names)}县`, 'county', city);
        const plan = buildCounty(spec, seed, { index, county, city, province, firstCadre, add, rng, names });
        firstCadre += plan.cadres;
        totalUnits += plan.units.length;
        counties.push(plan);
      }
    }
  });
  return { jurisdictions, counties, totalCadres: firstCadre - 1, totalMatters: counties.reduce((s, c) => s + c.matters, 0), totalUnits };
}

type CountyContext = {
  index: number;
  county: JurisdictionRow;
  city: JurisdictionRow;
  province: JurisdictionRow;
  firstCadre: number;
  add: (code: string, name: string, level: JurisdictionRow['level'], parent: JurisdictionRow | null) => JurisdictionRow;
  rng: ReturnType<typeof createRng>;
  names: Set<string>;
};

function buildCounty(spec: ScaleSpec, seed: number, ctx: CountyContext): CountyPlan {
  const { county, rng } = ctx;
  const local = new Set<string>(['城关']);
  const kTownships = K_COUNTY.units.filter((u) => u.kind === 'township');
  const townships: JurisdictionRow[] = [];
  const townshipByKCode = new Map<string, JurisdictionRow>();
  for (let t = 0; t < spec.townshipsPerCounty; t++) {
    const model = kTownships[t % kTownships.length]!;
    const suffix = model.name.endsWith('街道') ? '街道' : model.name.endsWith('乡') ? '乡' : '镇';
    const name = t === 0 ? '城关镇' : `${placeName(rng, local)}${suffix}`;
    const row = ctx.add(`${county.code}${String(t + 1).padStart(3, '0')}`, name, 'township', county);
    townships.push(row);
    townshipByKCode.set(model.township!, row);
  }
  // Base sizes from the catalogue, then scaled to the county's cadre count.
  type Draft = { spec: UnitSpec; jurisdictionId: string; name: string; parentName: string | null; base: number };
  const drafts: Draft[] = [];
  for (const unit of K_COUNTY.units) {
    if (unit.kind === 'village') continue;
    const township = unit.township ? townshipByKCode.get(unit.township) : undefined;
    if (unit.township && !township) continue;
    drafts.push({ spec: unit, jurisdictionId: township?.id ?? county.id, name: township?.name ?? unit.name, parentName: null, base: unit.size });
  }
  for (const township of townships) {
    const villageNames = new Set<string>();
    for (let v = 0; v < spec.villagesPerTownship; v++) {
      const name = `${placeName(rng, villageNames)}村`;
      drafts.push({
        spec: { name, kind: 'village', size: 3, leaders: VILLAGE_LEADERS, staffTitles: ['村委会委员'], rankScheme: 'none' },
        jurisdictionId: township.id,
        name,
        parentName: township.name,
        base: 3,
      });
    }
  }
  const cadres = ctx.index === 0 ? spec.firstCountyCadres : countySize(spec.cadresPerCounty, ctx.index, rng.next());
  const baseTotal = drafts.reduce((s, d) => s + d.base, 0);
  if (cadres < drafts.length) throw new Error(`county ${county.code}: too few cadres (${cadres}) for its ${drafts.length} units`);
  const sizes = drafts.map((d) => Math.max(1, Math.floor((d.base * cadres) / baseTotal)));
  // Hand out (or take back) the rounding difference one cadre at a time, biggest units first.
  const byBase = drafts.map((_, i) => i).sort((a, b) => drafts[b]!.base - drafts[a]!.base);
  for (let diff = cadres - sizes.reduce((s, n) => s + n, 0), i = 0; diff !== 0; i++) {
    const u = byBase[i % byBase.length]!;
    if (diff > 0) {
      sizes[u]! += 1;
      diff--;
    } else if (sizes[u]! > 1) {
      sizes[u]! -= 1;
      diff++;
    }
  }

  const units: UnitPlan[] = [];
  const idByName = new Map<string, string>();
  let next = ctx.firstCadre;
  drafts.forEach((d, i) => {
    const code = `${county.code}-U${String(i + 1).padStart(3, '0')}`;
    const id = md5Uuid(`${seed}:unit:${code}`);
    if (d.spec.kind === 'township') idByName.set(d.name, id);
    const sections = (d.spec.sections ?? []).map((s) => `${s}${s.endsWith('股') ? '股长' : s.endsWith('科') ? '科长' : s.endsWith('队') ? '队长' : '主任'}`);
    const scheme = d.spec.rankScheme ?? 'civil';
    units.push({
      id,
      jurisdictionId: d.jurisdictionId,
      parentId: d.parentName ? (idByName.get(d.parentName) ?? null) : null,
      code,
      name: d.name,
      kind: d.spec.kind,
      size: sizes[i]!,
      firstCadre: next,
      posts: [...d.spec.leaders.map((p) => p.position), ...sections],
      postRanks: [...d.spec.leaders.map((p) => p.rank), ...sections.map(() => '三级主任科员')],
      staffTitles: [...(d.spec.staffTitles ?? ['科员'])],
      ladder: LADDERS[scheme] ?? CIVIL_LADDER,
    });
    next += sizes[i]!;
  });
  return { index: ctx.index, jurisdiction: county, city: ctx.city, province: ctx.province, townships, units, cadres, matters: countySize(spec.mattersPerCounty, ctx.index, rng.next()) };
}
