/**
 * Downloading an issued document as .pdf or .docx: only by someone who may see its matter (anyone
 * else gets the same 404 as for a missing id), rendered from the stored signed content — so the file
 * is always what was signed — and audited.
 */
import type { Deps } from '../../app/deps.ts';
import { appendAudit } from '../../audit/append.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { actorOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { renderDocx } from '../../documents/render-docx.ts';
import { renderPdf } from '../../documents/render-pdf.ts';
import { loadMatterAccess } from '../procedure/load-matter-access.ts';
import { officialDocumentOf } from './stored-document.ts';

export type DocumentFormat = 'pdf' | 'docx';

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export type DownloadedDocument = { filename: string; contentType: string; bytes: Uint8Array };

export async function downloadDocument(
  deps: Deps,
  user: UserWithGrants,
  documentId: string,
  format: DocumentFormat,
): Promise<DownloadedDocument> {
  const row = await deps.db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!row?.matter_id) throw new DomainError('record.not_found');
  // A recused member ('limited') sees that the matter exists, not its documents.
  const loaded = await loadMatterAccess(deps.db, user, row.matter_id, { minimumView: ['full', 'party', 'outcome'] });
  const doc = officialDocumentOf(row, deps.publicBaseUrl);
  // Rendered with the issue time as the PDF's creation date, so every download is the same file.
  const bytes =
    format === 'pdf' ? await renderPdf(doc, { creationDate: row.issued_at }) : await renderDocx(doc);
  const now = deps.clock.now();
  await deps.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actor: actorOf(user),
        action: 'document.downloaded',
        entityType: 'matter',
        entityId: row.matter_id,
        jurisdictionId: loaded.matter.jurisdiction_id,
        data: { documentId: row.id, kind: row.kind, number: row.number, format },
      },
      now,
    ),
  );
  return { filename: `${row.title}.${format}`, contentType: CONTENT_TYPES[format], bytes };
}
