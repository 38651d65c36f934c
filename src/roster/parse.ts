import { DomainError } from '../domain/errors.ts';
import { decodeCsvBytes, parseCsv } from './csv.ts';
import { isEmptyRow, MAX_DATA_ROWS, textCell, type GridRow } from './grid.ts';
import { mapHeaders } from './headers.ts';
import type { ParseOptions, RosterCellError, RosterParseResult, RosterRow } from './types.ts';
import { validateRow } from './validate-row.ts';
import { isZip, readXlsxGrid } from './xlsx-read.ts';

/** Rows validated between progress reports and yields to the event loop (so a CLI bar can redraw). */
const PROGRESS_STEP = 1000;

/**
 * Parses a cadre roster (干部名册) from .xlsx or .csv bytes, detecting the format by content and a
 * CSV's encoding (UTF-8 or GB18030). Returns the valid rows and every bad cell with row, column and
 * a reason in Chinese and English; the caller decides between all-or-nothing and valid rows only.
 *
 * Throws DomainError: import.unsupported_file, import.unreadable, import.missing_columns,
 * import.empty, import.too_many_rows.
 */
export async function parseRosterFile(
  bytes: Uint8Array,
  filename: string,
  opts: ParseOptions = {},
): Promise<RosterParseResult> {
  if (bytes.length === 0) throw new DomainError('import.empty');
  const source = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes, filename);
  const nonEmpty = source.rows.filter((row) => !isEmptyRow(row));
  if (nonEmpty.length === 0) throw new DomainError('import.empty');

  const { headerRowIndex, headerRow, headerMap, warnings } = mapHeaders(nonEmpty);
  const dataRows = nonEmpty.slice(headerRowIndex + 1);
  if (dataRows.length === 0) throw new DomainError('import.empty');
  if (dataRows.length > MAX_DATA_ROWS) {
    throw new DomainError('import.too_many_rows', { count: dataRows.length, max: MAX_DATA_ROWS });
  }

  const context = { headerMap, now: opts.now ?? new Date(), firstRowById: new Map<string, number>() };
  const rows: RosterRow[] = [];
  const errors: RosterCellError[] = [];
  for (const [index, gridRow] of dataRows.entries()) {
    const result = validateRow(gridRow, context);
    if (result.row) rows.push(result.row);
    errors.push(...result.errors);
    const done = index + 1;
    if (done % PROGRESS_STEP === 0 && done < dataRows.length) {
      opts.onProgress?.(done, dataRows.length);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  opts.onProgress?.(dataRows.length, dataRows.length);

  return {
    ...source.info,
    headerRow,
    headerMap,
    rows,
    errors,
    warnings,
    totalRows: dataRows.length,
  };
}

type Source = { info: Pick<RosterParseResult, 'format' | 'encoding'>; rows: GridRow[] };

async function readXlsx(bytes: Uint8Array): Promise<Source> {
  return { info: { format: 'xlsx' }, rows: await readXlsxGrid(bytes) };
}

function readCsv(bytes: Uint8Array, filename: string): Source {
  const { text, encoding } = decodeCsvBytes(bytes, filename);
  const rows = parseCsv(text).map((fields, index) => ({ rowNumber: index + 1, cells: fields.map(textCell) }));
  return { info: { format: 'csv', encoding }, rows };
}
