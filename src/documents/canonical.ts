/**
 * The canonical content of an official document: what is signed, embedded in both the .pdf and the
 * .docx, and shown by the verification page. It is the OfficialDocument without its verification
 * block, as JSON with keys sorted at every level and no insignificant whitespace, so the same
 * document always gives the same bytes (and so the same SM3 digest).
 */
import type { DocumentBlock, OfficialDocument } from './model.ts';

/** Marks the format inside the signed bytes, so a later format can never be confused with this one. */
export const CONTENT_FORMAT = 'rongcuo.official-document.v1';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The canonical JSON text of `doc` minus `verification`. */
export function canonicalContent(doc: OfficialDocument): string {
  const { verification: _ignored, ...content } = doc;
  return canonicalJson({ format: CONTENT_FORMAT, document: content as unknown as Json });
}

/** UTF-8 bytes of `canonicalContent(doc)`: the bytes that are hashed and signed. */
export function canonicalContentBytes(doc: OfficialDocument): Uint8Array {
  return new TextEncoder().encode(canonicalContent(doc));
}

/**
 * Reads canonical content back into a document (without verification). Returns null unless the text
 * is well-formed, has the expected shape, and is *exactly* canonical — so what a verifier displays
 * is byte for byte what was signed.
 */
export function parseCanonicalContent(text: string): OfficialDocument | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || parsed.format !== CONTENT_FORMAT || !isOfficialDocument(parsed.document))
    return null;
  const doc = parsed.document;
  return canonicalContent(doc) === text ? doc : null;
}

/** JSON with object keys sorted by UTF-16 code unit at every level; undefined members dropped. */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`);
    return `{${members.join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new Error('canonicalJson: non-finite number');
  return JSON.stringify(value);
}

function isOfficialDocument(value: unknown): value is OfficialDocument {
  if (!isRecord(value)) return false;
  const { kind, issuingBody, documentNumber, title, addressee, paragraphs, signatureBlock, copyTo } = value;
  return (
    typeof kind === 'string' &&
    isRecord(issuingBody) &&
    typeof issuingBody.zh === 'string' &&
    optional(issuingBody.en, isString) &&
    optional(issuingBody.jointWith, isStringArray) &&
    typeof documentNumber === 'string' &&
    typeof title === 'string' &&
    optional(addressee, isString) &&
    Array.isArray(paragraphs) &&
    paragraphs.every(isBlock) &&
    isRecord(signatureBlock) &&
    typeof signatureBlock.body === 'string' &&
    typeof signatureBlock.date === 'string' &&
    optional(copyTo, isStringArray) &&
    value.verification === undefined
  );
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isBlock = (value: unknown): value is DocumentBlock =>
  isString(value) || (isRecord(value) && isString(value.heading) && Object.keys(value).length === 1);
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
