/**
 * Evidence files of a tolerance matter: `add_evidence` as a multipart upload (field `file`, optional
 * `description` and — for the commission — `visibility`), and downloads that are always attachments
 * with the sniffed type, never rendered by the browser.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { splitBilingual } from '../../contracts/bilingual-errors.ts';
import { errorResponses, IdParams, Text } from '../../contracts/common.ts';
import { MatterDetail } from '../../contracts/tolerance.ts';
import { DomainError } from '../../domain/errors.ts';
import { attachmentDisposition } from '../../uploads/filename.ts';
import { addEvidence, downloadEvidence, type EvidenceUpload } from '../../usecases/tolerance/evidence.ts';
import { matterDetail } from '../../usecases/tolerance/matter-detail.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

const EvidenceFields = z
  .object({ description: Text(2000).optional(), visibility: z.enum(['internal', 'parties']).optional() })
  .strict();

/** A stored evidence file as the upload answers it. */
export const EvidenceFile = z.object({
  id: z.uuid(),
  filename: z.string(),
  size: z.number().int(),
  mime: z.string(),
  digest: z.string(),
  visibility: z.enum(['internal', 'parties']),
  createdAt: z.string(),
});
/** Answer to an upload: the file, and the matter as the uploader now sees it. */
export const EvidenceUploaded = z.object({ file: EvidenceFile, matter: MatterDetail });

const FileParams = z.object({ matterId: z.uuid(), fileId: z.uuid() });

function invalidField(field: string, reasonZh: string, reasonEn: string): DomainError {
  return new DomainError('request.invalid', { field, reasonZh, reasonEn }, field);
}

/** Reads the one file and the text fields; the multipart plugin enforces the size limit (413). */
export async function readUpload(request: FastifyRequest): Promise<EvidenceUpload> {
  if (!request.isMultipart()) throw new DomainError('request.unsupported_media_type');
  let file: { bytes: Uint8Array; filename: string } | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw invalidField(part.fieldname, '未知的文件字段', 'unknown file field');
      }
      file = { bytes: await part.toBuffer(), filename: part.filename };
    } else {
      fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
    }
  }
  if (!file || (file.bytes.length === 0 && file.filename === ''))
    throw new DomainError('upload.missing_file', {}, 'file');
  const parsed = EvidenceFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? issue.keys[0]! : issue.path.join('.');
    const reason = splitBilingual(issue.message);
    throw invalidField(field, reason.zh, reason.en);
  }
  return { ...file, description: parsed.data.description, visibility: parsed.data.visibility };
}

/** Registers the evidence upload and download routes. */
export function evidenceRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/matters/:id/evidence',
    {
      schema: {
        tags: ['tolerance'],
        summary: '上传证据材料（multipart 字段 file，可选 description、visibility）/ Add evidence',
        description:
          'PDF, images, Word, Excel or plain text, sniffed from the bytes; the name must agree with the content.',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: EvidenceUploaded, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const stored = await addEvidence(deps, user, request.params.id, () => readUpload(request));
      const matter = await matterDetail(deps, user, request.params.id);
      return reply.code(201).send({ file: { ...stored, createdAt: stored.createdAt.toISOString() }, matter });
    },
  );

  api.get(
    '/api/matters/:matterId/files/:fileId',
    {
      schema: {
        tags: ['tolerance'],
        summary: '下载证据材料（始终作为附件）/ Download an evidence file',
        params: FileParams,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const file = await downloadEvidence(deps, user, request.params.matterId, request.params.fileId);
      return (
        reply
          .type(file.mime)
          .header('Content-Disposition', attachmentDisposition(file.filename))
          .header('X-Content-Type-Options', 'nosniff')
          // Even if a browser were talked into rendering it: no scripts, no same-origin rights.
          .header('Content-Security-Policy', "default-src 'none'; sandbox")
          // Raw bytes, not one of the JSON shapes the schema lists for errors.
          .send(file.bytes as never)
      );
    },
  );
}
