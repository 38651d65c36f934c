/** Roster export to .xlsx: masked sensitive fields, formula-safe cells, and an audit event naming the filters. */
import type { Deps } from '../../app/deps.ts';
import { appendAudit } from '../../audit/append.ts';
import { actorOf, scopeOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { exportCadres, type CadreFilters } from '../../db/queries/roster.ts';
import { exportRosterXlsx } from '../../roster/export.ts';

export const EXPORT_ROW_LIMIT = 200_000;

export async function exportRoster(deps: Deps, user: UserWithGrants, filters: CadreFilters): Promise<Uint8Array> {
  const scope = scopeOf(user, 'roster.export');
  if (scope.length === 0) throw new DomainError('auth.forbidden');
  const rows = await exportCadres(deps.db, scope, filters, EXPORT_ROW_LIMIT);
  const bytes = await exportRosterXlsx(
    rows.map((c) => ({
      name: c.name,
      gender: c.gender,
      birthMonth: c.birth_month,
      unitName: c.unit_name,
      position: c.position,
      rank: c.rank,
      partyMembership: c.party_membership,
      status: c.status,
      idNumber: c.id_number_masked,
      mobile: c.mobile_masked,
    })),
    // The stored values are already masked; masking again is harmless and keeps the intent explicit.
    { masked: true },
  );
  const { qIdNumberHash: _hash, ...shownFilters } = filters;
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, { actor: actorOf(user), action: 'roster.exported', entityType: 'roster', data: { rows: rows.length, filters: shownFilters, masked: true } }, deps.clock.now()),
  );
  return bytes;
}
