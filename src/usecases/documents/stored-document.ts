/**
 * An issued document as stored (`documents` row) turned back into what was signed: the canonical
 * content (jsonb gives it back as an object, so it is re-serialised canonically — any change to
 * a value changes the bytes and fails the signature), the signature record, and the public keys.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { DocumentsTable } from '../../db/schema.ts';
import { canonicalJson, parseCanonicalContent } from '../../documents/canonical.ts';
import type { OfficialDocument } from '../../documents/model.ts';
import { verificationUrl } from '../../documents/sign.ts';
import type { DocumentSignature, PublicKeyLookup } from '../../crypto/signing.ts';

export type StoredDocument = Selectable<DocumentsTable>;

/** The canonical content text that was signed. */
export function storedContentText(row: Pick<StoredDocument, 'content'>): string {
  return typeof row.content === 'string'
    ? row.content
    : canonicalJson(row.content as Parameters<typeof canonicalJson>[0]);
}

/** The stored document with its verification block, ready to render; throws if the content is not canonical. */
export function officialDocumentOf(row: StoredDocument, publicBaseUrl: string): OfficialDocument {
  const doc = parseCanonicalContent(storedContentText(row));
  if (!doc) throw new Error(`document ${row.id}: stored content is not a canonical official document`);
  return {
    ...doc,
    verification: { code: row.code, digestHex: row.digest, url: verificationUrl(publicBaseUrl, row.code) },
  };
}

/** The signature record as signing.ts checks it. */
export function signatureRecordOf(
  row: Pick<StoredDocument, 'digest' | 'signature' | 'key_id' | 'code'>,
): DocumentSignature {
  return {
    algorithm: 'SM2-SM3',
    digest: row.digest,
    signature: row.signature,
    keyId: row.key_id,
    code: row.code,
  };
}

/** Public keys by id (every key ever used: old documents stay verifiable after a rotation). */
export async function publicKeyLookup(db: Db, keyIds: readonly string[]): Promise<PublicKeyLookup> {
  const rows = keyIds.length
    ? await db
        .selectFrom('signing_keys')
        .select(['id', 'public_key'])
        .where('id', 'in', [...keyIds])
        .execute()
    : [];
  const keys = new Map(rows.map((r) => [r.id, r.public_key]));
  return (keyId) => keys.get(keyId);
}
