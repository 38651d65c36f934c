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

// Procedure permissions live in the procedure table on the server; these lists only decide which
// pages are offered. The pages draw their buttons from the API's `allowedActions`.

/** Who works on tolerance matters from the list (commission, unit, organisation department, higher level). */
export const MATTER_LIST_READERS: readonly Role[] = [
  'case_officer',
  'committee_member',
  'commission_leader',
  'unit_leader',
  'org_dept',
  'supervisor',
];
/** Who opens matters for someone else: the officer ex officio, the unit leader for the unit. */
export const MATTER_OPENERS: readonly Role[] = ['case_officer', 'unit_leader'];
/** Who sits in the collective decision. */
export const MEETING_MEMBERS: readonly Role[] = ['committee_member', 'commission_leader'];
/** Who sees the dashboards (domain/stats/access.ts: everyone who works on or oversees the mechanism). */
export const STATS_VIEWERS: readonly Role[] = [
  'case_officer',
  'committee_member',
  'commission_leader',
  'org_dept',
  'supervisor',
  'admin',
];
/** Who administers accounts, units and the calendar. */
export const ADMINISTRATORS: readonly Role[] = CAPABILITIES['users.manage'];
/** Who reads the policies (rule data, no personal data): those who apply or oversee them. */
export const POLICY_READERS: readonly Role[] = [
  'admin',
  'case_officer',
  'committee_member',
  'commission_leader',
  'supervisor',
];
/** Who applies for themself. */
export const APPLICANTS: readonly Role[] = ['cadre'];
