/**
 * Evidence (证据材料) on a tolerance matter: uploading is the procedure step `add_evidence` — the
 * same permission check as every other step, and the step's audit event in the same transaction as
 * the file rows — and downloading is allowed to whoever may see both the matter and the file.
 * Bytes are stored once per SM3 digest; what a file *is* comes from sniffing, never from its name.
 */
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { appendAudit } from '../../audit/append.ts';
import { sm3Hex } from '../../crypto/sm3.ts';
import { actorOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import type { MatterView } from '../../domain/matters/access.ts';
import { assertAllowed } from '../../domain/procedure/engine.ts';
import { TOLERANCE_PROCEDURE } from '../../domain/tolerance/procedure.ts';
import { acceptUpload } from '../../uploads/accept.ts';
import { loadCalendar } from '../policy-context.ts';
import { loadMatter } from './load-matter.ts';
import { loadMatterAccess } from '../procedure/load-matter-access.ts';
import { transition } from './transition.ts';

/** Who may see an evidence file: the commission only, or the parties too. */
export type Visibility = 'internal' | 'parties';

/** One uploaded file as the request carried it. */
export type EvidenceUpload = {
  bytes: Uint8Array;
  filename: string;
  description?: string | undefined;
  /** Only the commission may keep a file internal; the cadre's side always shares with the file. */
  visibility?: Visibility | undefined;
};

/** An evidence file as stored. */
export type StoredEvidence = {
  id: string;
  filename: string;
  size: number;
  mime: string;
  digest: string;
  visibility: Visibility;
  createdAt: Date;
};

/** Internal evidence is the commission's working material; the parties' uploads are part of the file they know. */
export function visibilityFor(view: MatterView, requested: Visibility | undefined): Visibility {
  if (view === 'full') return requested ?? 'internal';
  if (requested === 'internal') {
    throw new DomainError(
      'request.invalid',
      {
        field: 'visibility',
        reasonZh: '当事人一方上传的材料不能设为内部',
        reasonEn: "the cadre's side cannot upload internal files",
      },
      'visibility',
    );
  }
  return 'parties';
}

/**
 * Adds one evidence file. Permission (matter visible, `add_evidence` allowed now) is checked before
 * `read` pulls the upload off the request, so nobody can make the server buffer a file for a matter
 * they may not touch.
 * @throws DomainError('record.not_found' | 'auth.forbidden' | 'procedure.wrong_state' |
 *   'upload.type_refused' | 'upload.extension_mismatch' | 'upload.missing_file' | 'record.conflict')
 */
export async function addEvidence(
  deps: Deps,
  user: UserWithGrants,
  matterId: string,
  read: () => Promise<EvidenceUpload>,
): Promise<StoredEvidence> {
  const loaded = await loadMatter(deps, user, matterId);
  assertAllowed(TOLERANCE_PROCEDURE, loaded.procedure, loaded.actor, 'add_evidence', deps.clock.now());
  const upload = await read();
  const visibility = visibilityFor(loaded.view, upload.visibility);
  const { file, filename } = acceptUpload(upload.bytes, upload.filename);
  const digest = sm3Hex(upload.bytes);
  const calendar = await loadCalendar(deps.db);
  const now = deps.clock.now();
  const id = randomUUID();
  const size = upload.bytes.byteLength;
  await deps.db.transaction().execute(async (trx) => {
    await transition(trx, user, loaded, 'add_evidence', now, {
      calendar,
      auditData: { fileId: id, digest, size, mime: file.mime, visibility },
    });
    await trx
      .insertInto('files')
      .values({
        digest,
        size,
        mime: file.mime,
        bytes: Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, size),
        created_at: now,
      })
      .onConflict((oc) => oc.column('digest').doNothing())
      .execute();
    await trx
      .insertInto('matter_files')
      .values({
        id,
        matter_id: loaded.matter.id,
        digest,
        filename,
        description: upload.description?.trim() ?? '',
        visibility,
        uploaded_by: user.system ? null : user.userId,
        created_at: now,
      })
      .execute();
  });
  return { id, filename, size, mime: file.mime, digest, visibility, createdAt: now };
}

/** A file to send: its name, sniffed type and bytes. */
export type EvidenceDownload = { filename: string; mime: string; bytes: Buffer; digest: string };

/**
 * One evidence file for download, audited as `evidence.downloaded`. A file the user may not see
 * (another matter's, or internal while they see the matter as a party) answers as a missing one.
 */
export async function downloadEvidence(
  deps: Deps,
  user: UserWithGrants,
  matterId: string,
  fileId: string,
): Promise<EvidenceDownload> {
  // Files of every procedure (correction evidence, pre-registration attachments) download here.
  const loaded = await loadMatterAccess(deps.db, user, matterId);
  const row = await deps.db
    .selectFrom('matter_files as f')
    .innerJoin('files as b', 'b.digest', 'f.digest')
    .select(['f.id', 'f.filename', 'f.visibility', 'f.digest', 'b.mime', 'b.bytes'])
    .where('f.id', '=', fileId)
    .where('f.matter_id', '=', loaded.matter.id)
    .executeTakeFirst();
  const visible = loaded.view === 'full' || (loaded.view === 'party' && row?.visibility === 'parties');
  if (!row || !visible) throw new DomainError('record.not_found');
  const now = deps.clock.now();
  await deps.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actor: actorOf(user),
        action: 'evidence.downloaded',
        entityType: 'matter_file',
        entityId: row.id,
        jurisdictionId: loaded.matter.jurisdiction_id,
        data: { matterId: loaded.matter.id, digest: row.digest, visibility: row.visibility },
      },
      now,
    ),
  );
  return { filename: row.filename, mime: row.mime, bytes: Buffer.from(row.bytes), digest: row.digest };
}
