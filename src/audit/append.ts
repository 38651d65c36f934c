/**
 * Appends audit events inside the caller's transaction — the same transaction as the change they
 * record, so a change without its event (or an event without its change) can never be committed.
 * Appending locks the single head row until COMMIT: events get gap-free sequence numbers in commit
 * order, and every other transaction that appends waits. So the lock is taken as late as possible —
 * in a `lateWritesTransaction` the events are collected and appended at its end, just before COMMIT,
 * in two statements (read and lock the head; insert the events and move the head) — and a batch (a
 * 100,000-row import) takes it once.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { writeLate, writesLate } from '../db/late-writes.ts';
import type { Database } from '../db/schema.ts';
import { canonicalEventJson, canonicalJson, type AuditEventContent } from '../domain/audit/canonical.ts';
import type { AuditAction } from '../domain/audit/catalogue.ts';
import { sm3Hex } from '../crypto/sm3.ts';

export type Actor = { userId: string | null; label: string };

export type AuditInput = {
  actor: Actor;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  jurisdictionId?: string | null;
  data?: Record<string, unknown>;
};

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

/** Events per INSERT statement (one JSON parameter each). */
const CHUNK = 5000;

type TimedInput = { input: AuditInput; now: Date };

/** Events waiting for the end of a `lateWritesTransaction`, by transaction. */
const collected = new WeakMap<Transaction<Database>, TimedInput[]>();

/**
 * Appends one event. In a `lateWritesTransaction` (db/late-writes.ts) the events are appended
 * together at its end, in the order recorded, just before COMMIT: the same events in the same
 * transaction, but the chain's head stays locked for two statements and the COMMIT instead of for
 * everything the transaction does after its first event.
 */
export async function appendAudit(trx: Transaction<Database>, input: AuditInput, now: Date): Promise<void> {
  await appendAuditMany(trx, [input], now);
}

/** Appends events in order (see `appendAudit`). */
export async function appendAuditMany(
  trx: Transaction<Database>,
  inputs: AuditInput[],
  now: Date,
): Promise<void> {
  const timed = inputs.map((input) => ({ input, now }));
  if (!writesLate(trx)) return appendNow(trx, timed);
  const pending = collected.get(trx);
  if (pending) {
    pending.push(...timed);
    return;
  }
  collected.set(trx, timed);
  await writeLate(trx, 'audit', async () => {
    collected.delete(trx);
    await appendNow(trx, timed);
  });
}

async function appendNow(trx: Transaction<Database>, inputs: TimedInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const head = await trx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  let prevHash = head.hash;
  let seq = Number(head.seq);
  // Chunks travel as one JSON parameter each (`json_populate_recordset` types every field by its
  // column); the next chunk is hashed while the database inserts the last one, and the final chunk
  // moves the head in the same statement.
  let inserting: Promise<unknown> = Promise.resolve();
  try {
    for (let i = 0; i < inputs.length; i += CHUNK) {
      const rows = inputs.slice(i, i + CHUNK).map(({ input, now }) => {
        // Normalise once (dates → ISO strings, undefined dropped) so what is stored is what was hashed.
        const dataJson = canonicalJson(input.data ?? {});
        const content: AuditEventContent = {
          seq: ++seq,
          id: randomUUID(),
          occurredAt: now.toISOString(),
          actorUserId: input.actor.userId,
          actor: input.actor.label,
          action: input.action,
          entityType: input.entityType,
          entityId: input.entityId ?? null,
          jurisdictionId: input.jurisdictionId ?? null,
          data: JSON.parse(dataJson) as Record<string, unknown>,
        };
        const hash = sm3Hex(`${prevHash}\n${canonicalEventJson(content, dataJson)}`);
        const row = {
          seq: content.seq,
          id: content.id,
          occurred_at: content.occurredAt,
          actor_user_id: content.actorUserId,
          actor: content.actor,
          action: content.action,
          entity_type: content.entityType,
          entity_id: content.entityId,
          jurisdiction_id: content.jurisdictionId,
          data: content.data,
          prev_hash: prevHash,
          hash,
        };
        prevHash = hash;
        return row;
      });
      const insert = sql`insert into audit_events (seq, id, occurred_at, actor_user_id, actor, action, entity_type, entity_id, jurisdiction_id, data, prev_hash, hash)
      select seq, id, occurred_at, actor_user_id, actor, action, entity_type, entity_id, jurisdiction_id, data, prev_hash, hash
      from json_populate_recordset(null::audit_events, ${JSON.stringify(rows)}::json)`;
      await inserting;
      inserting =
        i + CHUNK < inputs.length
          ? insert.execute(trx)
          : sql`with appended as (${insert} returning 1) update audit_head set seq = ${seq}, hash = ${prevHash} where id = 1`.execute(
              trx,
            );
    }
  } finally {
    // Also when hashing a chunk threw: the statement in flight settles before the transaction ends.
    await inserting;
  }
}
