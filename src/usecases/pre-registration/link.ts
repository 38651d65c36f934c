/**
 * A tolerance matter on the same initiative links to its pre-registration (DOMAIN §8): the filing
 * must exist, be in the user's view, have been filed, and be the same cadre's own filing or a filing
 * of the cadre's unit. The engine's `preRegistration` fact is then read from the filing's status.
 */
import type { Db } from '../../db/connect.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { DomainError } from '../../domain/errors.ts';
import { loadMatterAccess } from '../procedure/load-matter-access.ts';

const NEVER_FILED = new Set(['draft', 'withdrawn']);

/**
 * @throws DomainError('pre_registration.link_invalid') for a filing that is missing, out of view, or
 *   another cadre's or unit's (the same answer for each, so nothing leaks);
 *   DomainError('pre_registration.not_filed') for a draft or a withdrawn filing.
 */
export async function assertPreRegistrationLink(
  db: Db,
  user: UserWithGrants,
  preRegistrationId: string,
  subject: { cadreId: string; unitId: string },
): Promise<void> {
  const invalid = () => new DomainError('pre_registration.link_invalid', {}, 'preRegistrationId');
  const loaded = await loadMatterAccess(db, user, preRegistrationId, {
    type: 'pre_registration',
    minimumView: ['full', 'party'],
  }).catch((error: unknown) => {
    throw error instanceof DomainError && error.code === 'record.not_found' ? invalid() : error;
  });
  const filing = loaded.matter;
  // A cadre's own filing is theirs alone; a unit's filing covers the unit's cadres.
  const same =
    filing.subject_cadre_id !== null
      ? filing.subject_cadre_id === subject.cadreId
      : filing.subject_unit_id === subject.unitId;
  if (!same) throw invalid();
  if (NEVER_FILED.has(filing.status))
    throw new DomainError('pre_registration.not_filed', {}, 'preRegistrationId');
}
