/**
 * Who may read and record sanctions, influence periods and appointments (DESIGN §2): the commission
 * (officers, members, leader), the organisation department and the higher level read the sanctions
 * of cadres in their jurisdictions; a cadre reads their own; the commission's officer and leader
 * record sanctions; the organisation department records appointments. Nobody records about
 * themself or a colleague of their own unit (回避). A record out of reach answers like a missing
 * one; a user with no role that reads sanctions at all is refused whatever the id.
 */
import type { Db } from '../../db/connect.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';

const COMMISSION: readonly Role[] = ['case_officer', 'committee_member', 'commission_leader'];
/** Roles that read sanctions of the cadres in their jurisdictions. */
export const SANCTION_READERS: readonly Role[] = [...COMMISSION, 'org_dept', 'supervisor'];
/** Roles that record sanctions. */
export const SANCTION_RECORDERS: readonly Role[] = ['case_officer', 'commission_leader'];

/** The cadre a request is about, with what scope and recusal checks need. */
export type CadreInScope = {
  id: string;
  name: string;
  position: string;
  unitId: string;
  unitName: string;
  jurisdictionId: string;
  jurisdictionPath: string;
};

/** How the user reads: as staff (with the commission's confidential summary or not), or as the cadre. */
export type SanctionReader = { kind: 'staff' | 'subject'; seesSummary: boolean };

export function covers(user: UserWithGrants, roles: readonly Role[], path: string): boolean {
  return user.grants.some((g) => roles.includes(g.role) && path.startsWith(g.jurisdictionPath));
}

export async function findCadreInScope(db: Db, id: string): Promise<CadreInScope | undefined> {
  const row = await db
    .selectFrom('cadres as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
    .select([
      'c.id',
      'c.name',
      'c.position',
      'c.unit_id',
      'u.name as unit_name',
      'c.jurisdiction_id',
      'j.path',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        name: row.name,
        position: row.position,
        unitId: row.unit_id,
        unitName: row.unit_name,
        jurisdictionId: row.jurisdiction_id,
        jurisdictionPath: row.path,
      }
    : undefined;
}

/**
 * How the user may read the sanctions of a cadre at `path` (the cadre is `cadreId`).
 * @throws DomainError('auth.forbidden') for a user with no role that reads sanctions (any id), and
 *   DomainError('record.not_found') for a cadre out of their reach.
 */
export function sanctionReader(
  user: UserWithGrants,
  cadre: { id: string; jurisdictionPath: string } | undefined,
): SanctionReader {
  const canRead = user.grants.some((g) => SANCTION_READERS.includes(g.role));
  const isCadre = user.grants.some((g) => g.role === 'cadre');
  if (!canRead && !isCadre) throw new DomainError('auth.forbidden');
  if (cadre && covers(user, SANCTION_READERS, cadre.jurisdictionPath))
    return {
      kind: 'staff',
      seesSummary: covers(user, [...COMMISSION, 'supervisor'], cadre.jurisdictionPath),
    };
  if (cadre && isCadre && user.cadreId === cadre.id && covers(user, ['cadre'], cadre.jurisdictionPath))
    return { kind: 'subject', seesSummary: true };
  throw new DomainError('record.not_found');
}

/** The user's own unit, for recusal. */
export async function ownUnitOf(db: Db, user: UserWithGrants): Promise<string | null> {
  if (!user.cadreId) return null;
  const row = await db
    .selectFrom('cadres')
    .select('unit_id')
    .where('id', '=', user.cadreId)
    .executeTakeFirst();
  return row?.unit_id ?? null;
}

/** Recusal (回避): the cadre is the user, or works in the user's own unit. */
export function related(
  user: UserWithGrants,
  ownUnit: string | null,
  cadre: { id: string; unitId: string },
): boolean {
  return user.cadreId === cadre.id || (ownUnit !== null && ownUnit === cadre.unitId);
}

/**
 * A cadre the user may act on with one of `roles`: refused for a user without those roles (any id),
 * not found out of their jurisdictions, refused as recused when related.
 * @throws DomainError('auth.forbidden' | 'record.not_found' | 'procedure.recused')
 */
export async function cadreToActOn(
  db: Db,
  user: UserWithGrants,
  id: string,
  roles: readonly Role[],
): Promise<CadreInScope> {
  if (!user.grants.some((g) => roles.includes(g.role))) throw new DomainError('auth.forbidden');
  const cadre = await findCadreInScope(db, id);
  if (!cadre || !covers(user, roles, cadre.jurisdictionPath)) throw new DomainError('record.not_found');
  if (related(user, await ownUnitOf(db, user), cadre)) throw new DomainError('procedure.recused');
  return cadre;
}
