/**
 * Request and response shapes of the outcome ledger (结果运用台账) and its delivery to other systems
 * (shared by server and web; docs/INTEGRATION.md describes the machine-facing parts).
 *
 * The ledger (signed in):
 * - `GET /api/outcome-ledger?…` (`LedgerListQuery`) → `LedgerList`: the organisation department's
 *   entries for the cadres of its jurisdictions, newest first; a cadre gets their own.
 * - `GET /api/outcome-ledger/export.xlsx?…` → the same entries as Excel (organisation department).
 * - `GET /api/cadres/:id/outcome-ledger` → `CadreLedger`: one cadre's entries, oldest first.
 * - `GET /api/outcomes?cursor=&limit=` → `OutcomeFeed`: every entry in scope in the order it was
 *   recorded, for systems that poll; pass `nextCursor` back to get the next page.
 *
 * Webhooks (administrator or organisation department of the jurisdiction; CSRF header on POST):
 * - `GET /api/webhooks` → `WebhookList`; `POST /api/webhooks` with `CreateWebhookBody` → 201
 *   `WebhookCreated` (the secret, shown this once); `GET /api/webhooks/:id` → `WebhookDetail` with
 *   the delivery log; `POST /api/webhooks/:id/disable` → `WebhookView`.
 * - `POST /api/webhooks/ack` (no sign-in; HMAC-SM3 signed like a delivery) with `AckBody` → `AckAnswer`.
 */
import { z } from 'zod';
import { isLocalDate } from '../domain/calendar/local-date.ts';
import { BLOCKS, EFFECT_CODES, EVALUATION_AREAS, LEDGER_KINDS } from '../domain/outcome-ledger/effects.ts';
import { Page, Text } from './common.ts';

const Label = z.object({ zh: z.string(), en: z.string() });
const LocalDate = z
  .string()
  .refine(isLocalDate, { message: '应为 YYYY-MM-DD 格式的真实日期\u241Emust be a real date as YYYY-MM-DD' });

export const LedgerKindSchema = z.enum(LEDGER_KINDS);

export const LedgerEffectView = z.object({
  code: z.enum(EFFECT_CODES),
  label: Label,
  areas: z.array(z.object({ code: z.enum(EVALUATION_AREAS), label: Label })),
  blocks: z.array(z.object({ code: z.enum(BLOCKS), label: Label })),
  from: z.string().describe('first day the effect applies (YYYY-MM-DD)'),
  until: z.string().nullable().describe('last day it applies; null: no end'),
  detail: z.string().nullable(),
});

/** One ledger entry as every reader gets it: the list, the cadre's own view, the pull API, webhooks. */
export const OutcomeEntry = z.object({
  id: z.uuid(),
  cursor: z
    .string()
    .describe('position in the order entries were recorded (decimal, increasing without gaps)'),
  kind: LedgerKindSchema,
  kindLabel: Label,
  headline: Label,
  /** Addressed to the cadre in plain words. */
  plain: Label,
  cadre: z.object({
    id: z.uuid(),
    name: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    position: z.string(),
    idNumberMasked: z.string(),
  }),
  jurisdiction: z.object({ id: z.uuid(), name: z.string() }),
  effects: z.array(LedgerEffectView),
  scope: z.string(),
  effectiveFrom: z.string(),
  effectiveUntil: z.string().nullable(),
  source: z.object({
    matterId: z.uuid().nullable(),
    matterNumber: z.string().nullable(),
    matterType: z.string().nullable(),
    sanctionId: z.uuid().nullable(),
    documentId: z.uuid().nullable(),
    documentNumber: z.string().nullable(),
  }),
  policy: z.object({ id: z.string(), version: z.string() }),
  supersedes: z.uuid().nullable().describe('the earlier entry this one replaces'),
  supersededBy: z
    .object({ id: z.uuid(), recordedAt: z.string() })
    .nullable()
    .describe('the later entry that replaced this one, as of the answer'),
  inForce: z.boolean(),
  recordedAt: z.string(),
});
export type OutcomeEntry = z.infer<typeof OutcomeEntry>;

const Filters = {
  kind: LedgerKindSchema.optional(),
  /** Part of the cadre's name. */
  q: Text(50).optional(),
  cadreId: z.uuid().optional(),
  jurisdictionId: z.uuid().optional(),
  /** Effective from (inclusive range on the day the outcome took effect). */
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  status: z.enum(['in_force', 'superseded', 'all']).default('all'),
};

export const LedgerListQuery = Page.extend(Filters);
export const LedgerExportQuery = z.object(Filters);
export type LedgerFilters = z.infer<typeof LedgerExportQuery>;

export const LedgerList = z.object({
  items: z.array(OutcomeEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const CadreLedger = z.object({
  cadre: z.object({ id: z.uuid(), name: z.string(), unitName: z.string(), position: z.string() }),
  items: z.array(OutcomeEntry),
});

export const OutcomeFeedQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, {
      message: '应为上一页返回的 nextCursor\u241Emust be the nextCursor of the previous page',
    })
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const OutcomeFeed = z.object({
  items: z.array(OutcomeEntry),
  nextCursor: z.string().describe('pass as `cursor` to continue; unchanged when nothing new was recorded'),
  hasMore: z.boolean(),
});

// ——— Webhooks ———

const WebhookUrl = Text(2000).refine((s) => s.trim().length > 0, {
  message: '不能为空\u241Emust not be empty',
});

export const CreateWebhookBody = z.object({
  jurisdictionId: z.uuid(),
  url: WebhookUrl,
  eventKinds: z.array(LedgerKindSchema).min(1).max(LEDGER_KINDS.length),
  description: Text(200).optional(),
});
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

export const WebhookView = z.object({
  id: z.uuid(),
  jurisdiction: z.object({ id: z.uuid(), name: z.string() }),
  url: z.string(),
  eventKinds: z.array(LedgerKindSchema),
  description: z.string(),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  deliveries: z.object({
    pending: z.number().int(),
    delivered: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
    acknowledged: z.number().int(),
  }),
  allowedActions: z.array(z.enum(['disable'])),
});
export type WebhookView = z.infer<typeof WebhookView>;

export const WebhookList = z.object({ items: z.array(WebhookView) });

export const WebhookCreated = z.object({
  subscription: WebhookView,
  secret: z.string().describe('HMAC-SM3 key for verifying deliveries: shown this once, store it safely'),
});

export const DeliveryView = z.object({
  id: z.uuid(),
  entryId: z.uuid(),
  entryKind: LedgerKindSchema,
  entryCursor: z.string(),
  status: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  receiptId: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedVia: z.enum(['response', 'ack_endpoint']).nullable(),
  log: z.array(
    z.object({
      attempt: z.number().int(),
      startedAt: z.string(),
      statusCode: z.number().int().nullable(),
      latencyMs: z.number().int(),
      error: z.string().nullable(),
    }),
  ),
});

export const WebhookDetail = WebhookView.extend({ recent: z.array(DeliveryView) });

export const AckBody = z.object({
  deliveryId: z.uuid(),
  receiptId: Text(200).refine((s) => s.trim().length > 0, { message: '不能为空\u241Emust not be empty' }),
});

export const AckAnswer = z.object({
  deliveryId: z.uuid(),
  receiptId: z.string(),
  acknowledgedAt: z.string(),
});

/** What a delivery's body holds (the JSON the receiver verifies and parses). */
export const DeliveryPayload = z.object({
  deliveryId: z.uuid(),
  event: z.literal('outcome.recorded'),
  subscriptionId: z.uuid(),
  attempt: z.number().int(),
  sentAt: z.string(),
  entry: OutcomeEntry,
});
