/**
 * The public verification of an issued document (DESIGN §3.12), by its printed code or by an
 * uploaded copy. No sign-in: the answer names the document but masks the cadre's name in the title
 * (关于张明同志… → 关于张某同志…). Holding a code — seen on a photo, say — must not be enough to learn
 * that a named person was the subject of a tolerance matter: the mechanism's users fear exactly that
 * stigma (DESIGN §1), and published cases are anonymised as 某 the same way (DOMAIN §4.1 step 7).
 * Whoever holds the paper still matches it by number, date, issuer and digest.
 */
import type { Deps } from '../../app/deps.ts';
import { normalizeVerificationCode, verifySignatureRecord } from '../../crypto/signing.ts';
import { sm3Hex } from '../../crypto/sm3.ts';
import { extractSignedContent } from '../../documents/extract.ts';
import { verifyExtractedContent } from '../../documents/sign.ts';
import { parseCanonicalContent } from '../../documents/canonical.ts';
import { publicKeyLookup, signatureRecordOf, storedContentText } from './stored-document.ts';

export type VerificationStatus =
  /** The record is genuine (and, for an upload, the file carries exactly the signed content). */
  | 'valid'
  /** No document has this code (or, for an upload, this code or content). */
  | 'unknown'
  /** The file names a genuine document but its content differs from what was signed. */
  | 'content_changed'
  /** The stored record itself does not verify: report it, never trust it. */
  | 'signature_invalid'
  /** The upload is not a .pdf/.docx this product made, or its embedded content was stripped. */
  | 'unreadable';

export type PublicDocumentInfo = {
  kind: string;
  number: string;
  title: string;
  issuedAt: string;
  issuer: string;
  digest: string;
};

export type VerificationAnswer = {
  valid: boolean;
  status: VerificationStatus;
  document?: PublicDocumentInfo;
};

/** 张明 → 张某, 张明华 → 张某某: the surname stays, so the holder of the paper can still match it. */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length <= 1 ? '某' : chars[0] + '某'.repeat(Math.min(chars.length - 1, 2));
}

type Found = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

async function findRecord(deps: Pick<Deps, 'db'>, by: { code: string } | { digest: string }) {
  let query = deps.db
    .selectFrom('documents as d')
    .leftJoin('matters as m', 'm.id', 'd.matter_id')
    .leftJoin('cadres as c', 'c.id', 'm.subject_cadre_id')
    .select([
      'd.id',
      'd.kind',
      'd.number',
      'd.title',
      'd.content',
      'd.digest',
      'd.signature',
      'd.key_id',
      'd.code',
      'd.issued_at',
      'c.name as subject_name',
    ]);
  query = 'code' in by ? query.where('d.code', '=', by.code) : query.where('d.digest', '=', by.digest);
  return query.orderBy('d.issued_at').limit(1).executeTakeFirst();
}

function publicInfo(row: Found): PublicDocumentInfo {
  const doc = parseCanonicalContent(storedContentText(row));
  const name = row.subject_name?.trim();
  return {
    kind: row.kind,
    number: row.number,
    title: name ? row.title.replaceAll(name, maskPersonName(name)) : row.title,
    issuedAt: row.issued_at.toISOString(),
    issuer: doc?.issuingBody.zh ?? '',
    digest: row.digest,
  };
}

/** Checks the record a printed code names: the SM2 signature over its digest under the stored key. */
export async function verifyByCode(deps: Pick<Deps, 'db'>, rawCode: string): Promise<VerificationAnswer> {
  const code = normalizeVerificationCode(rawCode);
  const row = code ? await findRecord(deps, { code }) : undefined;
  if (!row) return { valid: false, status: 'unknown' };
  const record = signatureRecordOf(row);
  if (!verifySignatureRecord(record, await publicKeyLookup(deps.db, [row.key_id])))
    return { valid: false, status: 'signature_invalid' };
  return { valid: true, status: 'valid', document: publicInfo(row) };
}

/**
 * Checks an uploaded .pdf/.docx: the content embedded in it against the record its embedded code
 * names (or, without a code, the record with the same digest). One changed character fails.
 */
export async function verifyUpload(
  deps: Pick<Deps, 'db'>,
  fileBytes: Uint8Array,
): Promise<VerificationAnswer> {
  const extracted = extractSignedContent(fileBytes);
  if (!extracted) return { valid: false, status: 'unreadable' };
  const code = extracted.verification ? normalizeVerificationCode(extracted.verification.code) : null;
  const row =
    (code ? await findRecord(deps, { code }) : undefined) ??
    (await findRecord(deps, { digest: sm3Hex(extracted.contentBytes) }));
  if (!row) return { valid: false, status: 'unknown' };
  const result = verifyExtractedContent(
    extracted,
    signatureRecordOf(row),
    await publicKeyLookup(deps.db, [row.key_id]),
  );
  if (result.status === 'signature_invalid') return { valid: false, status: 'signature_invalid' };
  return { valid: result.status === 'valid', status: result.status, document: publicInfo(row) };
}
