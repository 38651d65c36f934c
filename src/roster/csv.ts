import iconv from 'iconv-lite';
import { DomainError } from '../domain/errors.ts';

/** Decoded text of a CSV file and the encoding it was in. */
export type DecodedText = { text: string; encoding: 'utf-8' | 'gb18030' };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 — a superset of GBK and
 * GB2312, which is what Chinese-locale Excel writes for "CSV (逗号分隔)".
 */
export function decodeCsvBytes(bytes: Uint8Array, filename: string): DecodedText {
  if (looksBinary(bytes)) throw new DomainError('import.unsupported_file', { filename });
  const hasBom = bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(body), 'gb18030'), encoding: 'gb18030' };
  }
}

/** NUL bytes or many control bytes mean this is not a text file (e.g. an old .xls, a PDF, UTF-16). */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) controls += 1;
  }
  return controls > sample.length / 100;
}

/**
 * RFC 4180 records: quoted fields may hold commas, line breaks and doubled quotes; CRLF, LF or CR end
 * a record. One record per spreadsheet row, blank lines included, so row numbers match what Excel
 * shows. The delimiter is a comma, or a tab when the first line has tabs and no commas.
 */
export function parseCsv(text: string): string[][] {
  const delimiter = chooseDelimiter(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false;
  const endField = (): void => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = (): void => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else inQuotes = false;
    } else if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  // A final line without a line break is still a record; a trailing line break adds none.
  if (fieldStarted || field !== '' || record.length > 0) endRecord();
  return records;
}

function chooseDelimiter(text: string): ',' | '\t' {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}
