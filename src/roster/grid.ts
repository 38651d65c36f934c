/**
 * The common form both readers produce: rows of cells with the spreadsheet row number, so header
 * mapping and validation do not care whether the file was .xlsx or .csv.
 */

/** How the cell was stored; only .xlsx produces 'number' and 'date'. */
export type GridCell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; text: string; number: number; numFmt?: string }
  | { kind: 'date'; text: string; date: Date };

export type GridRow = { rowNumber: number; cells: GridCell[] };

/** Most data rows one import accepts (the byte limit is the caller's). */
export const MAX_DATA_ROWS = 200_000;

export function textCell(text: string): GridCell {
  return { kind: 'text', text };
}

/** Control characters and zero-width marks become nothing; tabs and line breaks a single space. */
export function cleanText(text: string): string {
  return text
    .replace(/[\t\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export function isEmptyRow(row: GridRow): boolean {
  return row.cells.every((cell) => cleanText(cell.text) === '');
}
