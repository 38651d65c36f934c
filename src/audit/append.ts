/**
 * Appends audit events inside the caller's transaction — the same transaction as the change they
 * record, so a change without its event (or an event without its change) can never be committed.
 * Appending locks the single head row: events get gap-free sequence numbers in commit order, and a
 * batch (a 100,000-row import) takes the lock once and inserts in multi-row chunks.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { chainInput, canonicalJson, type AuditEventContent } from '../domain/audit/canonical.ts';
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

export type AppendedEvent = AuditEventContent & { hash: string };

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

const CHUNK = 1000;

export async function appendAudit(trx: Transaction<Database>, input: AuditInput, now: Date): Promise<AppendedEvent> {
  const [event] = await appendAuditMany(trx, [input], now);
  return event!;
}

export async function appendAuditMany(trx: Transaction<Database>, inputs: AuditInput[], now: Date): Promise<AppendedEvent[]> {
  if (inputs.length === 0) return [];
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  let prevHash = head.hash;
  let seq = Number(head.seq);
  const occurredAt = now.toISOString();
  const events: AppendedEvent[] = [];
  const rows = inputs.map((input) => {
    const content: AuditEventContent = {
      seq: ++seq,
      id: randomUUID(),
      occurredAt,
      actorUserId: input.actor.userId,
      actor: input.actor.label,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      jurisdictionId: input.jurisdictionId ?? null,
      // Normalise once (dates → ISO strings, undefined dropped) so what is stored is what was hashed.
      data: JSON.parse(canonicalJson(input.data ?? {})) as Record<string, unknown>,
    };
    const hash = sm3Hex(chainInput(prevHash, content));
    const row = {
      seq: content.seq,
      id: content.id,
      occurred_at: occurredAt,
      actor_user_id: content.actorUserId,
      actor: content.actor,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      jurisdiction_id: content.jurisdictionId,
      data: JSON.stringify(content.data),
      prev_hash: prevHash,
      hash,
    };
    events.push({ ...content, hash });
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx.insertInto('audit_events').values(rows.slice(i, i + CHUNK)).execute();
  }
  await trx.updateTable('audit_head').set({ seq, hash: prevHash }).where('id', '=', 1).execute();
  return events;
}
