/**
 * Pulls the signed canonical content back out of an uploaded .pdf or .docx (see embedded.ts), for
 * the public verification page. It reads only what this product writes: a PDF rewritten by another
 * tool into compressed object streams, or a .docx whose custom properties were stripped, yields
 * null, and the page then asks for the verification code instead.
 */
import { parseCanonicalContent } from './canonical.ts';
import {
  SIGNED_CONTENT_PROPERTY,
  VERIFICATION_PROPERTY,
  decodeVerification,
  fromBase64,
} from './embedded.ts';
import type { DocumentVerification, OfficialDocument } from './model.ts';
import { readZipEntry } from './zip-entry.ts';

/** What an uploaded file carries: the exact signed text, the document it describes, and its code. */
export type ExtractedSignedContent = {
  format: 'pdf' | 'docx';
  /** The canonical JSON text; its UTF-8 bytes are what was hashed and signed. */
  content: string;
  contentBytes: Uint8Array;
  document: OfficialDocument;
  /** The verification block embedded beside it, if the file was signed. */
  verification: DocumentVerification | null;
};

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The embedded canonical content of a .pdf or .docx made by renderPdf/renderDocx, or null. */
export function extractSignedContent(fileBytes: Uint8Array): ExtractedSignedContent | null {
  if (fileBytes.length > MAX_FILE_BYTES) return null;
  const head = Buffer.from(fileBytes.subarray(0, 5)).toString('latin1');
  const format = head === '%PDF-' ? 'pdf' : head.startsWith('PK\x03\x04') ? 'docx' : null;
  if (!format) return null;
  const read = format === 'pdf' ? pdfInfoValue : docxCustomProperty;
  const contentBase64 = read(fileBytes, SIGNED_CONTENT_PROPERTY);
  if (contentBase64 === null) return null;
  let content: string;
  try {
    content = fromBase64(contentBase64);
  } catch {
    return null;
  }
  const document = parseCanonicalContent(content);
  if (!document) return null;
  const verificationBase64 = read(fileBytes, VERIFICATION_PROPERTY);
  const verification = verificationBase64 === null ? null : decodeVerification(verificationBase64);
  return { format, content, contentBytes: new TextEncoder().encode(content), document, verification };
}

/** A string value of the PDF Info dictionary: the last definition wins (incremental updates). */
function pdfInfoValue(fileBytes: Uint8Array, key: string): string | null {
  const text = Buffer.from(fileBytes.buffer, fileBytes.byteOffset, fileBytes.byteLength).toString('latin1');
  const matches = [...text.matchAll(new RegExp(`/${key}\\s*(\\(|<|(\\d+)\\s+(\\d+)\\s+R)`, 'g'))];
  const last = matches.at(-1);
  if (!last) return null;
  let start = last.index + last[0].length - 1;
  if (last[2] !== undefined) {
    // An indirect reference (pdfkit writes every Info value as its own object): find that object.
    const objects = [
      ...text.matchAll(new RegExp(`(?:^|[\\r\\n\\s])${last[2]}\\s+${last[3]}\\s+obj\\s*([(<])`, 'g')),
    ];
    const object = objects.at(-1);
    if (!object) return null;
    start = object.index + object[0].length - 1;
  }
  const bytes = text[start] === '(' ? readLiteralString(text, start) : readHexString(text, start);
  return bytes === null ? null : decodePdfText(bytes);
}

/** PDF literal string starting at '(' (ISO 32000-1 §7.3.4.2): balanced parentheses and escapes. */
function readLiteralString(text: string, start: number): Buffer | null {
  const escapes: Record<string, string> = {
    n: '\n',
    r: '\r',
    t: '\t',
    b: '\b',
    f: '\f',
    '(': '(',
    ')': ')',
    '\\': '\\',
  };
  let out = '';
  let depth = 0;
  for (let i = start + 1; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '\\') {
      const next = text[i + 1] ?? '';
      const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4));
      if (octal) {
        out += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
        i += octal[0].length;
      } else if (next === '\r' || next === '\n') {
        i += next === '\r' && text[i + 2] === '\n' ? 2 : 1; // line continuation
      } else {
        out += escapes[next] ?? next;
        i += 1;
      }
    } else if (ch === '(') {
      depth += 1;
      out += ch;
    } else if (ch === ')') {
      if (depth === 0) return Buffer.from(out, 'latin1');
      depth -= 1;
      out += ch;
    } else {
      out += ch;
    }
  }
  return null;
}

function readHexString(text: string, start: number): Buffer | null {
  const end = text.indexOf('>', start);
  if (end < 0) return null;
  const hex = text.slice(start + 1, end).replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(hex)) return null;
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}

/** PDF text strings are UTF-16BE with a byte-order mark, or PDFDocEncoding (ASCII for base64). */
function decodePdfText(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return bytes.toString('latin1');
}

/** A custom document property (docProps/custom.xml) of a .docx, XML entities decoded. */
function docxCustomProperty(fileBytes: Uint8Array, name: string): string | null {
  const xmlBytes = readZipEntry(fileBytes, 'docProps/custom.xml');
  if (!xmlBytes) return null;
  const xml = new TextDecoder().decode(xmlBytes);
  const property = new RegExp(
    `<property\\b[^>]*\\bname="${name}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`,
  ).exec(xml);
  if (!property) return null;
  return property[1]!.replace(/&(lt|gt|quot|apos|amp);/g, (_, entity: string) => XML_ENTITIES[entity]!);
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
