/**
 * The scorecard of one scope (实施力度评价): the jurisdictions it compares with their counts, figures,
 * scores and ranks, and the scope's own totals — with small numbers withheld by one pattern computed
 * over the whole tree the viewer can open (suppression.ts), and ratings that never rest on a withheld
 * figure (score.ts).
 *
 * What is compared: a province's cities, a city's counties. A county is shown alone; when the viewer
 * may also open its parent, the county is rated and ranked among its parent's counties (the same
 * figures as in the parent's table). Counts recorded at a city or province itself (its own
 * departments' matters) appear as a row "（本级）" beside the compared ones, so the rows add up to
 * the total; that row is not rated, not being a county or city.
 */
import { SUPPRESSED, type Cell, type Figure } from './indicators.ts';
import {
  addCounts,
  CELL_GROUPS,
  CELL_KEYS,
  cellsOf,
  INDICATOR_KEYS,
  INDICATORS,
  indicatorValues,
  ZERO_COUNTS,
  type CellKey,
  type IndicatorKey,
  type ScorecardCounts,
} from './scorecard-indicators.ts';
import { scoreRows, type RatedRow } from './scorecard-score.ts';
import { suppressCells, type AdditiveGroup } from './scorecard-suppression.ts';
import type { Weights } from './scorecard-weights.ts';

export type JurisdictionLevel = 'province' | 'city' | 'county' | 'township';

/** A jurisdiction of the tree the viewer can open (province, city or county; townships roll up). */
export type TreeNode = {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  level: JurisdictionLevel;
};

export type ScorecardInput = {
  /** The viewer's top jurisdiction containing the scope, and every jurisdiction under it down to counties. */
  nodes: readonly TreeNode[];
  rootId: string;
  /** The jurisdiction asked for (in the tree). */
  scopeId: string;
  /** Counts recorded at each node itself (a county's include its townships'). Missing: zero. */
  own: ReadonlyMap<string, ScorecardCounts>;
  /** Whether withheld cells are sent as "<5" (false for those who may read the matters themselves). */
  suppress: boolean;
  weights: Weights;
};

export type ShownIndicator = { value: Figure; score: number | null };

export type ScorecardRow = {
  id: string;
  code: string;
  name: string;
  level: JurisdictionLevel;
  /** 'own': counts recorded at the scope's own level, not in any jurisdiction under it. */
  kind: 'jurisdiction' | 'own';
  cadres: number;
  cells: Record<CellKey, Cell>;
  indicators: Record<IndicatorKey, ShownIndicator>;
  composite: number | null;
  rank: number | null;
};

export type Scorecard = {
  scope: TreeNode;
  /** The scope's parent when the viewer may open it (to go back up), else null. */
  parent: TreeNode | null;
  /** The rows compared (or the county alone), best first; unranked ones after, by code. */
  rows: ScorecardRow[];
  /** The scope as a whole (not rated). */
  total: ScorecardRow;
  /** How many jurisdictions the ranks are out of (null when nothing is ranked). */
  rankedOutOf: number | null;
  /** Whether any cell was withheld for this viewer. */
  suppressed: boolean;
};

const ownId = (id: string) => `${id}:own`;
const cellId = (rowId: string, key: CellKey) => `${rowId}|${key}`;

function hasAny(c: ScorecardCounts): boolean {
  return Object.values(c).some((v) => v !== 0);
}

export function buildScorecard(input: ScorecardInput): Scorecard {
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const children = new Map<string, TreeNode[]>();
  for (const n of input.nodes)
    if (n.parentId && byId.has(n.parentId) && n.id !== input.rootId)
      children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const scope = byId.get(input.scopeId);
  if (!scope) throw new Error('scope not in the tree');

  // Totals bottom-up; each non-county with counts of its own gets an "own" row.
  const totals = new Map<string, ScorecardCounts>();
  const ownRows = new Map<string, ScorecardCounts>();
  const totalOf = (id: string): ScorecardCounts => {
    const known = totals.get(id);
    if (known) return known;
    const own = input.own.get(id) ?? ZERO_COUNTS;
    const kids = children.get(id) ?? [];
    if (kids.length > 0 && hasAny(own)) ownRows.set(id, own);
    const total = kids.reduce((sum, k) => addCounts(sum, totalOf(k.id)), own);
    totals.set(id, total);
    return total;
  };
  totalOf(input.rootId);

  // One suppression pattern over the whole tree: rows' own groups, and children adding up to parents.
  const values = new Map<string, number>();
  const groups: AdditiveGroup[] = [];
  const addRow = (rowId: string, counts: ScorecardCounts) => {
    const cells = cellsOf(counts);
    for (const key of CELL_KEYS) values.set(cellId(rowId, key), cells[key]);
    for (const g of CELL_GROUPS)
      groups.push({ total: cellId(rowId, g.total), parts: g.parts.map((p) => cellId(rowId, p)) });
  };
  for (const [id, counts] of totals) addRow(id, counts);
  for (const [id, counts] of ownRows) addRow(ownId(id), counts);
  for (const [id, kids] of children) {
    const partIds = [...kids.map((k) => k.id), ...(ownRows.has(id) ? [ownId(id)] : [])];
    for (const key of CELL_KEYS)
      groups.push({ total: cellId(id, key), parts: partIds.map((p) => cellId(p, key)) });
  }
  const withheld = suppressCells(values, groups);

  /** The figures a rating may use: those not resting on a withheld cell. */
  const ratedValues = (rowId: string, counts: ScorecardCounts) => {
    const all = indicatorValues(counts);
    return Object.fromEntries(
      INDICATOR_KEYS.map((k) => [
        k,
        INDICATORS[k].restsOn.some((c) => withheld.has(cellId(rowId, c))) ? null : all[k],
      ]),
    ) as Record<IndicatorKey, number | null>;
  };

  let anyWithheld = false;
  const present = (
    node: TreeNode,
    rowId: string,
    counts: ScorecardCounts,
    kind: ScorecardRow['kind'],
  ): ScorecardRow => {
    const cells = cellsOf(counts);
    const shownCells = Object.fromEntries(
      CELL_KEYS.map((k) => {
        const hide = input.suppress && withheld.has(cellId(rowId, k));
        if (hide) anyWithheld = true;
        return [k, hide ? SUPPRESSED : cells[k]];
      }),
    ) as Record<CellKey, Cell>;
    const values = indicatorValues(counts);
    const indicators = Object.fromEntries(
      INDICATOR_KEYS.map((k) => {
        const rests = INDICATORS[k].restsOn.some((c) => withheld.has(cellId(rowId, c)));
        const value: Figure = input.suppress && rests && values[k] !== null ? SUPPRESSED : values[k];
        return [k, { value, score: null }];
      }),
    ) as Record<IndicatorKey, ShownIndicator>;
    return {
      id: kind === 'own' ? rowId : node.id,
      code: node.code,
      name: node.name,
      level: node.level,
      kind,
      cadres: counts.cadres,
      cells: shownCells,
      indicators,
      composite: null,
      rank: null,
    };
  };

  // The compared set: the scope's children — or, for a county, its parent's counties (if visible).
  const comparedParent =
    scope.level === 'county' ? (scope.id === input.rootId ? null : byId.get(scope.parentId!)) : scope;
  const compared = comparedParent ? (children.get(comparedParent.id) ?? []) : [];
  const rated = scoreRows(
    compared.map((n): RatedRow => ({ id: n.id, values: ratedValues(n.id, totals.get(n.id)!) })),
    input.weights,
  );
  const scoreById = new Map(rated.map((r) => [r.id, r]));
  const withScores = (row: ScorecardRow): ScorecardRow => {
    const s = scoreById.get(row.id);
    if (!s || row.kind === 'own') return row;
    const indicators = Object.fromEntries(
      INDICATOR_KEYS.map((k) => [k, { value: row.indicators[k].value, score: s.scores[k] }]),
    ) as Record<IndicatorKey, ShownIndicator>;
    return { ...row, indicators, composite: s.composite, rank: s.rank };
  };

  let rows: ScorecardRow[];
  if (scope.level === 'county') {
    rows = [withScores(present(scope, scope.id, totals.get(scope.id)!, 'jurisdiction'))];
  } else {
    rows = (children.get(scope.id) ?? []).map((n) =>
      withScores(present(n, n.id, totals.get(n.id)!, 'jurisdiction')),
    );
    const own = ownRows.get(scope.id);
    if (own) rows.push(present(scope, ownId(scope.id), own, 'own'));
  }
  rows.sort((a, b) => {
    if (a.rank !== null && b.rank !== null && a.rank !== b.rank) return a.rank - b.rank;
    if ((a.rank === null) !== (b.rank === null)) return a.rank === null ? 1 : -1;
    if (a.kind !== b.kind) return a.kind === 'own' ? 1 : -1;
    return a.code.localeCompare(b.code);
  });
  const total = present(scope, scope.id, totals.get(scope.id)!, 'jurisdiction');
  const rankedCount = rated.filter((r) => r.rank !== null).length;
  return {
    scope,
    parent: scope.parentId && scope.id !== input.rootId ? (byId.get(scope.parentId) ?? null) : null,
    rows,
    total,
    rankedOutOf: rankedCount > 0 ? rankedCount : null,
    suppressed: anyWithheld,
  };
}
