/**
 * The signed content travels inside each rendered file, so an uploaded copy can be checked without
 * its code: a custom entry of the PDF Info dictionary, and a custom document property of the .docx
 * (docProps/custom.xml). Values are base64 so no PDF or XML escaping can alter them.
 */
import { canonicalContent } from './canonical.ts';
import type { DocumentVerification, OfficialDocument } from './model.ts';

/** Name of the PDF Info key and of the .docx custom property holding the canonical content. */
export const SIGNED_CONTENT_PROPERTY = 'RongcuoSignedContent';
/** Name of the PDF Info key and of the .docx custom property holding the verification block. */
export const VERIFICATION_PROPERTY = 'RongcuoVerification';

/** The property values to write into a rendered file. */
export function embeddedProperties(doc: OfficialDocument): Record<string, string> {
  const properties: Record<string, string> = { [SIGNED_CONTENT_PROPERTY]: toBase64(canonicalContent(doc)) };
  if (doc.verification) properties[VERIFICATION_PROPERTY] = toBase64(JSON.stringify(doc.verification));
  return properties;
}

/** Decodes an embedded verification block; null unless it has the expected shape. */
export function decodeVerification(base64: string): DocumentVerification | null {
  try {
    const value: unknown = JSON.parse(fromBase64(base64));
    if (typeof value !== 'object' || value === null) return null;
    const { code, digestHex, url } = value as Record<string, unknown>;
    if (typeof code !== 'string' || typeof digestHex !== 'string' || typeof url !== 'string') return null;
    return { code, digestHex, url };
  } catch {
    return null;
  }
}

export function toBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Strict: throws unless `base64` is canonical base64 of valid UTF-8. */
export function fromBase64(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.toString('base64') !== base64) throw new Error('not canonical base64');
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
