import { describe, expect, it } from 'vitest';
import type { Principal, RoleGrant } from '../access.ts';
import { maySeeStats, mustSuppress, statsScope } from './access.ts';

const CITY = '/p/c/';
const K = '/p/c/k/';
const L = '/p/c/l/';
const who = (...grants: Omit<RoleGrant, 'jurisdictionId' | 'unitId'>[]): Principal => ({
  userId: 'u',
  username: 'u',
  cadreId: null,
  grants: grants.map((g) => ({ ...g, jurisdictionId: g.jurisdictionPath, unitId: null })),
});

describe('who sees the dashboards', () => {
  it('commission staff see their county in full', () => {
    const officer = who({ role: 'case_officer', jurisdictionPath: K });
    expect(statsScope(officer)).toEqual([K]);
    expect(maySeeStats(officer, L)).toBe(false);
    expect(mustSuppress(officer, K)).toBe(false);
  });

  it('the supervisor, organisation department and administrators see suppressed figures', () => {
    const supervisor = who({ role: 'supervisor', jurisdictionPath: CITY });
    expect(maySeeStats(supervisor, L)).toBe(true);
    expect(mustSuppress(supervisor, K)).toBe(true);
    expect(mustSuppress(who({ role: 'org_dept', jurisdictionPath: K }), K)).toBe(true);
    expect(mustSuppress(who({ role: 'admin', jurisdictionPath: K }), K)).toBe(true);
  });

  it('cadres and unit leaders see none; the broadest grant comes first', () => {
    expect(
      statsScope(who({ role: 'cadre', jurisdictionPath: K }, { role: 'unit_leader', jurisdictionPath: K })),
    ).toEqual([]);
    const both = who(
      { role: 'case_officer', jurisdictionPath: K },
      { role: 'supervisor', jurisdictionPath: CITY },
    );
    expect(statsScope(both)).toEqual([CITY]);
    // Commission staff of K see K in full even while the city view is suppressed for them.
    expect(mustSuppress(both, CITY)).toBe(true);
    expect(mustSuppress(both, K)).toBe(false);
  });
});
