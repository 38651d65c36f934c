/**
 * The audit chain of the synthetic world, written in one pass. Matters are planned in order of
 * opening, each pushing all its future events into a time-ordered heap; once every matter opened
 * before T is planned, no event before T can still appear, so the heap releases them in time order.
 * Each released event gets the next sequence number and its SM3 hash over the previous hash and its
 * canonical content — exactly what `appendAudit` computes — and is bulk-inserted in chunks while the
 * next ones are built. The heap only ever holds the events of matters still running (~4 months).
 */
import type { Db } from '../../connect.ts';
import type { AuditEventContent } from '../../../domain/audit/canonical.ts';
import { eventChainInput } from '../../../audit/verify.ts';
import { sm3Hex } from '../../../crypto/sm3.ts';
import { ColumnBatch, InsertPipeline, bulkInsert, run, type ColumnSpec } from './bulk.ts';

export type PendingEvent = {
  at: number;
  actorUserId: string | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  jurisdictionId: string | null;
  data: Record<string, unknown>;
  /** Called as the event joins the chain, in chain order (a ledger entry takes its number then). */
  onChained?: () => void;
};

type Queued = PendingEvent & { order: number };

const AUDIT_COLUMNS: ColumnSpec[] = [
  ['seq', 'bigint'],
  ['id', 'uuid'],
  ['occurred_at', 'timestamptz'],
  ['actor_user_id', 'uuid'],
  ['actor', 'text'],
  ['action', 'text'],
  ['entity_type', 'text'],
  ['entity_id', 'text'],
  ['jurisdiction_id', 'uuid'],
  ['data', 'jsonb'],
  ['prev_hash', 'text'],
  ['hash', 'text'],
];

/** Binary min-heap on (at, order): equal instants keep the order they were pushed in. */
class EventHeap {
  private readonly items: Queued[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Queued | undefined {
    return this.items[0];
  }
  push(item: Queued): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop(): Queued | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

const before = (x: Queued, y: Queued) => x.at < y.at || (x.at === y.at && x.order < y.order);

export class AuditChainWriter {
  private readonly heap = new EventHeap();
  private readonly batch = new ColumnBatch(AUDIT_COLUMNS);
  private order = 0;
  private seq: number;
  private prevHash: string;
  /** Events written so far. */
  written = 0;

  constructor(
    private readonly db: Db,
    private readonly pipeline: InsertPipeline,
    head: { seq: number; hash: string },
    private readonly nextId: () => string,
    private readonly chunk = 10_000,
  ) {
    this.seq = head.seq;
    this.prevHash = head.hash;
  }

  get pending(): number {
    return this.heap.size;
  }

  push(event: PendingEvent): void {
    this.heap.push({ ...event, order: this.order++ });
  }

  /** Writes every queued event that happened before `limit` (ms). */
  async releaseBefore(limit: number): Promise<void> {
    for (let top = this.heap.peek(); top && top.at < limit; top = this.heap.peek()) {
      this.append(this.heap.pop()!);
      if (this.batch.length >= this.chunk) await this.flush();
    }
  }

  /** Writes everything left, waits for the inserts and moves the chain head. */
  async finish(): Promise<{ seq: number; hash: string }> {
    await this.releaseBefore(Number.POSITIVE_INFINITY);
    await this.flush();
    await this.pipeline.drain();
    await run(this.db, 'update audit_head set seq = $1, hash = $2 where id = 1', [this.seq, this.prevHash]);
    return { seq: this.seq, hash: this.prevHash };
  }

  private append(e: Queued): void {
    const content: AuditEventContent = {
      seq: ++this.seq,
      id: this.nextId(),
      occurredAt: new Date(e.at).toISOString(),
      actorUserId: e.actorUserId,
      actor: e.actor,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      jurisdictionId: e.jurisdictionId,
      data: e.data,
    };
    const hash = sm3Hex(eventChainInput(this.prevHash, content));
    this.batch.push(content.seq, content.id, content.occurredAt, content.actorUserId, content.actor, content.action, content.entityType, content.entityId, content.jurisdictionId, JSON.stringify(e.data), this.prevHash, hash);
    this.prevHash = hash;
    this.written += 1;
    e.onChained?.();
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const full = new ColumnBatch(AUDIT_COLUMNS);
    for (let i = 0; i < AUDIT_COLUMNS.length; i++) full.values[i] = this.batch.values[i]!.splice(0);
    await this.pipeline.push(() => bulkInsert(this.db, 'audit_events', full));
  }
}
