/**
 * `rongcuo audit verify` (verifyAuditChain with the command's options: worker threads on PostgreSQL
 * when the chain is long enough) over the whole chain, beside raw
 * SM3 hashing of the same bytes: the chain inputs (previous hash + canonical event) of the first
 * events, built from the stored rows beforehand and hashed in a tight loop.
 */
import { auditVerifyOptions, verifyAuditChain } from '../../src/audit/verify.ts';
import { sm3Hex } from '../../src/crypto/sm3.ts';
import { chainInput } from '../../src/domain/audit/canonical.ts';
import type { Site } from '../lib/site.ts';
import type { Results } from '../lib/report.ts';

export async function auditScenario(site: Site, results: Results, opts: { prefix: string; sample: number }): Promise<void> {
  const handle = await site.open();
  try {
    const started = performance.now();
    const verified = await verifyAuditChain(handle.db, auditVerifyOptions(handle));
    const seconds = (performance.now() - started) / 1000;
    if (!verified.ok) throw new Error(`audit chain of ${site.label} does not verify: ${JSON.stringify(verified.problem)}`);

    const rows = await handle.db.selectFrom('audit_events').selectAll().orderBy('seq').limit(opts.sample).execute();
    const inputs = rows.map((row) =>
      chainInput(row.prev_hash, {
        seq: Number(row.seq),
        id: row.id,
        occurredAt: row.occurred_at.toISOString(),
        actorUserId: row.actor_user_id,
        actor: row.actor,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        jurisdictionId: row.jurisdiction_id,
        data: row.data,
      }),
    );
    const bytes = inputs.reduce((sum, s) => sum + Buffer.byteLength(s), 0);
    const hashStarted = performance.now();
    let check = 0;
    for (const input of inputs) check ^= sm3Hex(input).charCodeAt(0);
    const hashSeconds = (performance.now() - hashStarted) / 1000;
    if (check < 0) throw new Error('unreachable');
    results.add(
      `${opts.prefix} audit verify (${verified.events.toLocaleString('en')} events, ${seconds.toFixed(1)} s)`,
      verified.events / seconds,
      'events/s',
      { name: `raw SM3 of the same chain inputs (${inputs.length.toLocaleString('en')} events, ${(bytes / inputs.length).toFixed(0)} B each)`, value: inputs.length / hashSeconds },
      { atLeast: 0.7 },
    );
  } finally {
    await handle.close();
  }
}
