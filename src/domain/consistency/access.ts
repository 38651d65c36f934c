/**
 * Who sees what of the consistency checks.
 * - Similar decided matters are drawn from the jurisdictions where the viewer works on or oversees
 *   determinations (commission staff and the higher level); published typical cases come from
 *   anywhere. A neighbour is named (number, title, cadre, unit) only when the viewer may read that
 *   matter itself (domain/matters/access.ts); otherwise it shows its outcome, year and county only.
 * - The outcome mix by unit and by decision-maker is the supervisor's view (and the commission
 *   leader's, over their own commission): it names commission staff, so it is not for everyone who
 *   sees the dashboards.
 */
import type { Principal } from '../access.ts';
import type { Role } from '../roles.ts';

export const SIMILAR_POOL_ROLES: readonly Role[] = [
  'case_officer',
  'committee_member',
  'commission_leader',
  'supervisor',
];
export const OUTCOME_MIX_ROLES: readonly Role[] = ['supervisor', 'commission_leader'];

function broadest(paths: string[]): string[] {
  return [...new Set(paths)]
    .filter((p) => !paths.some((q) => q !== p && p.startsWith(q)))
    .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
}

/** Jurisdiction paths whose decided matters may appear beside the viewer's determinations. */
export function similarPoolScope(principal: Principal): string[] {
  return broadest(
    principal.grants.filter((g) => SIMILAR_POOL_ROLES.includes(g.role)).map((g) => g.jurisdictionPath),
  );
}

/** Jurisdiction paths whose outcome mix the principal may see (broadest first, none nested). */
export function outcomeMixScope(principal: Principal): string[] {
  return broadest(
    principal.grants.filter((g) => OUTCOME_MIX_ROLES.includes(g.role)).map((g) => g.jurisdictionPath),
  );
}

/**
 * How a neighbour outside the viewer's scope names its place: the province and the kind of place
 * only (示范省某县), never the county, the township or anyone in it.
 */
export function generalisedPlace(
  provinceName: string,
  level: 'province' | 'city' | 'county' | 'township',
): string {
  const kind = { province: '', city: '某市', county: '某县', township: '某乡镇' }[level];
  return `${provinceName}${kind}`;
}
