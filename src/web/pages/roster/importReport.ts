import type { ImportReport, ImportRowError } from '../../api/types.ts';

/** Distinct rows with at least one error (one row can have several). */
export function rowsWithErrors(report: Pick<ImportReport, 'errors'>): number {
  return new Set(report.errors.map((e) => e.row)).size;
}

/** "身份证号 (C)": the column as named in the file, with its spreadsheet letter when known. */
export function columnLabel(error: ImportRowError): string {
  return error.columnLetter ? `${error.column} (${error.columnLetter})` : error.column;
}

/** Errors matching the column filter and the free-text search (value, either message, or row number). */
export function filterImportErrors(
  errors: readonly ImportRowError[],
  column: string | undefined,
  text: string,
): ImportRowError[] {
  const needle = text.trim().toLowerCase();
  return errors.filter(
    (error) =>
      (!column || error.column === column) &&
      (!needle ||
        [error.value, error.messageZh, error.messageEn, String(error.row)].some((s) =>
          s.toLowerCase().includes(needle),
        )),
  );
}
