import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJs } from './exceljs.ts';
import { DomainError } from '../domain/errors.ts';
import { readZipEntry, zipEntryNames } from '../documents/zip-entry.ts';
import { MAX_DATA_ROWS, type GridCell, type GridRow } from './grid.ts';

/** First bytes of every zip file, and so of every .xlsx. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Largest XML part of a workbook read (a 200,000-row sheet is about 120 MB): a bound against zip bombs. */
const MAX_PART_BYTES = 512 * 1024 * 1024;

/**
 * The parts of exceljs' streaming WorkbookReader used here. They parse one part of the workbook
 * each from an iterable of text chunks. Its own `parse` feeds them from the unzipped streams and
 * decodes every chunk separately — which breaks a Chinese character whose bytes straddle two chunks
 * (it reads back as "刘健��") — so the parts are unzipped and decoded whole here and handed over as
 * text. exceljs is pinned (package.json); parse.test.ts reads Chinese rosters through every part.
 */
type WorkbookParts = {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(chunks: AsyncIterable<string>, sheetNo: string): Iterable<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
};

/**
 * Reads the first worksheet (the first tab, as Excel shows it) into grid rows (non-empty rows only,
 * real row numbers kept). Streams the sheet's rows through exceljs' streaming parsers instead of
 * loading the whole workbook model: a 100,000-row roster reads about three times faster.
 */
export async function readXlsxGrid(bytes: Uint8Array): Promise<GridRow[]> {
  const names = zipEntryNames(bytes);
  if (!names) throw new DomainError('import.unreadable', { reason: 'not a readable zip archive' });
  const part = (name: string): Readable | null => {
    if (!names.includes(name)) return null;
    const data = readZipEntry(bytes, name, MAX_PART_BYTES);
    if (!data) throw new DomainError('import.unreadable', { reason: `${name} cannot be unzipped` });
    return Readable.from(textChunks(new TextDecoder('utf-8').decode(data)));
  };
  const reader = new (await loadExcelJs()).stream.xlsx.WorkbookReader(Readable.from([]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' }) as unknown as WorkbookParts;
  const rows: GridRow[] = [];
  let valued = 0;
  try {
    const workbook = part('xl/workbook.xml');
    const rels = part('xl/_rels/workbook.xml.rels');
    // A .docx or any other zip is no workbook.
    if (!workbook || !rels) throw new DomainError('import.unsupported_file');
    await reader._parseRels(rels);
    await reader._parseWorkbook(workbook);
    const sharedStrings = part('xl/sharedStrings.xml');
    if (sharedStrings) for await (const _ of reader._parseSharedStrings(sharedStrings)) void _;
    const styles = part('xl/styles.xml');
    if (styles) await reader._parseStyles(styles);
    // The first tab is the first sheet of workbook.xml, whatever its file is called.
    const firstTab = reader.model?.sheets?.[0];
    const target = reader.workbookRels?.find((rel) => rel.Id === firstTab?.rId)?.Target.replace(/^\/?(xl\/)?/, '');
    const sheetNo = /^worksheets\/sheet(\d+)\.xml$/.exec(target ?? '')?.[1];
    const sheet = sheetNo === undefined ? null : part(`xl/worksheets/sheet${sheetNo}.xml`);
    if (!sheet) throw new DomainError('import.unsupported_file');
    for (const { eventType, value: worksheet } of reader._parseWorksheet(sheet, sheetNo!)) {
      if (eventType !== 'worksheet') continue;
      for await (const row of worksheet) {
        if (!row.hasValues) continue;
        // +1 for the header; a title row above it would only make this a little lenient. Past the limit, only count.
        if (++valued > MAX_DATA_ROWS + 1) continue;
        const cells: GridCell[] = [];
        for (let column = 1; column <= row.cellCount; column += 1) {
          const cell = row.getCell(column);
          cells.push(toGridCell(cell.value, cell.numFmt));
        }
        rows.push({ rowNumber: row.number, cells });
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('import.unreadable', { reason: error instanceof Error ? error.message : String(error) });
  }
  if (valued > MAX_DATA_ROWS + 1) throw new DomainError('import.too_many_rows', { count: valued - 1, max: MAX_DATA_ROWS });
  return rows;
}

/** A part's text in pieces of about 64 K characters, never cutting a surrogate pair. */
function* textChunks(text: string): Generator<string> {
  const size = 65_536;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield text.slice(start, end);
    start = end;
  }
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
