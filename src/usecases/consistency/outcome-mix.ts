/**
 * The supervisor's view of decision consistency (DOMAIN §11.3 "auditing of exemption rates by unit";
 * 2018 Opinion: no tolerance as a 保护伞): the outcomes of the matters decided in a period under one
 * jurisdiction, by the cadre's unit, by the officer who proposed and by the leader who issued the
 * decision, each group tested against the rest of the scope (domain/consistency/shield.ts).
 */
import type { Deps } from '../../app/deps.ts';
import type { OutcomeMix, OutcomeMixQuery } from '../../contracts/consistency.ts';
import { outcomeMixCounts, type MixCountRow, type MixDimension } from '../../db/queries/consistency.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { findJurisdiction, findJurisdictionByPath } from '../../db/queries/stats.ts';
import { outcomeMixScope } from '../../domain/consistency/access.ts';
import { mixTable, SHIELD_TEST, type GroupCounts } from '../../domain/consistency/shield.ts';
import { toBeijingDate, type LocalDate } from '../../domain/calendar/local-date.ts';
import { DomainError } from '../../domain/errors.ts';
import { mustSuppress } from '../../domain/stats/access.ts';

const NONE = '(none)';

function groupsOf(rows: readonly MixCountRow[]): {
  groups: GroupCounts[];
  names: Map<string, string | null>;
} {
  const byKey = new Map<string, GroupCounts>();
  const names = new Map<string, string | null>();
  for (const r of rows) {
    const key = r.key ?? NONE;
    const g = byKey.get(key) ?? { key, exempt: 0, mitigate: 0, refuse: 0 };
    g[r.outcome] += r.n;
    byKey.set(key, g);
    names.set(key, r.name);
  }
  return { groups: [...byKey.values()], names };
}

/**
 * @throws DomainError('auth.forbidden') for a user with no supervisor or commission-leader grant;
 *   DomainError('record.not_found') for a jurisdiction outside their scope (as for a missing one);
 *   DomainError('stats.period_invalid') when the period ends before it starts.
 */
export async function outcomeMix(
  deps: Deps,
  user: UserWithGrants,
  query: OutcomeMixQuery,
): Promise<OutcomeMix> {
  const scope = outcomeMixScope(user);
  if (scope.length === 0) throw new DomainError('auth.forbidden');
  const root = query.jurisdictionId
    ? await findJurisdiction(deps.db, query.jurisdictionId)
    : await findJurisdictionByPath(deps.db, scope[0]!);
  if (!root || !scope.some((p) => root.path.startsWith(p))) throw new DomainError('record.not_found');
  const to = query.to ?? toBeijingDate(deps.clock.now());
  const from = (query.from ?? `${to.slice(0, 4)}-01-01`) as LocalDate;
  if (from > to) throw new DomainError('stats.period_invalid', { from, to }, 'from');
  const suppress = mustSuppress(user, root.path);
  const table = async (dimension: MixDimension) => {
    const { groups, names } = groupsOf(await outcomeMixCounts(deps.db, root.path, { from, to }, dimension));
    const shown = mixTable(groups, suppress);
    return {
      rows: shown.rows.map(({ key, ...row }) => ({
        id: key === NONE ? null : key,
        name: names.get(key) ?? null,
        ...row,
      })),
      total: shown.total,
    };
  };
  return {
    jurisdiction: { id: root.id, name: root.name },
    period: { from, to },
    suppressed: suppress,
    test: { ...SHIELD_TEST },
    byUnit: await table('unit'),
    byProposer: await table('proposer'),
    byDecider: await table('decider'),
  };
}
