import { describe, expect, it } from 'vitest';
import { createRng } from '../prng.ts';
import { ColumnBatch, IdSource, md5Uuid, unnestSource } from './bulk.ts';
import { buildWorld } from './geography.ts';
import { SCALES, splitEvenly, variant } from './spec.ts';

describe('the synthetic country', () => {
  it('has the national shape of DESIGN §4: 31 provinces, 330 cities, 2,844 counties, ~3 million cadres, ~1 million matters', () => {
    const world = buildWorld(SCALES.national, 2026);
    const count = (level: string) => world.jurisdictions.filter((j) => j.level === level).length;
    expect([count('province'), count('city'), count('county')]).toEqual([31, 330, 2844]);
    expect(count('township')).toBe(2844 * 12);
    expect(world.totalCadres / 3_000_000).toBeGreaterThan(0.95);
    expect(world.totalCadres / 3_000_000).toBeLessThan(1.05);
    expect(world.totalMatters / 1_000_000).toBeGreaterThan(0.95);
    expect(world.totalMatters / 1_000_000).toBeLessThan(1.05);
  }, 60_000);

  it('gives the first county the same size at every scale, and every unit at least one cadre', () => {
    const county = buildWorld(SCALES.county, 1).counties[0]!;
    const national = buildWorld(variant(SCALES.national, 'small', { provinces: 2, cities: 3, counties: 5 }), 1).counties[0]!;
    expect([county.cadres, county.matters]).toEqual([5000, SCALES.county.mattersPerCounty]);
    expect([national.cadres, national.matters]).toEqual([5000, SCALES.county.mattersPerCounty]);
    for (const c of [county, national]) {
      expect(c.units.reduce((s, u) => s + u.size, 0)).toBe(c.cadres);
      expect(Math.min(...c.units.map((u) => u.size))).toBeGreaterThanOrEqual(1);
    }
  });

  it('numbers cadres consecutively across units, names units uniquely within a jurisdiction, and nests paths', () => {
    const world = buildWorld(variant(SCALES.province, 'small', { cities: 2, counties: 3 }), 5);
    let next = 1;
    for (const county of world.counties) {
      const names = new Set<string>();
      for (const unit of county.units) {
        expect(unit.firstCadre).toBe(next);
        next += unit.size;
        const key = `${unit.jurisdictionId}/${unit.name}`;
        expect(names.has(key)).toBe(false);
        names.add(key);
      }
      for (const t of county.townships) expect(t.path.startsWith(county.jurisdiction.path)).toBe(true);
      expect(county.jurisdiction.path.startsWith(county.city.path)).toBe(true);
    }
    expect(new Set(world.jurisdictions.map((j) => j.code)).size).toBe(world.jurisdictions.length);
  });

  it('splits evenly', () => {
    expect(splitEvenly(2844, 330).reduce((a, b) => a + b, 0)).toBe(2844);
    expect(Math.max(...splitEvenly(10, 3)) - Math.min(...splitEvenly(10, 3))).toBeLessThanOrEqual(1);
  });
});

describe('bulk helpers', () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('makes unique, v4-shaped ids', () => {
    const ids = new IdSource(createRng(1, 'ids').next);
    const seen = new Set(Array.from({ length: 50_000 }, () => ids.id()));
    expect(seen.size).toBe(50_000);
    for (const id of [...seen].slice(0, 1000)) expect(id).toMatch(UUID_V4);
    expect(md5Uuid('x')).toMatch(UUID_V4);
    const codes = new Set(Array.from({ length: 200_000 }, () => ids.code()));
    expect(codes.size).toBe(200_000);
    expect([...codes][0]).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(md5Uuid('x')).toBe(md5Uuid('x'));
  });

  it('sends one text parameter per column, with NULL marks and a sentinel for a lone empty string', () => {
    const batch = new ColumnBatch([['a', 'text'], ['b', 'int']]);
    batch.push('', null);
    const source = unnestSource(batch, 't', 3);
    expect(source.params).toEqual(['\x1fend', '\\N\x1fend']);
    expect(source.sql).toContain('$3');
    expect(source.sql).toContain('[1:1]::int[]');
  });
});
