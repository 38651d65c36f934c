/**
 * Who may do what, where. A role is always held within a jurisdiction and reaches that jurisdiction
 * and everything below it (province ⊃ city ⊃ county ⊃ township). Procedure-specific permissions
 * (action × state × role) live in each procedure's transition table; this module holds the
 * jurisdiction scope and the non-procedural capabilities.
 */
import type { Role } from './roles.ts';

export type RoleGrant = {
  role: Role;
  jurisdictionId: string;
  /** Materialised path of the jurisdiction ("/<province>/<city>/<county>/"). */
  jurisdictionPath: string;
  unitId: string | null;
};

export type Principal = {
  userId: string;
  username: string;
  cadreId: string | null;
  grants: RoleGrant[];
  /** The installation's operator acting through the CLI: no user account behind it. */
  system?: boolean;
};

/** Who an audit event names: the user, or the CLI operator (no account). */
export function actorOf(principal: Principal): { userId: string | null; label: string } {
  return { userId: principal.system ? null : principal.userId, label: principal.username };
}

/** Capabilities that are not steps of a procedure. */
export const CAPABILITIES = {
  'roster.view': ['admin', 'case_officer', 'committee_member', 'commission_leader', 'org_dept', 'supervisor'],
  'roster.reveal_sensitive': ['admin', 'case_officer', 'commission_leader', 'org_dept'],
  'roster.import': ['admin', 'org_dept'],
  'roster.export': ['admin', 'case_officer', 'commission_leader', 'org_dept', 'supervisor'],
  'audit.view': ['admin'],
  'users.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

/** The jurisdiction paths within which the principal holds the capability (empty: nowhere). */
export function scopeOf(principal: Principal, capability: Capability): string[] {
  const roles: readonly Role[] = CAPABILITIES[capability];
  const paths = principal.grants.filter((g) => roles.includes(g.role)).map((g) => g.jurisdictionPath);
  // Drop paths already covered by a broader one, so queries get the fewest prefixes.
  return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

export function can(principal: Principal, capability: Capability, jurisdictionPath?: string): boolean {
  const scope = scopeOf(principal, capability);
  return jurisdictionPath === undefined ? scope.length > 0 : scope.some((p) => jurisdictionPath.startsWith(p));
}

export function capabilitiesAt(principal: Principal, jurisdictionPath: string): Capability[] {
  return (Object.keys(CAPABILITIES) as Capability[]).filter((c) => can(principal, c, jurisdictionPath));
}
