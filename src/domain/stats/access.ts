/**
 * Who sees the dashboards, and unsuppressed or not. Aggregates name no one, so every role that works
 * on or oversees the mechanism sees them for its jurisdiction and below; cadres and unit leaders do
 * not. Only commission staff, who may read the matters themselves, see counts of 1–4 as they are.
 */
import type { Principal } from '../access.ts';
import type { Role } from '../roles.ts';

const STATS_VIEWERS: readonly Role[] = [
  'case_officer',
  'committee_member',
  'commission_leader',
  'org_dept',
  'supervisor',
  'admin',
];
const MATTER_READERS: readonly Role[] = ['case_officer', 'committee_member', 'commission_leader'];

/** Jurisdiction paths whose statistics the principal may see (broadest first, none nested). */
export function statsScope(principal: Principal): string[] {
  const paths = principal.grants.filter((g) => STATS_VIEWERS.includes(g.role)).map((g) => g.jurisdictionPath);
  return [...new Set(paths)]
    .filter((p) => !paths.some((q) => q !== p && p.startsWith(q)))
    .sort((a, b) => a.length - b.length);
}

/** True when the principal may see statistics of the jurisdiction at `path`. */
export function maySeeStats(principal: Principal, path: string): boolean {
  return statsScope(principal).some((p) => path.startsWith(p));
}

/** True when small counts must be suppressed for this principal at `path`. */
export function mustSuppress(principal: Principal, path: string): boolean {
  return !principal.grants.some(
    (g) => MATTER_READERS.includes(g.role) && path.startsWith(g.jurisdictionPath),
  );
}
