/**
 * The webhook delivery worker: runs inside the server process, polls the outbox, and POSTs each due
 * ledger entry to its subscription, signed with HMAC-SM3 (crypto/webhook-signature.ts).
 *
 * Safe with several app nodes: a node claims due rows with `FOR UPDATE SKIP LOCKED` and puts a lease
 * on them, then delivers outside any transaction; a node that dies mid-delivery lets its rows go when
 * the lease runs out. Each attempt is written to the delivery log (status code, latency, error); a
 * failure is tried again on the published back-off schedule (domain/outcome-ledger/webhooks.ts) until
 * the last attempt. A 2xx answer may carry `{"receiptId": "…"}`, recorded as the receipt.
 *
 * `stop()` ends polling, aborts requests in flight (they count as failed attempts and are retried) and
 * resolves once the current round has written its results — so shutdown and tests end cleanly.
 */
import { randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { sql } from 'kysely';
import type { Deps } from '../app/deps.ts';
import {
  addressVerdict,
  DELIVERY_TIMEOUT_MS,
  isAccepted,
  retryDelayMs,
} from '../domain/outcome-ledger/webhooks.ts';
import { SIGNATURE_HEADERS, signWebhookBody } from '../crypto/webhook-signature.ts';
import { entryRows, presentEntry, type EntryRow } from '../usecases/outcome-ledger/read.ts';
import { secretContext } from '../usecases/outcome-ledger/webhooks.ts';

export type DeliveryWorkerOptions = {
  /** Whether callbacks to this machine are allowed (demo mode, tests). */
  allowLoopback: boolean;
  /** Pause between polls when nothing was due. */
  pollMs?: number;
  /** Rows claimed per round, and how many are sent at once. */
  batchSize?: number;
  concurrency?: number;
  timeoutMs?: number;
  log?: { warn(data: object, message: string): void };
};

export type RoundResult = {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
  cancelled: number;
};

type Claimed = { id: string; attempts: number; subscription_id: string; entry_id: string; lease_until: Date };

const MAX_RESPONSE_BYTES = 64 * 1024;
const ERROR_LENGTH = 500;
const VERSION = '0.1.0';

export class WebhookDeliveryWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RoundResult> | null = null;
  private stopped = true;
  private abort = new AbortController();

  constructor(
    private readonly deps: Deps,
    private readonly options: DeliveryWorkerOptions,
  ) {}

  /** Polls until `stop()`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.abort.signal.aborted) this.abort = new AbortController();
    this.schedule(0);
  }

  /** Stops polling, aborts requests in flight, and waits for the current round to finish writing. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runOnce()
        .then((r) =>
          this.schedule(r.claimed >= (this.options.batchSize ?? 20) ? 0 : (this.options.pollMs ?? 5000)),
        )
        .catch((error: unknown) => {
          this.options.log?.warn({ err: error }, 'webhook delivery round failed');
          this.schedule(this.options.pollMs ?? 5000);
        });
    }, ms);
    this.timer.unref();
  }

  /** One round: claim what is due, deliver it, record the results. Rounds never overlap. */
  async runOnce(): Promise<RoundResult> {
    if (this.running) return this.running;
    this.running = this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(): Promise<RoundResult> {
    const result: RoundResult = { claimed: 0, delivered: 0, retrying: 0, failed: 0, cancelled: 0 };
    const claimed = await this.claim();
    result.claimed = claimed.length;
    if (claimed.length === 0) return result;
    const [subscriptions, entries] = await Promise.all([
      this.deps.db
        .selectFrom('webhook_subscriptions')
        .select(['id', 'url', 'secret_enc', 'status'])
        .where(
          'id',
          'in',
          claimed.map((c) => c.subscription_id),
        )
        .execute(),
      entryRows(this.deps.db)
        .where(
          'e.id',
          'in',
          claimed.map((c) => c.entry_id),
        )
        .execute(),
    ]);
    const subById = new Map(subscriptions.map((s) => [s.id, s]));
    const entryById = new Map(entries.map((e) => [e.id, e]));
    const concurrency = this.options.concurrency ?? 4;
    for (let i = 0; i < claimed.length; i += concurrency) {
      await Promise.all(
        claimed.slice(i, i + concurrency).map(async (row) => {
          const sub = subById.get(row.subscription_id)!;
          if (sub.status !== 'active') {
            await this.cancel(row);
            result.cancelled += 1;
            return;
          }
          const outcome = await this.deliver(row, sub, entryById.get(row.entry_id)!);
          result[outcome] += 1;
        }),
      );
    }
    return result;
  }

  /** Claims due rows (skipping those another node holds) and leases them; each claim is an attempt. */
  private async claim(): Promise<Claimed[]> {
    const now = this.deps.clock.now();
    const leaseUntil = new Date(now.getTime() + 6 * (this.options.timeoutMs ?? DELIVERY_TIMEOUT_MS));
    const limit = this.options.batchSize ?? 20;
    const { rows } = await sql<Claimed>`
      update webhook_outbox o set attempts = o.attempts + 1, lease_until = ${leaseUntil}
      where o.id in (
        select id from webhook_outbox
        where status = 'pending' and next_attempt_at <= ${now} and (lease_until is null or lease_until < ${now})
        order by next_attempt_at, created_at
        limit ${limit}
        for update skip locked)
      returning o.id, o.attempts, o.subscription_id, o.entry_id, o.lease_until`.execute(this.deps.db);
    return rows;
  }

  private async cancel(row: Claimed): Promise<void> {
    await this.deps.db
      .updateTable('webhook_outbox')
      .set({ status: 'cancelled', lease_until: null })
      .where('id', '=', row.id)
      .where('lease_until', '=', row.lease_until)
      .execute();
  }

  /** Sends one delivery and records the attempt; answers how it ended. */
  private async deliver(
    row: Claimed,
    sub: { url: string; secret_enc: string },
    entry: EntryRow,
  ): Promise<'delivered' | 'retrying' | 'failed'> {
    const startedAt = this.deps.clock.now();
    const secret = this.deps.keyring.decrypt(sub.secret_enc, secretContext(row.subscription_id));
    const body = JSON.stringify({
      deliveryId: row.id,
      event: 'outcome.recorded',
      subscriptionId: row.subscription_id,
      attempt: row.attempts,
      sentAt: startedAt.toISOString(),
      entry: presentEntry(entry),
    });
    const timestamp = Math.floor(startedAt.getTime() / 1000);
    const began = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    let receiptId: string | null = null;
    try {
      await this.checkAddress(sub.url);
      const response = await fetch(sub.url, {
        method: 'POST',
        body,
        redirect: 'manual',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': `Rongcuo-Webhook/${VERSION}`,
          [SIGNATURE_HEADERS.timestamp]: String(timestamp),
          [SIGNATURE_HEADERS.signature]: signWebhookBody(secret, timestamp, body),
          [SIGNATURE_HEADERS.delivery]: row.id,
          [SIGNATURE_HEADERS.event]: 'outcome.recorded',
        },
        signal: AbortSignal.any([
          this.abort.signal,
          AbortSignal.timeout(this.options.timeoutMs ?? DELIVERY_TIMEOUT_MS),
        ]),
      });
      status = response.status;
      const text = await readLimited(response);
      if (isAccepted(status)) receiptId = receiptOf(text);
      else if (status >= 300 && status < 400)
        error = `redirect not followed (${response.headers.get('location') ?? ''})`;
      else error = `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
    } catch (e) {
      error = describeError(e);
    }
    const latencyMs = Math.max(0, Math.round(performance.now() - began));
    const accepted = status !== null && isAccepted(status);
    const now = this.deps.clock.now();
    const delay = accepted ? null : retryDelayMs(row.attempts);
    const outcome = accepted ? 'delivered' : delay === null ? 'failed' : 'retrying';
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhook_delivery_attempts')
        .values({
          id: randomUUID(),
          outbox_id: row.id,
          attempt: row.attempts,
          started_at: startedAt,
          status_code: status,
          latency_ms: latencyMs,
          error: error?.slice(0, ERROR_LENGTH) ?? null,
        })
        .onConflict((oc) => oc.columns(['outbox_id', 'attempt']).doNothing())
        .execute();
      // Only while the lease is still ours (a disabled subscription cancels it; a late node finds it gone).
      await trx
        .updateTable('webhook_outbox')
        .set({
          status: outcome === 'retrying' ? 'pending' : outcome,
          lease_until: null,
          last_status_code: status,
          last_error: error?.slice(0, ERROR_LENGTH) ?? null,
          ...(accepted ? { delivered_at: now } : {}),
          ...(delay !== null ? { next_attempt_at: new Date(now.getTime() + delay) } : {}),
        })
        .where('id', '=', row.id)
        .where('lease_until', '=', row.lease_until)
        .execute();
      if (receiptId)
        await trx
          .updateTable('webhook_outbox')
          .set({ receipt_id: receiptId, acknowledged_at: now, acknowledged_via: 'response' })
          .where('id', '=', row.id)
          .where('acknowledged_at', 'is', null)
          .execute();
    });
    return outcome;
  }

  /** Refuses, at delivery time too, a host that resolves to an address no receiver can have. */
  private async checkAddress(url: string): Promise<void> {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
    for (const address of addresses) {
      const verdict = addressVerdict(address, this.options.allowLoopback);
      if (!verdict.ok) throw new Error(`address ${address} refused: ${verdict.reasonEn}`);
    }
  }
}

async function readLimited(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size >= MAX_RESPONSE_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, MAX_RESPONSE_BYTES);
}

/** `{"receiptId": "…"}` in a 2xx answer: a non-empty string of at most 200 characters. */
export function receiptOf(text: string): string | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'receiptId' in parsed) {
      const id = parsed.receiptId;
      if (typeof id === 'string' && id.trim() && id.length <= 200) return id.trim();
    }
  } catch {
    /* not JSON: no receipt */
  }
  return null;
}

function describeError(e: unknown): string {
  if (e instanceof Error) {
    if (e.name === 'TimeoutError') return 'timed out';
    if (e.name === 'AbortError') return 'interrupted (server shutting down)';
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ? `${e.message}: ${cause.code}` : e.message;
  }
  return String(e);
}
