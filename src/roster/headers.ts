import { DomainError } from '../domain/errors.ts';
import { columnLetter, fieldForHeader, REQUIRED_FIELDS, CANONICAL_HEADERS } from './columns.ts';
import { cleanText, type GridRow } from './grid.ts';
import type { HeaderLocation, RosterField, RosterWarning } from './types.ts';

/** The header row and which field each column holds. */
export type HeaderMapping = {
  headerRowIndex: number;
  headerRow: number;
  headerMap: Partial<Record<RosterField, HeaderLocation>>;
  warnings: RosterWarning[];
};

/** A title row ("K县干部名册") may sit above the header, so look a few rows down for it. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Finds the header row (the first of the top rows that names at least two roster columns, else the
 * first row) and maps its columns; unknown and repeated columns become warnings.
 * Throws import.missing_columns naming every required column not found.
 */
export function mapHeaders(rows: readonly GridRow[]): HeaderMapping {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  const found = candidates.findIndex(
    (row) => row.cells.filter((cell) => fieldForHeader(cleanText(cell.text)) !== undefined).length >= 2,
  );
  const headerRowIndex = found === -1 ? 0 : found;
  const headerRow = rows[headerRowIndex]!;
  const headerMap: Partial<Record<RosterField, HeaderLocation>> = {};
  const warnings: RosterWarning[] = [];

  headerRow.cells.forEach((cell, index) => {
    const header = cleanText(cell.text);
    if (header === '') return;
    const location: HeaderLocation = {
      header,
      columnIndex: index + 1,
      columnLetter: columnLetter(index + 1),
    };
    const field = fieldForHeader(header);
    const first = field === undefined ? undefined : headerMap[field];
    if (field === undefined) {
      warnings.push(warning('roster.unknown_column', location, { column: header }));
    } else if (first) {
      warnings.push(
        warning('roster.duplicate_column', location, { column: header, firstColumn: first.header }),
      );
    } else {
      headerMap[field] = location;
    }
  });

  const missing = REQUIRED_FIELDS.filter((field) => headerMap[field] === undefined);
  if (missing.length > 0) {
    const names = new Map(CANONICAL_HEADERS);
    throw new DomainError('import.missing_columns', { columns: missing.map((field) => names.get(field)!) });
  }
  if (!headerMap.partyMembership) {
    warnings.push(warning('roster.party_column_absent', undefined, {}));
  }
  return { headerRowIndex, headerRow: headerRow.rowNumber, headerMap, warnings };
}

function warning(
  code: 'roster.unknown_column' | 'roster.duplicate_column' | 'roster.party_column_absent',
  location: HeaderLocation | undefined,
  details: Record<string, string>,
): RosterWarning {
  const error = new DomainError(code, details);
  return {
    code,
    ...(location ? { column: location.header, columnLetter: location.columnLetter } : {}),
    messageZh: error.messageZh,
    messageEn: error.messageEn,
  };
}
