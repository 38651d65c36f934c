import { describe, expect, it } from 'vitest';
import type { Jurisdiction, Unit } from '../../api/types.ts';
import { buildScopeTree, groupUnits, parseScopeKey, scopeKeyOf } from './scopeTree.ts';

const county: Jurisdiction = { id: 'k', code: '330100', name: 'K县', level: 'county', parentId: 'city' };
const town: Jurisdiction = { id: 't', code: '330101', name: '城关镇', level: 'township', parentId: 'k' };
const unit = (id: string, name: string, jurisdictionId: string, parentId: string | null = null): Unit => ({
  id,
  code: id.toUpperCase(),
  name,
  kind: 'party',
  jurisdictionId,
  jurisdictionName: '',
  parentId,
  cadreCount: 1,
});

describe('buildScopeTree', () => {
  it('nests units before sub-jurisdictions, rooting at jurisdictions whose parent is out of scope', () => {
    const units = [unit('u1', '县委办', 'k'), unit('u2', '信息科', 'k', 'u1'), unit('u3', '镇政府', 't')];
    const tree = buildScopeTree([county, town], groupUnits(units));
    expect(tree).toHaveLength(1);
    expect(tree[0]?.title).toBe('K县');
    expect(tree[0]?.children?.map((n) => n.title)).toEqual(['县委办', '城关镇']);
    expect(tree[0]?.children?.[1]?.children?.map((n) => n.value)).toEqual(['u:u3']);
    expect(tree[0]?.children?.[0]?.children?.[0]).toMatchObject({ value: 'u:u2', isLeaf: true });
  });

  it('leaves a jurisdiction expandable until its units are loaded', () => {
    const [root] = buildScopeTree([town], new Map());
    expect(root).toEqual({ value: 'j:t', title: '城关镇', searchText: '城关镇 330101' });
    const [loaded] = buildScopeTree([town], new Map([['t', []]]));
    expect(loaded?.isLeaf).toBe(true);
  });

  it('survives a parent cycle in the data', () => {
    const tree = buildScopeTree([county], groupUnits([unit('a', 'A', 'k', 'b'), unit('b', 'B', 'k', 'a')]));
    expect(tree[0]?.children ?? []).toEqual([]);
  });
});

describe('scope keys', () => {
  it('round-trip units and jurisdictions', () => {
    expect(parseScopeKey(scopeKeyOf({ unitId: '7' }))).toEqual({ unitId: '7' });
    expect(parseScopeKey(scopeKeyOf({ jurisdictionId: '9' }))).toEqual({ jurisdictionId: '9' });
    expect(parseScopeKey(undefined)).toEqual({});
  });
});
