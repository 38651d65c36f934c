/**
 * Delivering the outcome ledger to other systems (issue 8 item 2) on both engines: subscriptions
 * with a secret shown once and kept encrypted, an outbox row per entry per subscription written with
 * the entry, the delivery worker POSTing to a real local HTTP server with an HMAC-SM3 signature this
 * test checks on its own, 500 → back-off → success with the receipt recorded, the signed
 * acknowledgement endpoint, giving up after the last attempt, disabling, two workers sharing the
 * work without double delivery, and the pull API paging by cursor with no duplicates or gaps.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_JURISDICTION_IDS, DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import type { OutcomeEntry } from '../../src/contracts/outcome-ledger.ts';
import { MAX_ATTEMPTS, retryDelayMs } from '../../src/domain/outcome-ledger/webhooks.ts';
import { WebhookDeliveryWorker } from '../../src/jobs/webhook-delivery.ts';
import { lateWritesTransaction, writeLate } from '../../src/db/late-writes.ts';
import { loadPrincipal } from '../../src/db/queries/principal.ts';
import type { LocalDate } from '../../src/domain/calendar/local-date.ts';
import { recordLedgerEntry } from '../../src/usecases/outcome-ledger/record.ts';
import type { App } from '../../src/server/build-app.ts';
import { CorrectionFlow } from '../support/correction-flow.ts';
import { createTestApp, createTestPlatform, ENGINES, type TestPlatform } from '../support/platform.ts';

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string };
type Reply = { status: number; body?: string };

/** A receiving system: records every request; answers per path from a queue, else 200. */
class Receiver {
  readonly received: Received[] = [];
  readonly replies = new Map<string, Reply[]>();
  private server!: http.Server;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const reply = this.replies.get(path)?.shift() ?? { status: 200 };
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(reply.body ?? '');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  on(path: string, ...replies: Reply[]): void {
    this.replies.set(path, replies);
  }

  to(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Checks a delivery's signature from first principles: HMAC-SM3(secret, "<timestamp>.<body>"). */
function signatureOk(secret: string, r: Received): boolean {
  const timestamp = r.headers['x-rongcuo-timestamp'] as string;
  const expected = `sm3=${createHmac('sm3', Buffer.from(secret, 'utf8')).update(`${timestamp}.${r.body}`, 'utf8').digest('hex')}`;
  return r.headers['x-rongcuo-signature'] === expected;
}

describe.each(ENGINES)('webhooks and the pull API on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  let flow: CorrectionFlow;
  const receiver = new Receiver();
  let worker: WebhookDeliveryWorker;

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    flow = new CorrectionFlow(app, platform);
    await receiver.start();
    worker = new WebhookDeliveryWorker(platform.deps, { allowLoopback: true });
  });
  afterAll(async () => {
    await worker.stop();
    await receiver.stop();
    await app.close();
    await platform.close();
  });
  beforeEach(() => flow.setDay('2026-03-02'));

  const subscribe = async (path: string, eventKinds: string[], user = 'orgdept') => {
    const res = await flow.post(user, '/api/webhooks', {
      jurisdictionId: DEMO_JURISDICTION_IDS.K,
      url: `${receiver.url}${path}`,
      eventKinds,
      description: `人事系统 ${path}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ subscription: { id: string }; secret: string }>();
  };
  const sanction = async (cadreId = DEMO_PEOPLE.unitLeader.cadreId, type = 'party_warning') => {
    const res = await flow.post('officer', `/api/cadres/${cadreId}/sanctions`, {
      type,
      decidedOn: flow.today(),
      effectiveOn: flow.today(),
      decidedBy: '中共K县纪律检查委员会',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  // In the order the entries were recorded: the fixed test clock gives every row the same created_at.
  const outbox = (subscriptionId: string) =>
    platform.deps.db
      .selectFrom('webhook_outbox')
      .innerJoin('outcome_ledger as e', 'e.id', 'webhook_outbox.entry_id')
      .selectAll('webhook_outbox')
      .where('subscription_id', '=', subscriptionId)
      .orderBy('e.seq')
      .execute();
  /** Runs the worker until a round claims nothing. */
  const drain = async (w = worker) => {
    for (let i = 0; i < 20; i++) if ((await w.runOnce()).claimed === 0) return;
  };

  it('registers a subscription: the secret is shown once, kept encrypted, and never in the audit', async () => {
    const created = await subscribe('/register', ['sanction']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const row = await platform.deps.db
      .selectFrom('webhook_subscriptions')
      .selectAll()
      .where('id', '=', created.subscription.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_enc).not.toContain(created.secret);
    expect(platform.deps.keyring.decrypt(row.secret_enc, `webhook.secret:${row.id}`)).toBe(created.secret);
    const list = await flow.get('orgdept', '/api/webhooks');
    expect(list.body).not.toContain(created.secret);
    expect(list.json().items.map((s: { id: string }) => s.id)).toContain(created.subscription.id);
    const audit = await platform.deps.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'webhook.subscribed')
      .where('entity_id', '=', created.subscription.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.data)).not.toContain(created.secret);
    await flow.post('orgdept', `/api/webhooks/${created.subscription.id}/disable`, {});
  });

  it('refuses bad callback addresses and jurisdictions out of scope, in both languages', async () => {
    const tryUrl = async (url: string) =>
      flow.post('orgdept', '/api/webhooks', {
        jurisdictionId: DEMO_JURISDICTION_IDS.K,
        url,
        eventKinds: ['sanction'],
      });
    for (const [url, code] of [
      ['ftp://rs.example.gov.cn/hook', 'webhook.url_scheme'],
      ['https://rs:pw@rs.example.gov.cn/hook', 'webhook.url_credentials'],
      ['http://169.254.169.254/latest', 'webhook.url_host'],
      ['http://0.0.0.0/', 'webhook.url_host'],
      ['不是网址', 'webhook.url_invalid'],
    ] as const) {
      const res = await tryUrl(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json()).toMatchObject({
        code,
        field: 'url',
        message: expect.any(String),
        messageEn: expect.any(String),
      });
    }
    expect((await tryUrl('http://169.254.169.254/')).json().message).toContain('链路本地地址');
    const other = await flow.post('orgdept', '/api/webhooks', {
      jurisdictionId: DEMO_JURISDICTION_IDS.L,
      url: 'https://rs.example.gov.cn/hook',
      eventKinds: ['sanction'],
    });
    expect(other.json()).toMatchObject({ code: 'webhook.jurisdiction_unknown' });
    const cadre = await flow.post('cadre', '/api/webhooks', {
      jurisdictionId: DEMO_JURISDICTION_IDS.K,
      url: 'https://rs.example.gov.cn/hook',
      eventKinds: ['sanction'],
    });
    expect(cadre.statusCode).toBe(403);
  });

  it('delivers a decision signed with HMAC-SM3; a 500 is retried after the back-off, then the receipt is recorded', async () => {
    const { subscription, secret } = await subscribe('/flaky', ['tolerance_decision']);
    receiver.on(
      '/flaky',
      { status: 500, body: '{"error":"busy"}' },
      { status: 200, body: '{"receiptId":"RS-2026-0001"}' },
    );
    const matterId = await flow.decided();
    // Written with the entry: one delivery for this subscription (and none for kinds it did not ask for).
    const [row, ...more] = await outbox(subscription.id);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    const [first] = receiver.to('/flaky');
    expect(signatureOk(secret, first!)).toBe(true);
    expect(signatureOk(`${secret}x`, first!)).toBe(false);
    expect(first!.headers['x-rongcuo-delivery']).toBe(row!.id);
    expect(Number(first!.headers['x-rongcuo-timestamp'])).toBe(
      Math.floor(platform.clock.now().getTime() / 1000),
    );
    const payload = JSON.parse(first!.body);
    expect(payload).toMatchObject({
      deliveryId: row!.id,
      event: 'outcome.recorded',
      subscriptionId: subscription.id,
      attempt: 1,
      entry: { kind: 'tolerance_decision', source: { matterId }, headline: { zh: '容错免责' } },
    });
    // The entry delivered is the entry the pull API gives.
    const feed = (await flow.get('orgdept', '/api/outcomes?limit=500')).json<{ items: OutcomeEntry[] }>();
    expect(feed.items.find((e) => e.id === payload.entry.id)).toEqual(payload.entry);

    const [afterFailure] = await outbox(subscription.id);
    expect(afterFailure).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_status_code: 500,
      lease_until: null,
    });
    expect(afterFailure!.next_attempt_at.getTime() - platform.clock.now().getTime()).toBe(retryDelayMs(1));
    // Not due yet: nothing is sent.
    expect((await worker.runOnce()).claimed).toBe(0);
    platform.clock.advance(retryDelayMs(1)!);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(receiver.to('/flaky')).toHaveLength(2);
    expect(JSON.parse(receiver.to('/flaky')[1]!.body).attempt).toBe(2);
    const [done] = await outbox(subscription.id);
    expect(done).toMatchObject({
      status: 'delivered',
      attempts: 2,
      last_status_code: 200,
      receipt_id: 'RS-2026-0001',
      acknowledged_via: 'response',
    });
    // The delivery log: every attempt with its status code and latency.
    const detail = (await flow.get('orgdept', `/api/webhooks/${subscription.id}`)).json();
    expect(detail.deliveries).toMatchObject({ delivered: 1, pending: 0, acknowledged: 1 });
    expect(detail.recent[0]).toMatchObject({ id: row!.id, status: 'delivered', receiptId: 'RS-2026-0001' });
    expect(
      detail.recent[0].log.map((a: { attempt: number; statusCode: number; error: string | null }) => [
        a.attempt,
        a.statusCode,
        a.error,
      ]),
    ).toEqual([
      [1, 500, 'HTTP 500: {"error":"busy"}'],
      [2, 200, null],
    ]);
    expect(detail.recent[0].log.every((a: { latencyMs: number }) => a.latencyMs >= 0)).toBe(true);
    await flow.post('orgdept', `/api/webhooks/${subscription.id}/disable`, {});
  });

  it('records a receipt sent back by the signed acknowledgement endpoint, and refuses a bad signature alike for any delivery', async () => {
    const { subscription, secret } = await subscribe('/ack', ['sanction']);
    await sanction();
    await drain();
    const [row] = await outbox(subscription.id);
    expect(row).toMatchObject({ status: 'delivered', receipt_id: null });
    const ack = (
      body: object,
      sign: (ts: number, raw: string) => string,
      ts = Math.floor(platform.clock.now().getTime() / 1000),
    ) => {
      const raw = JSON.stringify(body);
      return app.inject({
        method: 'POST',
        url: '/api/webhooks/ack',
        payload: raw,
        headers: {
          'content-type': 'application/json',
          'x-rongcuo-timestamp': String(ts),
          'x-rongcuo-signature': sign(ts, raw),
        },
      });
    };
    const good = (ts: number, raw: string) =>
      `sm3=${createHmac('sm3', secret).update(`${ts}.${raw}`).digest('hex')}`;
    const body = { deliveryId: row!.id, receiptId: 'RS-ACK-7' };
    const wrong = await ack(body, (ts, raw) => good(ts, `${raw} `));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({
      code: 'webhook.signature_invalid',
      message: expect.stringContaining('签名校验失败'),
    });
    const stale = await ack(body, good, Math.floor(platform.clock.now().getTime() / 1000) - 301);
    expect(stale.statusCode).toBe(401);
    const unknown = await ack({ ...body, deliveryId: '00000000-0000-4000-8000-000000000000' }, good);
    expect(unknown.body).toBe(wrong.body);
    expect((await outbox(subscription.id))[0]!.receipt_id).toBeNull();

    const ok = await ack(body, good);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ deliveryId: row!.id, receiptId: 'RS-ACK-7' });
    // Repeating keeps the first receipt.
    const again = await ack({ ...body, receiptId: 'RS-ACK-8' }, good);
    expect(again.json().receiptId).toBe('RS-ACK-7');
    expect((await outbox(subscription.id))[0]).toMatchObject({
      receipt_id: 'RS-ACK-7',
      acknowledged_via: 'ack_endpoint',
    });
    const audit = await platform.deps.db
      .selectFrom('audit_events')
      .select(['actor', 'data'])
      .where('action', '=', 'webhook.acknowledged')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: `webhook:${subscription.id}`, data: { receiptId: 'RS-ACK-7' } });
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/webhooks/ack',
      payload: '{"deliveryId":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'request.malformed_json' });
    await flow.post('orgdept', `/api/webhooks/${subscription.id}/disable`, {});
  });

  it('gives up after the last attempt on the published schedule; disabling cancels what is pending', async () => {
    const down = await subscribe('/down', ['sanction']);
    receiver.on('/down', ...Array.from({ length: MAX_ATTEMPTS + 2 }, () => ({ status: 503 })));
    await sanction();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect((await worker.runOnce()).claimed, `attempt ${attempt}`).toBe(1);
      const delay = retryDelayMs(attempt);
      if (delay !== null) platform.clock.advance(delay);
    }
    const [row] = await outbox(down.subscription.id);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, last_status_code: 503 });
    platform.clock.advance(7 * 3_600_000);
    expect((await worker.runOnce()).claimed).toBe(0);
    expect(receiver.to('/down')).toHaveLength(MAX_ATTEMPTS);

    const disabled = (await flow.post('orgdept', `/api/webhooks/${down.subscription.id}/disable`, {})).json();
    expect(disabled).toMatchObject({ status: 'disabled', allowedActions: [] });
    const later = await subscribe('/later', ['sanction']);
    await sanction();
    await flow.post('orgdept', `/api/webhooks/${later.subscription.id}/disable`, {});
    expect((await outbox(later.subscription.id)).map((r) => r.status)).toEqual(['cancelled']);
    await drain();
    expect(receiver.to('/later')).toEqual([]);
    expect(
      (await flow.post('orgdept', `/api/webhooks/${later.subscription.id}/disable`, {})).json().code,
    ).toBe('webhook.already_disabled');
  });

  it('lets two workers share the outbox: every delivery sent exactly once', async () => {
    const { subscription } = await subscribe('/multi', ['sanction']);
    const other = new WebhookDeliveryWorker(platform.deps, { allowLoopback: true, batchSize: 2 });
    const narrow = new WebhookDeliveryWorker(platform.deps, { allowLoopback: true, batchSize: 2 });
    const cadres = await platform.deps.db
      .selectFrom('cadres')
      .select('id')
      .where('unit_id', '=', DEMO_PEOPLE.cadre.unitId)
      .where('id', '!=', DEMO_PEOPLE.cadre.cadreId)
      .limit(6)
      .execute();
    for (const c of cadres) await sanction(c.id);
    for (let i = 0; i < 10; i++) {
      const [a, b] = await Promise.all([other.runOnce(), narrow.runOnce()]);
      if (a.claimed + b.claimed === 0) break;
    }
    const rows = await outbox(subscription.id);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
    const ids = receiver.to('/multi').map((r) => r.headers['x-rongcuo-delivery']);
    expect(ids.sort()).toEqual(rows.map((r) => r.id).sort());
    await other.stop();
    await narrow.stop();
    await flow.post('orgdept', `/api/webhooks/${subscription.id}/disable`, {});
  });

  it('polls on its own once started, and stops cleanly', async () => {
    const { subscription } = await subscribe('/polled', ['sanction']);
    const polling = new WebhookDeliveryWorker(platform.deps, { allowLoopback: true, pollMs: 20 });
    polling.start();
    await sanction();
    for (let i = 0; i < 200 && receiver.to('/polled').length === 0; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(receiver.to('/polled')).toHaveLength(1);
    await polling.stop();
    await sanction();
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.to('/polled')).toHaveLength(1);
    expect((await outbox(subscription.id)).map((r) => r.status)).toEqual(['delivered', 'pending']);
    await flow.post('orgdept', `/api/webhooks/${subscription.id}/disable`, {});
  });

  it('pages the pull API by cursor with no duplicates or gaps, in the order entries were recorded', async () => {
    for (let i = 0; i < 3; i++) await sanction(DEMO_PEOPLE.cadre.cadreId, 'admonishment');
    const seen: OutcomeEntry[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const res = await flow.get('orgdept', `/api/outcomes?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ items: OutcomeEntry[]; nextCursor: string; hasMore: boolean }>();
      seen.push(...body.items);
      cursor = body.nextCursor;
      if (!body.hasMore) break;
    }
    const all = await platform.deps.db
      .selectFrom('outcome_ledger')
      .select(['id', 'seq'])
      .orderBy('seq')
      .execute();
    expect(seen.map((e) => e.id)).toEqual(all.map((r) => r.id));
    // Numbered without gaps, from 1.
    expect(all.map((r) => Number(r.seq))).toEqual(all.map((_, i) => i + 1));
    expect(seen.length).toBeGreaterThan(10);
    // Nothing new: the cursor stays, the page is empty.
    const idle = (await flow.get('orgdept', `/api/outcomes?cursor=${cursor}`)).json();
    expect(idle).toEqual({ items: [], nextCursor: cursor, hasMore: false });
    // A new entry appears after the cursor, once.
    await sanction();
    const next = (await flow.get('orgdept', `/api/outcomes?cursor=${cursor}`)).json<{
      items: OutcomeEntry[];
    }>();
    expect(next.items.map((e) => e.kind)).toEqual(['sanction']);
    expect((await flow.get('cadre', '/api/outcomes')).statusCode).toBe(403);
    const bad = await flow.get('orgdept', '/api/outcomes?cursor=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'request.invalid', field: 'querystring.cursor' });
  });

  // Concurrent writers need a server with several connections (PGlite has one).
  it.skipIf(engine !== 'postgres')(
    'numbers entries in commit order: a reader never passes an entry that commits later',
    async () => {
      const [first, second] = [await sanction(), await sanction()];
      const start = (await flow.get('orgdept', '/api/outcomes?limit=500')).json<{ nextCursor: string }>()
        .nextCursor;
      const officer = (await loadPrincipal(platform.deps.db, await flow.userId('officer')))!;
      const rows = await platform.deps.db
        .selectFrom('sanctions')
        .selectAll()
        .where('id', 'in', [first, second])
        .execute();
      const input = (id: string) => {
        const s = rows.find((r) => r.id === id)!;
        return {
          cadreId: s.cadre_id,
          jurisdictionId: s.jurisdiction_id,
          facts: {
            kind: 'sanction' as const,
            sanctionType: 'party_warning' as const,
            category: 'party_discipline' as const,
            label: { zh: '党内警告', en: 'Party warning' },
            effect: { zh: '一年内不得在党内提升职务', en: 'no promotion for a year' },
            months: 12,
            reusable: true,
            decidedBy: s.decided_by,
          },
          on: s.effective_on as LocalDate,
          until: s.influence_ends_on as LocalDate,
          source: { sanctionId: s.id },
          policy: { id: s.policy_id, version: s.policy_version },
        };
      };
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let numbered!: () => void;
      const inA = new Promise<void>((r) => (numbered = r));
      // A numbers its entry (holding the head row) and waits before committing.
      const a = lateWritesTransaction(platform.deps.db, async (trx) => {
        await recordLedgerEntry(trx, officer, input(first), platform.clock.now());
        await writeLate(trx, 'audit', async () => {
          numbered();
          await gate;
        });
      });
      await inA;
      // B starts later and commits as soon as it can: after A.
      const b = lateWritesTransaction(platform.deps.db, (trx) =>
        recordLedgerEntry(trx, officer, input(second), platform.clock.now()),
      );
      await new Promise((r) => setTimeout(r, 300));
      const during = (await flow.get('orgdept', `/api/outcomes?cursor=${start}`)).json<{
        items: OutcomeEntry[];
      }>();
      expect(during.items).toEqual([]);
      release();
      await Promise.all([a, b]);
      const after = (await flow.get('orgdept', `/api/outcomes?cursor=${start}`)).json<{
        items: OutcomeEntry[];
      }>();
      expect(after.items.map((e) => e.source.sanctionId)).toEqual([first, second]);
      expect(after.items.map((e) => Number(e.cursor))).toEqual([Number(start) + 1, Number(start) + 2]);
    },
  );
});
