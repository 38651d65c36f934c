/**
 * Canonical form of an audit event: the exact bytes its hash covers. Keys are sorted recursively and
 * undefined values dropped, so the same event always serialises identically — including after a
 * round trip through PostgreSQL jsonb, which reorders keys.
 */
export type AuditEventContent = {
  seq: number;
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  jurisdictionId: string | null;
  data: Record<string, unknown>;
};

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** The text the SM3 hash of an event is computed over: the previous hash, then the canonical content. */
export function chainInput(prevHash: string, content: AuditEventContent): string {
  return `${prevHash}\n${canonicalJson(content)}`;
}

/**
 * `canonicalJson(content)` of an audit event, written out with its ten keys already in sorted order
 * instead of sorting them for every event; only `data` (free-form) goes through the generic sort —
 * or not at all when the caller passes its canonical JSON (`dataJson`). Byte-for-byte the same output
 * (verify.test.ts checks it on random events).
 */
export function canonicalEventJson(e: AuditEventContent, dataJson = canonicalJson(e.data)): string {
  const s = JSON.stringify;
  return `{"action":${s(e.action)},"actor":${s(e.actor)},"actorUserId":${s(e.actorUserId)},"data":${dataJson},"entityId":${s(e.entityId)},"entityType":${s(e.entityType)},"id":${s(e.id)},"jurisdictionId":${s(e.jurisdictionId)},"occurredAt":${s(e.occurredAt)},"seq":${s(e.seq)}}`;
}

export const GENESIS_HASH = '0'.repeat(64);
