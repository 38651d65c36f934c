/**
 * Signing an official document so that its verification code can be printed on it
 * (docs/decisions/0003-document-verification.md): the signature covers the canonical CONTENT,
 * which both the .pdf and the .docx are rendered from and carry embedded; the code printed in the
 * footer is not part of what is signed, so printing it changes nothing that was signed.
 */
import {
  signDocument,
  verifyDocument,
  verifySignatureRecord,
  type DocumentSignature,
  type DocumentSigner,
  type PublicKeyLookup,
} from '../crypto/signing.ts';
import { canonicalContent, canonicalContentBytes } from './canonical.ts';
import type { ExtractedSignedContent } from './extract.ts';
import type { OfficialDocument } from './model.ts';

/** A signed document ready to render, with the record the server stores. */
export type SignedOfficialDocument = {
  /** The input document with its `verification` block filled in. */
  document: OfficialDocument;
  /** The canonical content that was signed (store it: the verification page can show it). */
  content: string;
  signature: DocumentSignature;
};

/** Outcome of checking an uploaded file's embedded content against the stored record. */
export type ContentVerification =
  | { status: 'valid'; document: OfficialDocument }
  /** The file carries content, but not the content this record was signed over. */
  | { status: 'content_changed' }
  /** The record itself does not verify (unknown key, forged signature, wrong code). */
  | { status: 'signature_invalid' };

/**
 * Signs the canonical content of `doc` and returns it with its verification block, whose URL is
 * `${verificationBaseUrl}/verify?code=…` (e.g. 'https://jw.kx.gov.cn/rongcuo').
 */
export function signOfficialDocument(
  doc: OfficialDocument,
  signer: DocumentSigner,
  verificationBaseUrl: string,
): SignedOfficialDocument {
  const content = canonicalContent(doc);
  const signature = signDocument(canonicalContentBytes(doc), signer);
  const verification = {
    code: signature.code,
    digestHex: signature.digest,
    url: verificationUrl(verificationBaseUrl, signature.code),
  };
  return { document: { ...doc, verification }, content, signature };
}

/** The public verification page's URL for a code. */
export function verificationUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/verify?code=${encodeURIComponent(code)}`;
}

/**
 * Checks content extracted from an uploaded file (extractSignedContent) against the stored record
 * found by its code or digest. Any changed character of the content fails.
 */
export function verifyExtractedContent(
  extracted: ExtractedSignedContent,
  record: DocumentSignature,
  publicKeyFor: PublicKeyLookup,
): ContentVerification {
  if (!verifySignatureRecord(record, publicKeyFor)) return { status: 'signature_invalid' };
  if (!verifyDocument(extracted.contentBytes, record, publicKeyFor)) return { status: 'content_changed' };
  return { status: 'valid', document: extracted.document };
}
