import ExcelJS from 'exceljs';
import { DomainError } from '../domain/errors.ts';
import { MAX_DATA_ROWS, type GridCell, type GridRow } from './grid.ts';

/** First bytes of every zip file, and so of every .xlsx. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads the first worksheet into grid rows (non-empty rows only, real row numbers kept). */
export async function readXlsxGrid(bytes: Uint8Array): Promise<GridRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(bytes));
  } catch (error) {
    throw new DomainError('import.unreadable', {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  const sheet = workbook.worksheets[0];
  // A .docx or any other zip loads as a workbook without worksheets.
  if (!sheet) throw new DomainError('import.unsupported_file');
  // +1 for the header; a title row above it would only make this a little lenient.
  if (sheet.actualRowCount > MAX_DATA_ROWS + 1) {
    throw new DomainError('import.too_many_rows', { count: sheet.actualRowCount - 1, max: MAX_DATA_ROWS });
  }
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: GridCell[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) {
      const cell = row.getCell(column);
      cells.push(toGridCell(cell.value, cell.numFmt));
    }
    rows.push({ rowNumber, cells });
  });
  return rows;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Normalises every exceljs value shape (formula results, rich text, links, errors) to a cell. */
function toGridCell(value: ExcelJS.CellValue, numFmt: string | undefined): GridCell {
  if (value === null || value === undefined) return { kind: 'text', text: '' };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') return numberCell(value, numFmt);
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'date', text: value.toISOString().slice(0, 10), date: value };
  if ('richText' in value) return { kind: 'text', text: value.richText.map((run) => run.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return toGridCell(isCellValue(result) ? result : null, numFmt);
  }
  if ('error' in value) return { kind: 'text', text: String(value.error) };
  if ('text' in value) {
    const text = (value as { text: unknown }).text;
    return typeof text === 'string' ? { kind: 'text', text } : toGridCell(text as ExcelJS.CellValue, numFmt);
  }
  return { kind: 'text', text: '' };
}

function isCellValue(result: unknown): result is ExcelJS.CellValue {
  return (
    ['string', 'number', 'boolean'].includes(typeof result) ||
    result instanceof Date ||
    typeof result === 'object'
  );
}

function numberCell(number: number, numFmt: string | undefined): GridCell {
  // Keep what the user saw when the format fixes decimals ("0.00" shows 1985.10, not 1985.1).
  const decimals = numFmt?.match(/^0\.(0+)$/)?.[1]?.length;
  const text = decimals === undefined ? String(number) : number.toFixed(decimals);
  return numFmt === undefined ? { kind: 'number', text, number } : { kind: 'number', text, number, numFmt };
}
