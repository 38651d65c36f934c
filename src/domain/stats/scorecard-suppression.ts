/**
 * Small-number suppression for a table of counts (统计披露控制), so that no cadre can be singled out:
 *
 * 1. Primary: a count of 1–4 is withheld (shown as "<5"). Zero is shown: "none" names no one.
 * 2. Complementary: wherever counts add up to a shown total — the parts of one jurisdiction's row
 *    (exempt + mitigate + refuse = decided …) and the jurisdictions under a parent (the counties'
 *    counts add up to the city's) — one withheld part could be worked out by subtraction. So in every
 *    such group the withheld cells are never exactly one: while a group has exactly one, the smallest
 *    other non-zero cell of it is withheld as well (its total when no part is left). This repeats
 *    until no group changes, since withholding a cell can leave another group with exactly one.
 *
 * The result is one pattern for the whole tree of jurisdictions a viewer can open, so looking at a
 * city and then at one of its counties shows the same cells withheld in both (a cell hidden in one
 * view and shown in another would give the hidden one away).
 */
import { isSmall } from './indicators.ts';

/** A group of cells whose `parts` add up to `total` (cell ids). */
export type AdditiveGroup = { total: string; parts: readonly string[] };

/**
 * The cells to withhold, by id. Cells not in `values` are treated as zero. Groups are settled in the
 * order given (put each jurisdiction's own groups before the groups across jurisdictions: a row is
 * then fixed within itself before a column has to reach into another row). Among the cells that
 * could be withheld next, one that also settles another group with exactly one withheld cell is
 * preferred over one that would leave a new group with exactly one; then the smallest.
 */
export function suppressCells(
  values: ReadonlyMap<string, number>,
  groups: readonly AdditiveGroup[],
): Set<string> {
  const hidden = new Set<string>();
  for (const [id, value] of values) if (isSmall(value)) hidden.add(id);
  const valueOf = (id: string) => values.get(id) ?? 0;
  const byCell = new Map<string, number[]>();
  groups.forEach((g, i) => {
    for (const id of [g.total, ...g.parts]) byCell.set(id, [...(byCell.get(id) ?? []), i]);
  });
  const withheldIn = (i: number) => {
    const g = groups[i]!;
    return [g.total, ...g.parts].filter((id) => hidden.has(id)).length;
  };
  /**
   * What withholding `id` does to its other groups: −1 for each it settles (it had exactly one
   * withheld), +1 for each it leaves with exactly one — +2 if no other non-zero part is left there,
   * so that group's total would have to go as well.
   */
  const cost = (id: string, except: number) =>
    (byCell.get(id) ?? []).reduce((sum, j) => {
      if (j === except) return sum;
      const n = withheldIn(j);
      if (n === 1) return sum - 1;
      if (n > 1) return sum;
      const others = groups[j]!.parts.filter((p) => p !== id && valueOf(p) > 0);
      return sum + (others.length === 0 ? 2 : 1);
    }, 0);
  const queue = new Set<number>(groups.map((_, i) => i));
  while (queue.size > 0) {
    let i = Infinity;
    for (const j of queue) if (j < i) i = j;
    queue.delete(i);
    const g = groups[i]!;
    if (withheldIn(i) !== 1) continue;
    // Withhold another part (best by cost, then the smallest); failing that, the total.
    let next: string | undefined;
    let best = { cost: Infinity, value: Infinity };
    for (const id of g.parts) {
      if (hidden.has(id) || valueOf(id) <= 0) continue;
      const c = { cost: cost(id, i), value: valueOf(id) };
      if (c.cost < best.cost || (c.cost === best.cost && c.value < best.value)) {
        best = c;
        next = id;
      }
    }
    if (next === undefined && !hidden.has(g.total) && valueOf(g.total) > 0) next = g.total;
    if (next === undefined) continue; // unreachable with consistent sums: the parts add up to the total
    hidden.add(next);
    for (const j of byCell.get(next) ?? []) queue.add(j);
  }
  return hidden;
}
