import { OUTCOME_MIX_ROLES } from '../../domain/consistency/access.ts';
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
/** Who sees the outcome mix by unit and decision-maker (domain/consistency/access.ts). */
export const CONSISTENCY_VIEWERS: readonly Role[] = OUTCOME_MIX_ROLES;
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

// 纠错 and 事前报备: which pages are offered; the lists are scoped by the server and every button
// comes from the matter's `allowedActions`.

/** Who works on corrections from the list: the commission (officer, leader) and the unit side. */
export const CORRECTION_READERS: readonly Role[] = [
  'case_officer',
  'commission_leader',
  'unit_leader',
  'cadre',
];
/** Who orders a standalone correction (orders that come with a decision are opened by it). */
export const CORRECTION_OPENERS: readonly Role[] = ['case_officer'];
/** Who works on pre-registrations: the filers (unit, cadre) and the commission that reviews them. */
export const PRE_REGISTRATION_READERS: readonly Role[] = [
  'case_officer',
  'commission_leader',
  'unit_leader',
  'cadre',
];
/** Who files: a cadre for their own initiative, a unit leader for the unit's. */
export const PRE_REGISTRATION_FILERS: readonly Role[] = ['unit_leader', 'cadre'];

// 澄清正名 and 回访教育: which pages are offered; the server scopes the lists and every button comes
// from the matter's (or the sanction's, the cadre's) `allowedActions`.

/**
 * Who works on name clearings from the list: the commission, the cadre cleared (who consents), and
 * the organisation department (the clearings copied to it once filed).
 */
export const NAME_CLEARING_READERS: readonly Role[] = [
  'case_officer',
  'committee_member',
  'commission_leader',
  'org_dept',
  'cadre',
];
/** Who opens a name clearing on an accusation concluded untrue. */
export const NAME_CLEARING_OPENERS: readonly Role[] = ['case_officer'];
/** Who works on follow-up visits from the list (the organisation department signs for the result). */
export const FOLLOW_UP_READERS: readonly Role[] = [
  'case_officer',
  'committee_member',
  'commission_leader',
  'org_dept',
  'unit_leader',
  'cadre',
];
/** Who plans a follow-up visit of a sanction (谁处分谁回访). */
export const FOLLOW_UP_PLANNERS: readonly Role[] = ['case_officer'];
/** Who reads the outcome ledger of the cadres in scope (usecases/outcome-ledger/read.ts LEDGER_READERS). */
export const OUTCOME_LEDGER_READERS: readonly Role[] = ['org_dept'];
/** Who reads the sanctions register (usecases/follow-up/access.ts SANCTION_READERS). */
export const SANCTION_LIST_READERS: readonly Role[] = [
  'case_officer',
  'committee_member',
  'commission_leader',
  'org_dept',
  'supervisor',
];
