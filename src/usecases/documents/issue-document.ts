/**
 * Issuing an official document: number it, sign its canonical content (SM3 digest, SM2 signature),
 * store the record the public verification page checks, and audit it — inside the caller's
 * transaction, so a decision and its documents commit together. Files are rendered on download
 * from the stored content, so what is downloaded is always what was signed.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import type { Database } from '../../db/schema.ts';
import type { Db } from '../../db/connect.ts';
import { appendAudit, type Actor } from '../../audit/append.ts';
import { generateSm2KeyPair } from '../../crypto/sm2.ts';
import type { DocumentSigner } from '../../crypto/signing.ts';
import { signOfficialDocument } from '../../documents/sign.ts';
import type { OfficialDocument } from '../../documents/model.ts';
import type { Issuer } from '../../documents/templates/common.ts';

/** The discipline commission and supervision committee of a jurisdiction issue jointly (one merged body at county level). */
export function issuerFor(jurisdictionName: string): Issuer {
  return { name: `中共${jurisdictionName}纪律检查委员会`, jointWith: [`${jurisdictionName}监察委员会`] };
}

export async function nextDocumentNumber(trx: Transaction<Database>, jurisdiction: { id: string; code: string }, year: number): Promise<string> {
  const row = await trx
    .insertInto('matter_counters')
    .values({ jurisdiction_id: jurisdiction.id, type: 'document', year, last: 1 })
    .onConflict((oc) => oc.columns(['jurisdiction_id', 'type', 'year']).doUpdateSet((eb) => ({ last: eb('matter_counters.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${jurisdiction.code}纪〔${year}〕${row.last}号`;
}

const KEY_CONTEXT = 'signing_key';

/** The active SM2 signing key; created on first use, its private half encrypted with the field keyring. */
export async function activeSigner(db: Db | Transaction<Database>, deps: Pick<Deps, 'keyring' | 'clock'>): Promise<DocumentSigner> {
  const existing = await db.selectFrom('signing_keys').selectAll().where('active', '=', true).executeTakeFirst();
  if (existing) return { keyId: existing.id, privateKeyHex: deps.keyring.decrypt(existing.private_key_enc, `${KEY_CONTEXT}:${existing.id}`) };
  const pair = generateSm2KeyPair();
  const keyId = `sm2-${deps.clock.now().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  await db
    .insertInto('signing_keys')
    .values({ id: keyId, public_key: pair.publicKeyHex, private_key_enc: deps.keyring.encrypt(pair.privateKeyHex, `${KEY_CONTEXT}:${keyId}`), active: true, created_at: deps.clock.now() })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return activeSigner(db, deps);
}

export type IssueInput = {
  matterId: string | null;
  jurisdictionId: string | null;
  document: OfficialDocument;
  /** Who receives it: 'cadre', 'unit', 'org_dept', 'higher_level' … */
  recipient: string | null;
  actor: Actor;
};

export async function issueDocument(trx: Transaction<Database>, deps: Pick<Deps, 'keyring' | 'clock' | 'publicBaseUrl'>, input: IssueInput): Promise<{ id: string; code: string }> {
  const now = deps.clock.now();
  const signer = await activeSigner(trx, deps);
  const signed = signOfficialDocument(input.document, signer, deps.publicBaseUrl);
  const id = randomUUID();
  await trx
    .insertInto('documents')
    .values({
      id,
      matter_id: input.matterId,
      kind: input.document.kind,
      number: input.document.documentNumber,
      title: input.document.title,
      content: signed.content,
      digest: signed.signature.digest,
      signature: signed.signature.signature,
      key_id: signed.signature.keyId,
      code: signed.signature.code,
      recipient: input.recipient,
      issued_at: now,
    })
    .execute();
  await appendAudit(
    trx,
    {
      actor: input.actor,
      action: 'document.issued',
      entityType: 'matter',
      entityId: input.matterId,
      jurisdictionId: input.jurisdictionId,
      data: { documentId: id, kind: input.document.kind, number: input.document.documentNumber, code: signed.signature.code, digest: signed.signature.digest, recipient: input.recipient },
    },
    now,
  );
  return { id, code: signed.signature.code };
}
