/**
 * Webhook routes: subscriptions (list, register, detail with the delivery log, disable) for the
 * administrator and the organisation department of a jurisdiction, and the receivers' signed
 * acknowledgement — no sign-in, authenticated by the HMAC-SM3 signature over the exact body bytes,
 * so that one route parses JSON itself and keeps the raw text (its own plugin scope).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contracts/common.ts';
import {
  AckAnswer,
  AckBody,
  CreateWebhookBody,
  WebhookCreated,
  WebhookDetail,
  WebhookList,
  WebhookView,
} from '../../contracts/outcome-ledger.ts';
import { SIGNATURE_HEADERS } from '../../crypto/webhook-signature.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  acknowledgeDelivery,
  createWebhook,
  disableWebhook,
  listWebhooks,
  webhookDetail,
} from '../../usecases/outcome-ledger/webhooks.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';
import { tokenBuckets } from './documents.ts';

/** Acknowledgements per minute and address (a receiver confirming a burst of deliveries fits easily). */
export const ACKS_PER_MINUTE = 600;

declare module 'fastify' {
  interface FastifyRequest {
    /** The request body exactly as received (the acknowledgement's signature covers these bytes). */
    rawBody?: string;
  }
}

export function webhookRoutes(app: FastifyInstance, { deps, config }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: '结果推送订阅 / Webhook subscriptions',
        response: { 200: WebhookList, ...errorResponses },
      },
    },
    async (request) => listWebhooks(deps, requireUser(request)),
  );

  api.post(
    '/api/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: '登记结果推送订阅 / Register a webhook subscription',
        description:
          'http or https only, no credentials in the URL. The answer carries the signing secret, shown this once.',
        body: CreateWebhookBody,
        response: { 201: WebhookCreated, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await createWebhook(deps, requireUser(request), request.body, {
        allowLoopback: config.webhookAllowLoopback,
      });
      return reply.code(201).send(created);
    },
  );

  api.get(
    '/api/webhooks/:id',
    {
      schema: {
        tags: ['webhooks'],
        summary: '推送订阅详情与推送日志 / Subscription and delivery log',
        params: IdParams,
        response: { 200: WebhookDetail, ...errorResponses },
      },
    },
    async (request) => webhookDetail(deps, requireUser(request), request.params.id),
  );

  api.post(
    '/api/webhooks/:id/disable',
    {
      schema: {
        tags: ['webhooks'],
        summary: '停用推送订阅 / Disable a subscription',
        description: 'Pending deliveries are cancelled.',
        params: IdParams,
        response: { 200: WebhookView, ...errorResponses },
      },
    },
    async (request) => disableWebhook(deps, requireUser(request), request.params.id),
  );

  // The acknowledgement: its own scope, where JSON bodies are kept as received for the signature.
  app.register(async (scope) => {
    const take = tokenBuckets(deps.clock, ACKS_PER_MINUTE);
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (request: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
        const text = typeof body === 'string' ? body : body.toString('utf8');
        request.rawBody = text;
        try {
          done(null, JSON.parse(text));
        } catch {
          done(new DomainError('request.malformed_json'));
        }
      },
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/webhooks/ack',
      {
        schema: {
          tags: ['webhooks'],
          summary: '接收方确认回执（签名，无需登录）/ Acknowledge a delivery (signed, no sign-in)',
          description:
            'Sign like a delivery: X-Rongcuo-Timestamp (Unix seconds) and X-Rongcuo-Signature = sm3=HMAC-SM3(secret, "<timestamp>.<body>"). Repeating it keeps the first receipt.',
          body: AckBody,
          response: { 200: AckAnswer, ...errorResponses },
        },
      },
      async (request) => {
        if (!take(request.ip)) throw new DomainError('request.rate_limited');
        const header = (name: string) => {
          const value = request.headers[name];
          return typeof value === 'string' ? value : undefined;
        };
        return acknowledgeDelivery(deps, {
          deliveryId: request.body.deliveryId,
          receiptId: request.body.receiptId,
          rawBody: request.rawBody ?? '',
          timestamp: header(SIGNATURE_HEADERS.timestamp),
          signature: header(SIGNATURE_HEADERS.signature),
        });
      },
    );
  });
}
