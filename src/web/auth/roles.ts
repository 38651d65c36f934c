import type { Me, Role } from '../api/types.ts';
import { CAPABILITIES } from '../../domain/access.ts';

// The same capability table the server checks (domain/access.ts), so the menu never offers a
// page the server will refuse. The server still decides; this only hides what cannot work.

/** Who may read the cadre roster (committee members read only). */
export const ROSTER_READERS: readonly Role[] = CAPABILITIES['roster.view'];
/** Who may download the roster as Excel. */
export const ROSTER_EXPORTERS: readonly Role[] = CAPABILITIES['roster.export'];
/** Who maintains the roster by import. */
export const ROSTER_IMPORTERS: readonly Role[] = CAPABILITIES['roster.import'];
/** Who reads the audit log. */
export const AUDIT_READERS: readonly Role[] = CAPABILITIES['audit.view'];

/** Whether the user holds at least one of `roles` (in any jurisdiction). */
export function hasAnyRole(user: Pick<Me, 'roles'>, roles: readonly Role[] | 'any'): boolean {
  if (roles === 'any') return true;
  return user.roles.some((grant) => roles.includes(grant.role));
}

/** Distinct roles in the order of the grants, for labels in the header. */
export function distinctRoles(user: Pick<Me, 'roles'>): Role[] {
  return [...new Set(user.roles.map((grant) => grant.role))];
}

/** Distinct jurisdiction names the user works in. */
export function jurisdictionNames(user: Pick<Me, 'roles'>): string[] {
  return [...new Set(user.roles.map((grant) => grant.jurisdiction.name))];
}
