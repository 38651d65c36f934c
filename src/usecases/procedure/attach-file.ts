/**
 * Uploading a file to a matter of any procedure as its `add_evidence` step (rectification evidence,
 * the attachments of a pre-registration): the same permission check as every other step, the
 * step's audit event in the same transaction as the file rows, and the bytes stored once per SM3
 * digest, their type sniffed from the content. Permission is checked before `read` pulls the upload
 * off the request, so nobody can make the server buffer a file for a matter they may not touch.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import type { Database } from '../../db/schema.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { sm3Hex } from '../../crypto/sm3.ts';
import type { MatterView } from '../../domain/matters/access.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/index.ts';
import { assertAllowed, type MatterState, type ProcedureTable } from '../../domain/procedure/engine.ts';
import { acceptUpload } from '../../uploads/accept.ts';
import { visibilityFor, type EvidenceUpload, type StoredEvidence } from '../tolerance/evidence.ts';
import { loadCalendar } from '../policy-context.ts';
import type { LoadedProcedureMatter } from './run-step.ts';

export type AttachStep<S extends string, A extends string, M extends MatterState<S>, L> = {
  table: ProcedureTable<S, A, M>;
  /** The table's upload step, `add_evidence`. */
  action: A;
  load: (calendar: WorkingDayCalendar) => Promise<L>;
  /** The type's transition for the upload step, given what the audit event records. */
  transition: (
    trx: Transaction<Database>,
    loaded: L,
    now: Date,
    calendar: WorkingDayCalendar,
    auditData: Record<string, unknown>,
  ) => Promise<unknown>;
};

/**
 * @throws DomainError('record.not_found' | 'auth.forbidden' | 'procedure.wrong_state' |
 *   'upload.type_refused' | 'upload.extension_mismatch' | 'record.conflict')
 */
export async function attachFile<
  S extends string,
  A extends string,
  M extends MatterState<S>,
  L extends LoadedProcedureMatter<M> & { view: MatterView },
>(
  deps: Deps,
  user: UserWithGrants,
  step: AttachStep<S, A, M, L>,
  read: () => Promise<EvidenceUpload>,
): Promise<StoredEvidence> {
  const calendar = await loadCalendar(deps.db);
  const loaded = await step.load(calendar);
  assertAllowed(step.table, loaded.procedure, loaded.actor, step.action, deps.clock.now());
  const upload = await read();
  const visibility = visibilityFor(loaded.view, upload.visibility);
  const { file, filename } = acceptUpload(upload.bytes, upload.filename);
  const digest = sm3Hex(upload.bytes);
  const now = deps.clock.now();
  const id = randomUUID();
  const size = upload.bytes.byteLength;
  await deps.db.transaction().execute(async (trx) => {
    await step.transition(trx, loaded, now, calendar, {
      fileId: id,
      digest,
      size,
      mime: file.mime,
      visibility,
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
