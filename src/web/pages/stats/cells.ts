import type { Cell, DerivedFigure } from '../../api/stats.ts';

/**
 * Small-number suppression arrives as the string '<5' (never the number): charts leave such a cell
 * out (null) and tables print it as it came, so no one can read a suppressed count off a bar.
 */
export const SUPPRESSED = '<5';

/** The number to draw, or null for a suppressed or missing figure. */
export function chartValue(cell: Cell | DerivedFigure): number | null {
  return typeof cell === 'number' ? cell : null;
}

/** The figure as text: the number (one decimal at most), '<5', or '—' when there is none. */
export function cellText(cell: Cell | DerivedFigure, language = 'zh-CN'): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  return Number.isInteger(cell)
    ? cell.toLocaleString(language)
    : cell.toLocaleString(language, { maximumFractionDigits: 2 });
}

/** Whether any of the cells was suppressed (to say so under the chart). */
export function anySuppressed(cells: readonly (Cell | DerivedFigure)[]): boolean {
  return cells.some((c) => c === SUPPRESSED);
}
