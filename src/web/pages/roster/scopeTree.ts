import type { Jurisdiction, Unit } from '../../api/types.ts';

/**
 * The unit filter is one tree: jurisdictions (辖区) with their sub-jurisdictions and units beneath.
 * Picking a jurisdiction filters by jurisdictionId, picking a unit by unitId; node values carry a
 * prefix so one TreeSelect can do both.
 */
export type ScopeNode = {
  value: string;
  title: string;
  /** Shown in the search box of the tree ("name code"). */
  searchText: string;
  children?: ScopeNode[];
  isLeaf?: boolean;
};

export type ScopeValue = { unitId?: string; jurisdictionId?: string };

export const jurisdictionKey = (id: string) => `j:${id}`;
export const unitKey = (id: string) => `u:${id}`;

/** "j:…" / "u:…" → the filter it stands for. */
export function parseScopeKey(key: string | undefined | null): ScopeValue {
  if (!key) return {};
  if (key.startsWith('u:')) return { unitId: key.slice(2) };
  if (key.startsWith('j:')) return { jurisdictionId: key.slice(2) };
  return {};
}

/** The tree key for the current filter (a unit wins over a jurisdiction). */
export function scopeKeyOf(value: ScopeValue): string | undefined {
  if (value.unitId) return unitKey(value.unitId);
  if (value.jurisdictionId) return jurisdictionKey(value.jurisdictionId);
  return undefined;
}

function unitNodes(units: readonly Unit[]): ScopeNode[] {
  const ids = new Set(units.map((u) => u.id));
  const byParent = new Map<string | null, Unit[]>();
  for (const unit of units) {
    // A parent outside this list (another jurisdiction, or not in scope) makes the unit a root here.
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), unit]);
  }
  const build = (parent: string | null, seen: Set<string>): ScopeNode[] =>
    (byParent.get(parent) ?? [])
      .filter((unit) => !seen.has(unit.id)) // guards against a parent cycle in bad data
      .map((unit) => {
        const children = build(unit.id, new Set([...seen, unit.id]));
        return {
          value: unitKey(unit.id),
          title: unit.name,
          searchText: `${unit.name} ${unit.code}`,
          ...(children.length > 0 ? { children } : { isLeaf: true }),
        };
      });
  return build(null, new Set());
}

/**
 * Builds the tree. `unitsByJurisdiction` holds the units loaded so far; a jurisdiction whose units
 * are not loaded yet is left expandable (isLeaf false) so the tree can load them on demand.
 */
export function buildScopeTree(
  jurisdictions: readonly Jurisdiction[],
  unitsByJurisdiction: ReadonlyMap<string, readonly Unit[]>,
): ScopeNode[] {
  const ids = new Set(jurisdictions.map((j) => j.id));
  const childrenOf = new Map<string | null, Jurisdiction[]>();
  for (const j of jurisdictions) {
    const parent = j.parentId && ids.has(j.parentId) ? j.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), j]);
  }
  const build = (parent: string | null, seen: Set<string>): ScopeNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((j) => !seen.has(j.id))
      .map((j) => {
        const units = unitsByJurisdiction.get(j.id);
        // The jurisdiction's own units first: a county's bureaus are what most people look for.
        const children = [...(units ? unitNodes(units) : []), ...build(j.id, new Set([...seen, j.id]))];
        const node: ScopeNode = {
          value: jurisdictionKey(j.id),
          title: j.name,
          searchText: `${j.name} ${j.code}`,
        };
        if (children.length > 0) node.children = children;
        else if (units) node.isLeaf = true;
        return node;
      });
  return build(null, new Set());
}

/** Groups a flat unit list by jurisdiction. */
export function groupUnits(units: readonly Unit[]): Map<string, Unit[]> {
  const map = new Map<string, Unit[]>();
  for (const unit of units) map.set(unit.jurisdictionId, [...(map.get(unit.jurisdictionId) ?? []), unit]);
  return map;
}
