/**
 * Webhook subscriptions (DESIGN §3.9: outcomes reach the assessment and personnel systems): an
 * administrator or the organisation department of a jurisdiction registers a callback URL and the
 * kinds of entry it wants; the secret that signs deliveries is generated here, shown once and kept
 * SM4-encrypted. The delivery log, disabling a subscription (its pending deliveries are cancelled),
 * and the receiver's signed acknowledgement with its receipt id.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import type { Db } from '../../db/connect.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { appendAudit } from '../../audit/append.ts';
import { actorOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import { LEDGER_KINDS, type LedgerKind } from '../../domain/outcome-ledger/effects.ts';
import { SIGNATURE_TOLERANCE_SECONDS, validateWebhookUrl } from '../../domain/outcome-ledger/webhooks.ts';
import { newWebhookSecret, verifyWebhookSignature } from '../../crypto/webhook-signature.ts';
import type { CreateWebhookBody, WebhookView } from '../../contracts/outcome-ledger.ts';

/** Who registers and manages subscriptions, within the jurisdictions of their grants. */
export const WEBHOOK_MANAGERS: readonly Role[] = ['admin', 'org_dept'];

export const secretContext = (id: string) => `webhook.secret:${id}`;

function managerScope(user: UserWithGrants): string[] {
  return [
    ...new Set(user.grants.filter((g) => WEBHOOK_MANAGERS.includes(g.role)).map((g) => g.jurisdictionPath)),
  ];
}

function requireManager(user: UserWithGrants): string[] {
  const scope = managerScope(user);
  if (scope.length === 0) throw new DomainError('auth.forbidden');
  return scope;
}

function subscriptionRows(db: Db) {
  return db
    .selectFrom('webhook_subscriptions as s')
    .innerJoin('jurisdictions as j', 'j.id', 's.jurisdiction_id')
    .select([
      's.id',
      's.jurisdiction_id',
      'j.name as jurisdiction_name',
      'j.path',
      's.url',
      's.event_kinds',
      's.description',
      's.status',
      's.created_at',
      's.disabled_at',
      sql<string>`(select count(*) from webhook_outbox o where o.subscription_id = s.id and o.status = 'pending')`.as(
        'pending',
      ),
      sql<string>`(select count(*) from webhook_outbox o where o.subscription_id = s.id and o.status = 'delivered')`.as(
        'delivered',
      ),
      sql<string>`(select count(*) from webhook_outbox o where o.subscription_id = s.id and o.status = 'failed')`.as(
        'failed',
      ),
      sql<string>`(select count(*) from webhook_outbox o where o.subscription_id = s.id and o.status = 'cancelled')`.as(
        'cancelled',
      ),
      sql<string>`(select count(*) from webhook_outbox o where o.subscription_id = s.id and o.acknowledged_at is not null)`.as(
        'acknowledged',
      ),
    ]);
}
type SubscriptionRow = Awaited<ReturnType<ReturnType<typeof subscriptionRows>['executeTakeFirstOrThrow']>>;

function present(row: SubscriptionRow): WebhookView {
  return {
    id: row.id,
    jurisdiction: { id: row.jurisdiction_id, name: row.jurisdiction_name },
    url: row.url,
    eventKinds: row.event_kinds as LedgerKind[],
    description: row.description,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    disabledAt: row.disabled_at?.toISOString() ?? null,
    deliveries: {
      pending: Number(row.pending),
      delivered: Number(row.delivered),
      failed: Number(row.failed),
      cancelled: Number(row.cancelled),
      acknowledged: Number(row.acknowledged),
    },
    allowedActions: row.status === 'active' ? ['disable'] : [],
  };
}

const within = (scope: readonly string[], path: string) => scope.some((p) => path.startsWith(p));

/** A subscription the user manages, or 404 like a missing one. */
async function managedSubscription(db: Db, user: UserWithGrants, id: string): Promise<SubscriptionRow> {
  const scope = requireManager(user);
  const row = await subscriptionRows(db).where('s.id', '=', id).executeTakeFirst();
  if (!row || !within(scope, row.path)) throw new DomainError('record.not_found');
  return row;
}

/** Subscriptions of the user's jurisdictions (and those below), newest first. */
export async function listWebhooks(deps: Deps, user: UserWithGrants): Promise<{ items: WebhookView[] }> {
  const scope = requireManager(user);
  const rows = await subscriptionRows(deps.db)
    .where((eb) => eb.or(scope.map((p) => eb(sql<string>`left(j.path, ${p.length})`, '=', p))))
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id')
    .execute();
  return { items: rows.map(present) };
}

/**
 * Registers a subscription for a jurisdiction the user manages; answers it with its secret, which is
 * never shown again.
 * @throws DomainError('auth.forbidden' | 'webhook.jurisdiction_unknown' | 'webhook.url_*')
 */
export async function createWebhook(
  deps: Deps,
  user: UserWithGrants,
  body: CreateWebhookBody,
  options: { allowLoopback: boolean },
): Promise<{ subscription: WebhookView; secret: string }> {
  const scope = requireManager(user);
  const jurisdiction = await deps.db
    .selectFrom('jurisdictions')
    .select(['id', 'path'])
    .where('id', '=', body.jurisdictionId)
    .executeTakeFirst();
  if (!jurisdiction || !within(scope, jurisdiction.path))
    throw new DomainError('webhook.jurisdiction_unknown', {}, 'jurisdictionId');
  const url = validateWebhookUrl(body.url, options);
  const kinds = LEDGER_KINDS.filter((k) => body.eventKinds.includes(k));
  if (kinds.length === 0) throw new DomainError('webhook.event_kinds_required', {}, 'eventKinds');
  const id = randomUUID();
  const secret = newWebhookSecret();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_subscriptions')
      .values({
        id,
        jurisdiction_id: jurisdiction.id,
        url,
        event_kinds: kinds,
        description: body.description?.trim() ?? '',
        secret_enc: deps.keyring.encrypt(secret, secretContext(id)),
        status: 'active',
        created_by: user.system ? null : user.userId,
        created_at: now,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actor: actorOf(user),
        action: 'webhook.subscribed',
        entityType: 'webhook_subscription',
        entityId: id,
        jurisdictionId: jurisdiction.id,
        data: { url, eventKinds: kinds },
      },
      now,
    );
  });
  const row = await subscriptionRows(deps.db).where('s.id', '=', id).executeTakeFirstOrThrow();
  return { subscription: present(row), secret };
}

/** A subscription with its 50 most recent deliveries and each one's attempts (the delivery log). */
export async function webhookDetail(deps: Deps, user: UserWithGrants, id: string) {
  const row = await managedSubscription(deps.db, user, id);
  const deliveries = await deps.db
    .selectFrom('webhook_outbox as o')
    .innerJoin('outcome_ledger as e', 'e.id', 'o.entry_id')
    .select([
      'o.id',
      'o.entry_id',
      'e.kind',
      'e.seq',
      'o.status',
      'o.attempts',
      'o.next_attempt_at',
      'o.delivered_at',
      'o.last_status_code',
      'o.last_error',
      'o.receipt_id',
      'o.acknowledged_at',
      'o.acknowledged_via',
    ])
    .where('o.subscription_id', '=', id)
    .orderBy('e.seq', 'desc')
    .limit(50)
    .execute();
  const attempts = deliveries.length
    ? await deps.db
        .selectFrom('webhook_delivery_attempts')
        .selectAll()
        .where(
          'outbox_id',
          'in',
          deliveries.map((d) => d.id),
        )
        .orderBy('attempt')
        .execute()
    : [];
  return {
    ...present(row),
    recent: deliveries.map((d) => ({
      id: d.id,
      entryId: d.entry_id,
      entryKind: d.kind as LedgerKind,
      entryCursor: String(d.seq),
      status: d.status,
      attempts: d.attempts,
      nextAttemptAt: d.status === 'pending' ? d.next_attempt_at.toISOString() : null,
      deliveredAt: d.delivered_at?.toISOString() ?? null,
      lastStatusCode: d.last_status_code,
      lastError: d.last_error,
      receiptId: d.receipt_id,
      acknowledgedAt: d.acknowledged_at?.toISOString() ?? null,
      acknowledgedVia: d.acknowledged_via,
      log: attempts
        .filter((a) => a.outbox_id === d.id)
        .map((a) => ({
          attempt: a.attempt,
          startedAt: a.started_at.toISOString(),
          statusCode: a.status_code,
          latencyMs: a.latency_ms,
          error: a.error,
        })),
    })),
  };
}

/**
 * Stops deliveries to a subscription; the pending ones are cancelled in the same transaction.
 * @throws DomainError('auth.forbidden' | 'record.not_found' | 'webhook.already_disabled')
 */
export async function disableWebhook(deps: Deps, user: UserWithGrants, id: string): Promise<WebhookView> {
  const row = await managedSubscription(deps.db, user, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('webhook_subscriptions')
      .set({ status: 'disabled', disabled_at: now, disabled_by: user.system ? null : user.userId })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) throw new DomainError('webhook.already_disabled');
    const cancelled = await trx
      .updateTable('webhook_outbox')
      .set({ status: 'cancelled', lease_until: null })
      .where('subscription_id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    await appendAudit(
      trx,
      {
        actor: actorOf(user),
        action: 'webhook.disabled',
        entityType: 'webhook_subscription',
        entityId: id,
        jurisdictionId: row.jurisdiction_id,
        data: { cancelled: Number(cancelled.numUpdatedRows) },
      },
      now,
    );
  });
  return present(await subscriptionRows(deps.db).where('s.id', '=', id).executeTakeFirstOrThrow());
}

/**
 * The receiver acknowledges a delivery with its receipt id, signing the request like a delivery
 * (HMAC-SM3 over "<timestamp>.<body>" with the subscription's secret). An unknown delivery and a bad
 * signature answer alike. The first receipt is kept; repeating the acknowledgement changes nothing.
 * @throws DomainError('webhook.signature_invalid')
 */
export async function acknowledgeDelivery(
  deps: Deps,
  request: {
    deliveryId: string;
    receiptId: string;
    rawBody: string;
    timestamp: string | undefined;
    signature: string | undefined;
  },
): Promise<{ deliveryId: string; receiptId: string; acknowledgedAt: string }> {
  const refused = new DomainError('webhook.signature_invalid', { minutes: SIGNATURE_TOLERANCE_SECONDS / 60 });
  const row = await deps.db
    .selectFrom('webhook_outbox as o')
    .innerJoin('webhook_subscriptions as s', 's.id', 'o.subscription_id')
    .select([
      'o.id',
      'o.subscription_id',
      's.secret_enc',
      's.jurisdiction_id',
      'o.receipt_id',
      'o.acknowledged_at',
    ])
    .where('o.id', '=', request.deliveryId)
    .executeTakeFirst();
  if (!row) throw refused;
  const secret = deps.keyring.decrypt(row.secret_enc, secretContext(row.subscription_id));
  const now = deps.clock.now();
  const ok = verifyWebhookSignature(
    secret,
    { timestamp: request.timestamp, signature: request.signature },
    request.rawBody,
    Math.floor(now.getTime() / 1000),
    SIGNATURE_TOLERANCE_SECONDS,
  );
  if (!ok) throw refused;
  if (row.receipt_id && row.acknowledged_at)
    return {
      deliveryId: row.id,
      receiptId: row.receipt_id,
      acknowledgedAt: row.acknowledged_at.toISOString(),
    };
  const receiptId = request.receiptId.trim();
  return deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('webhook_outbox')
      .set({ receipt_id: receiptId, acknowledged_at: now, acknowledged_via: 'ack_endpoint' })
      .where('id', '=', row.id)
      .where('acknowledged_at', 'is', null)
      .returning(['receipt_id', 'acknowledged_at'])
      .executeTakeFirst();
    if (!updated) {
      // Acknowledged meanwhile (by the delivery's own answer): the first receipt stands.
      const kept = await trx
        .selectFrom('webhook_outbox')
        .select(['receipt_id', 'acknowledged_at'])
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      return {
        deliveryId: row.id,
        receiptId: kept.receipt_id!,
        acknowledgedAt: kept.acknowledged_at!.toISOString(),
      };
    }
    await appendAudit(
      trx,
      {
        actor: { userId: null, label: `webhook:${row.subscription_id}` },
        action: 'webhook.acknowledged',
        entityType: 'webhook_delivery',
        entityId: row.id,
        jurisdictionId: row.jurisdiction_id,
        data: { subscriptionId: row.subscription_id, receiptId },
      },
      now,
    );
    return { deliveryId: row.id, receiptId, acknowledgedAt: now.toISOString() };
  });
}
