/**
 * Proves the audit chain: every event's hash recomputed from its stored content and its
 * predecessor's hash, sequence numbers gap-free, and the head pointing at the last event.
 * Reads in keyset-paginated batches so memory stays flat at ten million events, and fetches the next
 * batch while hashing the current one, so the database and the hashing work at the same time.
 */
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { canonicalJson, GENESIS_HASH, type AuditEventContent } from '../domain/audit/canonical.ts';
import { sm3Hex } from '../crypto/sm3.ts';

export type VerifyProblem = { seq: number; reason: 'hash_mismatch' | 'broken_link' | 'sequence_gap' | 'head_mismatch'; detail: string };
export type VerifyResult = { ok: boolean; events: number; headSeq: number; headHash: string; problem?: VerifyProblem };

/**
 * `canonicalJson(content)` of an audit event, written out with its ten keys already in sorted order
 * instead of sorting them for every event; only `data` (free-form) goes through the generic sort.
 * Byte-for-byte the same output (verify.test.ts checks it on random events).
 */
export function canonicalEventJson(e: AuditEventContent): string {
  const s = JSON.stringify;
  return `{"action":${s(e.action)},"actor":${s(e.actor)},"actorUserId":${s(e.actorUserId)},"data":${canonicalJson(e.data)},"entityId":${s(e.entityId)},"entityType":${s(e.entityType)},"id":${s(e.id)},"jurisdictionId":${s(e.jurisdictionId)},"occurredAt":${s(e.occurredAt)},"seq":${s(e.seq)}}`;
}

/** The text an event's SM3 hash covers (same as `chainInput` in domain/audit/canonical.ts). */
export function eventChainInput(prevHash: string, e: AuditEventContent): string {
  return `${prevHash}\n${canonicalEventJson(e)}`;
}

type Row = {
  seq: string;
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  jurisdiction_id: string | null;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
};

/** A batch of events after `afterSeq`, with the instant already in the ISO form the hash covers. */
async function fetchBatch(db: Db, afterSeq: number, limit: number): Promise<Row[]> {
  const { rows } = await sql<Row>`
    select seq, id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
      actor_user_id, actor, action, entity_type, entity_id, jurisdiction_id, data, prev_hash, hash
    from audit_events where seq > ${afterSeq} order by seq limit ${limit}`.execute(db);
  return rows;
}

export async function verifyAuditChain(db: Db, opts: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<VerifyResult> {
  const batchSize = opts.batchSize ?? 10_000;
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const headSeq = Number(head.seq);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let lastSeq = 0;
  let pending = fetchBatch(db, 0, batchSize);
  for (;;) {
    const rows = await pending;
    // Ask for the next batch before hashing this one.
    if (rows.length === batchSize) pending = fetchBatch(db, Number(rows[rows.length - 1]!.seq), batchSize);
    for (const row of rows) {
      const seq = Number(row.seq);
      let problem: [VerifyProblem['reason'], string] | null = null;
      if (seq !== expectedSeq) problem = ['sequence_gap', `expected event ${expectedSeq}, found ${seq}`];
      else if (row.prev_hash !== prevHash) problem = ['broken_link', `prev_hash does not match the hash of event ${seq - 1}`];
      else {
        const content: AuditEventContent = {
          seq,
          id: row.id,
          occurredAt: row.occurred_at,
          actorUserId: row.actor_user_id,
          actor: row.actor,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          jurisdictionId: row.jurisdiction_id,
          data: row.data,
        };
        if (sm3Hex(eventChainInput(prevHash, content)) !== row.hash) problem = ['hash_mismatch', `the content of event ${seq} does not match its hash`];
      }
      if (problem) {
        return settle(pending, rows, batchSize, { ok: false, events: seq - 1, headSeq, headHash: head.hash, problem: { seq, reason: problem[0], detail: problem[1] } });
      }
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

/** Lets an already requested next batch finish (or fail) quietly before answering early. */
async function settle(pending: Promise<Row[]>, rows: Row[], batchSize: number, result: VerifyResult): Promise<VerifyResult> {
  if (rows.length === batchSize) await pending.catch(() => undefined);
  return result;
}
