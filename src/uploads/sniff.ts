/**
 * What an uploaded file really is, from its bytes (magic numbers), never from its name or the
 * browser's Content-Type (DESIGN §4 security model: uploads). Evidence may be PDF, an image, a Word
 * or Excel file, or plain text; everything else — HTML even when named .pdf, SVG, XML carrying
 * script, scripts, executables, other archives, anything unrecognised — is refused.
 */
import { ole2StreamNames, zipEntryNames } from './containers.ts';
import { classifyText } from './text.ts';

/** Kinds of accepted files; the extension a file may carry follows from the family. */
export type FileFamily = 'pdf' | 'image' | 'word' | 'excel' | 'text';

/** A file of an accepted type, with what it is served as. */
export type AcceptedFile = {
  accepted: true;
  type: 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'text';
  family: FileFamily;
  /** What the file is served as. */
  mime: string;
  /** Extension given to a file uploaded without one. */
  extension: string;
  /** Short name shown in messages, e.g. 'PNG'. */
  label: string;
};

/** A refused file and what it was detected to be. */
export type RefusedFile = {
  accepted: false;
  type:
    | 'empty'
    | 'html'
    | 'svg'
    | 'xml_script'
    | 'script'
    | 'rtf'
    | 'executable'
    | 'archive'
    | 'zip'
    | 'office_macro'
    | 'office_other'
    | 'unknown';
  /** What was detected, for the error message, e.g. 'HTML', 'EXE', 'ZIP'. */
  label: string;
};

/** The verdict on an upload's bytes. */
export type SniffResult = AcceptedFile | RefusedFile;

const OOXML_WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const OOXML_EXCEL = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const accepted = (
  type: AcceptedFile['type'],
  family: FileFamily,
  mime: string,
  extension: string,
  label: string,
): AcceptedFile => ({
  accepted: true,
  type,
  family,
  mime,
  extension,
  label,
});
const refused = (type: RefusedFile['type'], label: string): RefusedFile => ({ accepted: false, type, label });

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((byte, i) => bytes[at + i] === byte);
}
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

const EXECUTABLES: [readonly number[], string][] = [
  [[0x7f, 0x45, 0x4c, 0x46], 'ELF'],
  [[0xfe, 0xed, 0xfa, 0xce], 'Mach-O'],
  [[0xfe, 0xed, 0xfa, 0xcf], 'Mach-O'],
  [[0xce, 0xfa, 0xed, 0xfe], 'Mach-O'],
  [[0xcf, 0xfa, 0xed, 0xfe], 'Mach-O'],
  [[0xca, 0xfe, 0xba, 0xbe], 'Mach-O/Java'],
  [[0x00, 0x61, 0x73, 0x6d], 'WebAssembly'],
];
const ARCHIVES: [readonly number[], string][] = [
  [[0x1f, 0x8b], 'GZIP'],
  [ascii('BZh'), 'BZIP2'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'XZ'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], '7Z'],
  [ascii('Rar!'), 'RAR'],
];

/** A DOS/Windows executable: 'MZ' and binary bytes in its header (a text file may start with "MZ"). */
function isWindowsExecutable(bytes: Uint8Array): boolean {
  return startsWith(bytes, ascii('MZ')) && bytes.subarray(0, 64).includes(0);
}

function sniffZip(bytes: Uint8Array): SniffResult {
  const names = zipEntryNames(bytes);
  if (!names) return refused('zip', 'ZIP');
  const has = (prefix: string) => names.some((name) => name.startsWith(prefix));
  if (!names.includes('[Content_Types].xml')) return refused('zip', 'ZIP');
  // Macro-enabled Office files (.docm, .xlsm) carry VBA: refused like any other code.
  if (names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name)))
    return refused('office_macro', 'Office (macro)');
  if (has('word/')) return accepted('docx', 'word', OOXML_WORD, 'docx', 'DOCX');
  if (has('xl/')) return accepted('xlsx', 'excel', OOXML_EXCEL, 'xlsx', 'XLSX');
  return refused('office_other', has('ppt/') ? 'PPTX' : 'OOXML');
}

function sniffOle2(bytes: Uint8Array): SniffResult {
  const streams = ole2StreamNames(bytes);
  if (streams.has('Macros') || streams.has('_VBA_PROJECT_CUR') || streams.has('VBA'))
    return refused('office_macro', 'Office (macro)');
  if (streams.has('WordDocument')) return accepted('doc', 'word', 'application/msword', 'doc', 'DOC');
  if (streams.has('Workbook') || streams.has('Book'))
    return accepted('xls', 'excel', 'application/vnd.ms-excel', 'xls', 'XLS');
  // PowerPoint, Outlook messages, Windows installers (.msi) … share the container.
  return refused('office_other', 'OLE2');
}

const TEXT_LABELS = {
  html: 'HTML',
  svg: 'SVG',
  xml_script: 'XML (script)',
  script: 'script (#!)',
  rtf: 'RTF',
  binary: 'unknown',
} as const;

/** Detects the real type of an uploaded file from its bytes. */
export function sniff(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return refused('empty', 'empty');
  if (startsWith(bytes, PDF)) return accepted('pdf', 'pdf', 'application/pdf', 'pdf', 'PDF');
  if (startsWith(bytes, PNG)) return accepted('png', 'image', 'image/png', 'png', 'PNG');
  if (startsWith(bytes, JPEG)) return accepted('jpeg', 'image', 'image/jpeg', 'jpg', 'JPEG');
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89))
    return accepted('gif', 'image', 'image/gif', 'gif', 'GIF');
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8))
    return accepted('webp', 'image', 'image/webp', 'webp', 'WebP');
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) return sniffZip(bytes);
  if (startsWith(bytes, OLE2)) return sniffOle2(bytes);
  if (isWindowsExecutable(bytes)) return refused('executable', 'EXE');
  for (const [magic, label] of EXECUTABLES) if (startsWith(bytes, magic)) return refused('executable', label);
  for (const [magic, label] of ARCHIVES) if (startsWith(bytes, magic)) return refused('archive', label);
  if (startsWith(bytes, ascii('ustar'), 257)) return refused('archive', 'TAR');
  const text = classifyText(bytes);
  if (text.kind === 'text')
    return accepted('text', 'text', `text/plain; charset=${text.charset}`, 'txt', 'text');
  return refused(text.kind === 'binary' ? 'unknown' : text.kind, TEXT_LABELS[text.kind]);
}
