import type ExcelJS from 'exceljs';
import { loadExcelJs } from './exceljs.ts';
import { CANONICAL_HEADERS, GENDER_ZH, PARTY_ZH, STATUS_ZH } from './columns.ts';
import type { CadreStatus, Gender, PartyMembership, RosterField } from './types.ts';

/** One cadre as the export writes it; `idNumber`/`mobile` may already be masked. */
export type ExportRow = {
  name: string;
  gender: Gender;
  birthMonth: string;
  unitName: string;
  position: string;
  rank: string;
  partyMembership: PartyMembership;
  status: CadreStatus;
  idNumber: string;
  mobile?: string | null;
};

export const ROSTER_SHEET_NAME = '干部名册';
/** Excel's built-in "Text" number format: what the user types stays text (no 1.10101E+17). */
export const TEXT_FORMAT = '@';

const COLUMN_WIDTHS: Record<RosterField, number> = {
  name: 12,
  gender: 6,
  birthMonth: 10,
  unitName: 28,
  position: 24,
  rank: 16,
  partyMembership: 14,
  status: 8,
  idNumber: 22,
  mobile: 15,
};

/**
 * Writes the roster as .xlsx with Chinese headers on sheet 干部名册. ID number and mobile are text
 * cells, masked unless `masked` is false; every cell is text-formatted, and free text that would
 * start a formula is guarded (see `guardFormula`). An unmasked export re-imports unchanged.
 */
export async function exportRosterXlsx(
  rows: readonly ExportRow[],
  opts: { masked: boolean },
): Promise<Uint8Array> {
  const workbook = new (await loadExcelJs()).Workbook();
  const sheet = addRosterSheet(workbook);
  for (const row of rows) {
    const values: Record<RosterField, string> = {
      name: row.name,
      gender: GENDER_ZH[row.gender],
      birthMonth: row.birthMonth,
      unitName: row.unitName,
      position: row.position,
      rank: row.rank,
      partyMembership: PARTY_ZH[row.partyMembership],
      status: STATUS_ZH[row.status],
      idNumber: opts.masked ? maskIdNumber(row.idNumber) : row.idNumber,
      mobile: row.mobile ? (opts.masked ? maskMobile(row.mobile) : row.mobile) : '',
    };
    sheet.addRow(CANONICAL_HEADERS.map(([field]) => guardFormula(values[field])));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Adds the 干部名册 sheet with the bold, frozen header row and text-formatted columns. */
export function addRosterSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(ROSTER_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = CANONICAL_HEADERS.map(([field, header]) => ({
    header,
    key: field,
    width: COLUMN_WIDTHS[field],
    style: { numFmt: TEXT_FORMAT },
  }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/**
 * Formula (CSV) injection guard. A string cell in .xlsx is never evaluated, but the user may save
 * the sheet as CSV or re-enter a cell, and then "=HYPERLINK(…)" or "@SUM(…)" runs. Following OWASP's
 * advice, text starting with = + - @ tab or CR gets a leading apostrophe (the character is stored,
 * so it survives a CSV save). exceljs cannot write Excel's hidden quotePrefix style, which would not
 * survive a CSV save anyway. The import strips exactly this prefix, so a round trip is lossless.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** 身份证号: first 6 and last 4 shown ('110101********123X'); masking a masked value changes nothing. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 10) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 6) + '*'.repeat(idNumber.length - 10) + idNumber.slice(-4);
}

/** 手机号: '170****5678'. */
export function maskMobile(mobile: string): string {
  if (mobile.length <= 7) return '*'.repeat(mobile.length);
  return mobile.slice(0, 3) + '*'.repeat(mobile.length - 7) + mobile.slice(-4);
}
