/**
 * Documents: download of issued documents (signed in, scoped to the matter) and the public
 * verification of a code or an uploaded copy (no sign-in, so rate-limited per address).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contracts/common.ts';
import { DocumentFileParams, VerificationAnswer, VerifyQuery } from '../../contracts/documents.ts';
import type { Clock } from '../../clock.ts';
import { DomainError } from '../../domain/errors.ts';
import { downloadDocument, type DocumentFormat } from '../../usecases/documents/download-document.ts';
import { verifyByCode, verifyUpload } from '../../usecases/documents/verify-document.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

/**
 * A token bucket per client address, in memory: each node limits on its own, which is enough to
 * stop one address hammering an unauthenticated endpoint (tokens refill continuously).
 */
export function tokenBuckets(clock: Clock, perMinute: number, maxAddresses = 10_000) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (address: string): boolean => {
    const now = clock.now().getTime();
    const bucket = buckets.get(address) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * perMinute);
    bucket.at = now;
    buckets.delete(address); // re-insert: Map order is least recently seen first
    if (buckets.size >= maxAddresses) buckets.delete(buckets.keys().next().value!);
    if (bucket.tokens < 1) {
      buckets.set(address, bucket);
      return false;
    }
    bucket.tokens -= 1;
    buckets.set(address, bucket);
    return true;
  };
}

export const PUBLIC_VERIFY_PER_MINUTE = 30;

export function documentRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const take = tokenBuckets(deps.clock, PUBLIC_VERIFY_PER_MINUTE);
  const limit = (request: FastifyRequest) => {
    if (!take(request.ip)) throw new DomainError('request.rate_limited');
  };

  for (const format of ['pdf', 'docx'] as const satisfies DocumentFormat[]) {
    api.get(
      `/api/documents/:id.${format}`,
      {
        schema: {
          tags: ['documents'],
          summary: `下载文书（.${format}）/ Download a document as .${format}`,
          params: DocumentFileParams,
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const file = await downloadDocument(deps, user, request.params.id, format);
        return reply
          .type(file.contentType)
          .header(
            'Content-Disposition',
            `attachment; filename="document.${format}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .header('X-Content-Type-Options', 'nosniff')
          .send(Buffer.from(file.bytes));
      },
    );
  }

  api.get(
    '/api/verify',
    {
      schema: {
        tags: ['documents'],
        summary: '公开验证文书验证码 / Verify a document by its code (public)',
        querystring: VerifyQuery,
        response: { 200: VerificationAnswer, ...errorResponses },
      },
    },
    async (request) => {
      limit(request);
      return verifyByCode(deps, request.query.code);
    },
  );

  api.post(
    '/api/verify',
    {
      schema: {
        tags: ['documents'],
        summary: '上传文书核验真伪（multipart 字段 file）/ Verify an uploaded .pdf or .docx (public)',
        consumes: ['multipart/form-data'],
        response: { 200: VerificationAnswer, ...errorResponses },
      },
    },
    async (request) => {
      limit(request);
      if (!request.isMultipart()) throw new DomainError('request.unsupported_media_type');
      const file = await request.file();
      if (!file)
        throw new DomainError(
          'request.invalid',
          { field: 'file', reasonZh: '请上传文件', reasonEn: 'upload a file' },
          'file',
        );
      return verifyUpload(deps, await file.toBuffer());
    },
  );
}
