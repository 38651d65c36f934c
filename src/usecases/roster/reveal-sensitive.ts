/** Showing a cadre's clear ID or mobile number: only for roles that may, and every reveal is an audit event. */
import type { Deps } from '../../app/deps.ts';
import { appendAudit } from '../../audit/append.ts';
import { actorOf, can, scopeOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { findCadre } from '../../db/queries/roster.ts';
import { decryptIdNumber, decryptMobile } from './sensitive-fields.ts';

export async function revealSensitive(deps: Deps, user: UserWithGrants, cadreId: string, field: 'idNumber' | 'mobile'): Promise<string | null> {
  const cadre = await findCadre(deps.db, scopeOf(user, 'roster.view'), cadreId);
  if (!cadre) throw new DomainError('record.not_found');
  if (!can(user, 'roster.reveal_sensitive', cadre.jurisdiction_path)) throw new DomainError('auth.forbidden');
  const value = field === 'idNumber' ? decryptIdNumber(deps.keyring, cadre.id, cadre.id_number_enc) : decryptMobile(deps.keyring, cadre.id, cadre.mobile_enc);
  await deps.db.transaction().execute((trx) =>
    appendAudit(
      trx,
      { actor: actorOf(user), action: 'cadre.sensitive_revealed', entityType: 'cadre', entityId: cadre.id, jurisdictionId: cadre.jurisdiction_id, data: { field } },
      deps.clock.now(),
    ),
  );
  return value;
}
