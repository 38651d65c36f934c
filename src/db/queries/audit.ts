import type { Db } from '../connect.ts';
import { escapeLike } from './roster.ts';

export type AuditFilters = { entityType?: string | undefined; entityId?: string | undefined; action?: string | undefined; page: number; pageSize: number };

/**
 * Audit events visible within the scope: those tied to a jurisdiction in scope, plus system-wide
 * events (no jurisdiction) for administrators whose scope includes a province root.
 */
export async function listAuditEvents(db: Db, scope: string[], f: AuditFilters) {
  let q = db
    .selectFrom('audit_events as e')
    .leftJoin('jurisdictions as j', 'j.id', 'e.jurisdiction_id')
    .where((eb) => eb.or([eb('e.jurisdiction_id', 'is', null), ...scope.map((p) => eb('j.path', 'like', `${escapeLike(p)}%`))]));
  if (f.entityType) q = q.where('e.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('e.entity_id', '=', f.entityId);
  if (f.action) q = q.where('e.action', '=', f.action);
  const [rows, count] = await Promise.all([
    q.selectAll('e').orderBy('e.seq', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
