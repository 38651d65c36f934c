import { describe, expect, it } from 'vitest';
import { validateResidentId } from '../../domain/identity.ts';
import { DEMO_PEOPLE, generateKCounty, jurisdictionId } from './k-county.ts';

const data = generateKCounty();
const UNIT_KINDS = [
  'party',
  'government',
  'people_congress',
  'cppcc',
  'judicial',
  'mass_org',
  'institution',
  'enterprise',
  'township',
  'village',
  'other',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('generateKCounty', () => {
  it('gives identical data for the same seed and different ids for another', () => {
    expect(generateKCounty(2026)).toEqual(data);
    const other = generateKCounty(7);
    expect(other.cadres[0]!.id).not.toBe(data.cadres[0]!.id);
    expect(other.cadres.map((c) => c.name)).not.toEqual(data.cadres.map((c) => c.name));
  });

  it('builds 示范省 ⊃ 示范市 ⊃ K县 (12 townships), L县 and M县 with materialised paths', () => {
    const byCode = new Map(data.jurisdictions.map((j) => [j.code, j]));
    expect(data.jurisdictions.map((j) => j.code).filter((code) => code.startsWith('K'))).toEqual([
      'K',
      ...Array.from({ length: 12 }, (_, i) => `K${String(i + 1).padStart(2, '0')}`),
    ]);
    expect(byCode.get('S')).toMatchObject({ name: '示范省', level: 'province', parent_id: null });
    expect(byCode.get('K')).toMatchObject({ name: 'K县', level: 'county', parent_id: jurisdictionId('S01') });
    expect(byCode.get('K')!.path).toBe(
      `/${jurisdictionId('S')}/${jurisdictionId('S01')}/${jurisdictionId('K')}/`,
    );
    for (const j of data.jurisdictions) {
      const parent = j.parent_id ? data.jurisdictions.find((p) => p.id === j.parent_id)! : undefined;
      expect(j.path).toBe(`${parent?.path ?? '/'}${j.id}/`);
      expect(j.id).toMatch(UUID);
    }
    expect(new Set(data.jurisdictions.map((j) => j.path)).size).toBe(data.jurisdictions.length);
    expect(byCode.get('K03')).toMatchObject({ level: 'township', parent_id: jurisdictionId('K') });
    expect(['L', 'M'].map((code) => byCode.get(code)?.level)).toEqual(['county', 'county']);
  });

  it('has about 40 K County units and about 800 K County cadres, 60 in each comparison county', () => {
    const kUnits = data.units.filter((u) => u.code.startsWith('K-'));
    expect(kUnits.length).toBeGreaterThanOrEqual(38);
    expect(kUnits.length).toBeLessThanOrEqual(50);
    const countyOf = (unitId: string): string => data.units.find((u) => u.id === unitId)!.code[0]!;
    const perCounty = new Map<string, number>();
    for (const c of data.cadres)
      perCounty.set(countyOf(c.unit_id), (perCounty.get(countyOf(c.unit_id)) ?? 0) + 1);
    expect(perCounty.get('K')).toBeGreaterThanOrEqual(760);
    expect(perCounty.get('K')).toBeLessThanOrEqual(860);
    expect([perCounty.get('L'), perCounty.get('M')]).toEqual([60, 60]);
    const males = data.cadres.filter((c) => c.gender === 'male').length / data.cadres.length;
    expect(males).toBeGreaterThan(0.55);
    expect(males).toBeLessThan(0.65);
  });

  it('respects the CHECK constraints and uniqueness rules of the schema', () => {
    expect(new Set(data.units.map((u) => u.code)).size).toBe(data.units.length);
    expect(new Set(data.units.map((u) => `${u.jurisdiction_id}|${u.name}`)).size).toBe(data.units.length);
    const kTree = data.units.filter((u) => u.code.startsWith('K-')).map((u) => u.name);
    expect(new Set(kTree).size).toBe(kTree.length);
    const jurisdictionIds = new Set(data.jurisdictions.map((j) => j.id));
    const unitsById = new Map(data.units.map((u) => [u.id, u]));
    for (const u of data.units) {
      expect(UNIT_KINDS).toContain(u.kind);
      expect(u.code).toMatch(/^[KLM]-U\d{3}$/);
      expect(jurisdictionIds.has(u.jurisdiction_id)).toBe(true);
      if (u.parent_id)
        expect(data.units.indexOf(unitsById.get(u.parent_id)!)).toBeLessThan(data.units.indexOf(u));
    }
    for (const c of data.cadres) {
      expect(c.gender).toMatch(/^(male|female)$/);
      expect(c.birth_month).toMatch(/^[0-9]{4}-(0[1-9]|1[0-2])$/);
      expect(c.birth_month >= '1965-01' && c.birth_month <= '2000-12').toBe(true);
      expect(['member', 'probationary', 'none']).toContain(c.party_membership);
      expect(['in_office', 'retired', 'transferred_out', 'deceased']).toContain(c.status);
      expect(c.unit_id && unitsById.get(c.unit_id)!.jurisdiction_id).toBe(c.jurisdiction_id);
      expect(c.name.length).toBeGreaterThanOrEqual(2);
      expect(c.position && c.rank).toBeTruthy();
      expect(c.id).toMatch(UUID);
    }
    expect(data.cadres.filter((c) => c.status === 'in_office').length / data.cadres.length).toBeGreaterThan(
      0.9,
    );
    expect(
      data.cadres.filter((c) => c.party_membership === 'member').length / data.cadres.length,
    ).toBeGreaterThan(0.8);
  });

  it('gives every cadre a unique valid fictional ID number matching gender and birth month, and a 170 mobile', () => {
    for (const c of data.cadres) {
      const parsed = validateResidentId(c.id_number);
      expect(parsed.ok && parsed.value.id).toBe(c.id_number);
      expect(c.id_number.startsWith('9999')).toBe(true);
      expect(parsed.ok && parsed.value.gender).toBe(c.gender);
      expect(parsed.ok && parsed.value.birthDate.slice(0, 7)).toBe(c.birth_month);
      if (c.mobile !== null) expect(c.mobile).toMatch(/^170\d{8}$/);
    }
    expect(new Set(data.cadres.map((c) => c.id_number)).size).toBe(data.cadres.length);
    const mobiles = data.cadres.flatMap((c) => (c.mobile ? [c.mobile] : []));
    expect(new Set(mobiles).size).toBe(mobiles.length);
    expect(new Set(data.cadres.map((c) => c.id)).size).toBe(data.cadres.length);
  });

  it('places each demo person in the right unit and post, with the exported ids', () => {
    const expected: Record<keyof typeof DEMO_PEOPLE, [string, string, string]> = {
      cadre: ['张明', '县农业农村局', '副局长'],
      unitLeader: ['李华', '城关镇', '党委书记'],
      officer: ['王强', '县纪委监委', '第一纪检监察室主任'],
      leader: ['陈刚', '县纪委监委', '县纪委书记、县监委主任'],
      committee1: ['刘洋', '县纪委监委', '县纪委常委、县监委委员'],
      committee2: ['赵敏', '县纪委监委', '县纪委常委、县监委委员'],
      committee3: ['孙伟', '县纪委监委', '县纪委常委、县监委委员'],
      committee4: ['周静', '县纪委监委', '县纪委常委、县监委委员'],
      committee5: ['吴军', '县纪委监委', '县纪委常委、县监委委员'],
      orgDept: ['郑芳', '县委组织部', '干部科科长'],
    };
    for (const [key, [name, unitName, position]] of Object.entries(expected)) {
      const person = DEMO_PEOPLE[key as keyof typeof DEMO_PEOPLE];
      const cadre = data.cadres.find((c) => c.id === person.cadreId)!;
      const unit = data.units.find((u) => u.id === cadre.unit_id)!;
      expect([cadre.name, unit.name, cadre.position, unit.id]).toEqual([
        name,
        unitName,
        position,
        person.unitId,
      ]);
      expect(cadre).toMatchObject({ gender: person.gender, status: 'in_office' });
      // Demo names are reserved: a search for the name finds only the demo person.
      expect(data.cadres.filter((c) => c.name === name)).toHaveLength(1);
    }
    expect(DEMO_PEOPLE.unitLeader.gender).toBe('female');
    expect(data.units.find((u) => u.name === '城关镇')).toMatchObject({
      kind: 'township',
      jurisdiction_id: jurisdictionId('K01'),
    });
  });
});
