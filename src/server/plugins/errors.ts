/**
 * The one place errors become HTTP: `{ code, message (zh), messageEn, field?, details? }`.
 * Users never see a stack trace; unexpected errors are logged with the request id and answered
 * with a generic coded message.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, ERRORS, type ErrorCode, type ErrorKind } from '../../domain/errors.ts';
import { splitBilingual } from '../../contracts/bilingual-errors.ts';

const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
};

export type ErrorBody = { code: string; message: string; messageEn: string; field?: string; details?: unknown };

export function errorBody(error: DomainError, extra?: unknown): ErrorBody {
  return {
    code: error.code,
    message: error.messageZh,
    messageEn: error.messageEn,
    ...(error.field ? { field: error.field } : {}),
    ...(extra !== undefined ? { details: extra } : {}),
  };
}

export function sendError(reply: FastifyReply, error: DomainError, extra?: unknown): FastifyReply {
  return reply.code(STATUS[error.kind]).type('application/json; charset=utf-8').send(errorBody(error, extra));
}

type Issue = { path?: PropertyKey[] | string; instancePath?: string; message?: string; params?: { issue?: { path?: PropertyKey[]; message?: string } } };

type FieldIssue = { field: string; messageZh: string; messageEn: string };

function validationField(error: { validation?: Issue[]; validationContext?: string }): { field?: string; issues: FieldIssue[] } {
  const issues = (error.validation ?? []).map((v) => {
    const path = v.params?.issue?.path ?? (Array.isArray(v.path) ? v.path : undefined);
    const joined = path ? path.map(String).join('.') : (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const where = [error.validationContext, joined].filter(Boolean).join('.');
    const { zh, en } = splitBilingual(v.params?.issue?.message ?? v.message ?? '');
    return { field: where, messageZh: zh, messageEn: en };
  });
  return { ...(issues[0]?.field ? { field: issues[0].field } : {}), issues };
}

function codeForFastifyError(error: FastifyError): ErrorCode | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'request.malformed_json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return 'request.too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'request.unsupported_media_type';
    case 'FST_ERR_VALIDATION':
      return 'request.invalid';
    default:
      if (error.statusCode === 429) return 'request.rate_limited';
      if (error instanceof SyntaxError || error.name === 'SyntaxError') return 'request.malformed_json';
      if (error.statusCode === 413) return 'request.too_large';
      if (error.statusCode === 415) return 'request.unsupported_media_type';
      if (error.statusCode === 414) return 'request.too_large';
      if (error.statusCode === 400) return 'request.invalid';
      // A plugin's own 4xx (e.g. a static path it refuses) reads as a missing resource.
      if (error.statusCode === 403 || error.statusCode === 404) return 'route.not_found';
      // busboy: a multipart body without its boundary, or cut short.
      if (/multipart|boundary/i.test(error.message)) return 'request.invalid';
      return undefined;
  }
}

/** Errors Fastify raises before routing (a path that does not %-decode, an over-long parameter). */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const code: ErrorCode = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'request.too_large' : 'request.invalid';
  void reply.code(code === 'request.too_large' ? 414 : 400).send(errorBody(new DomainError(code)));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) return sendError(reply, error, Object.keys(error.details).length ? error.details : undefined);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const { field, issues } = validationField(error);
      const first = issues[0];
      const details = { field: field ?? '', reasonZh: first?.messageZh ?? '', reasonEn: first?.messageEn ?? '' };
      return sendError(reply, new DomainError('request.invalid', details, field), { issues });
    }
    const code = codeForFastifyError(error);
    if (code) {
      const status = STATUS[ERRORS[code].kind];
      const domainError = new DomainError(code);
      if (code === 'request.unsupported_media_type') return reply.code(415).send(errorBody(domainError));
      return reply.code(status).send(errorBody(domainError));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, new DomainError('internal'));
  });
}
