/**
 * Proves the audit chain: every event's hash recomputed from its stored content and its
 * predecessor's hash, sequence numbers gap-free, and the head pointing at the last event.
 * Reads in keyset-paginated batches so memory stays flat at ten million events.
 */
import type { Db } from '../db/connect.ts';
import { chainInput, GENESIS_HASH, type AuditEventContent } from '../domain/audit/canonical.ts';
import { sm3Hex } from '../crypto/sm3.ts';

export type VerifyProblem = { seq: number; reason: 'hash_mismatch' | 'broken_link' | 'sequence_gap' | 'head_mismatch'; detail: string };
export type VerifyResult = { ok: boolean; events: number; headSeq: number; headHash: string; problem?: VerifyProblem };

export async function verifyAuditChain(db: Db, opts: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<VerifyResult> {
  const batchSize = opts.batchSize ?? 5000;
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const headSeq = Number(head.seq);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let lastSeq = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', String(lastSeq))
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      const fail = (reason: VerifyProblem['reason'], detail: string): VerifyResult => ({
        ok: false,
        events: seq - 1,
        headSeq,
        headHash: head.hash,
        problem: { seq, reason, detail },
      });
      if (seq !== expectedSeq) return fail('sequence_gap', `expected event ${expectedSeq}, found ${seq}`);
      if (row.prev_hash !== prevHash) return fail('broken_link', `prev_hash does not match the hash of event ${seq - 1}`);
      const content: AuditEventContent = {
        seq,
        id: row.id,
        occurredAt: row.occurred_at.toISOString(),
        actorUserId: row.actor_user_id,
        actor: row.actor,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        jurisdictionId: row.jurisdiction_id,
        data: row.data,
      };
      if (sm3Hex(chainInput(prevHash, content)) !== row.hash) return fail('hash_mismatch', `the content of event ${seq} does not match its hash`);
      prevHash = row.hash;
      expectedSeq = seq + 1;
      lastSeq = seq;
    }
    opts.onProgress?.(lastSeq, headSeq);
    if (rows.length < batchSize) break;
  }
  if (lastSeq !== headSeq || prevHash !== head.hash) {
    return {
      ok: false,
      events: lastSeq,
      headSeq,
      headHash: head.hash,
      problem: { seq: Math.min(lastSeq + 1, headSeq), reason: 'head_mismatch', detail: `the chain ends at event ${lastSeq} but the head records event ${headSeq}` },
    };
  }
  return { ok: true, events: lastSeq, headSeq, headHash: head.hash };
}
