import { describe, expect, it } from 'vitest';
import type { Principal, RoleGrant } from '../access.ts';
import type { Role } from '../roles.ts';
import { accuserVisible, nameClearingAccess, type NameClearingFacts } from './access.ts';
import type { NameClearingState } from './procedure.ts';

const K = '/s/s01/k/';
const L = '/s/s01/l/';
const grant = (role: Role, path = K, unitId: string | null = null): RoleGrant => ({
  role,
  jurisdictionId: path,
  jurisdictionPath: path,
  unitId,
});
const who = (grants: RoleGrant[], cadreId: string | null = null): Principal => ({
  userId: 'u',
  username: 'u',
  cadreId,
  grants,
});
const facts = (status: NameClearingState = 'consulting'): NameClearingFacts => ({
  jurisdictionPath: `${K}k01/`,
  subjectCadreId: 'zhang',
  subjectUnitId: 'town',
  status,
});
const viewOf = (p: Principal, status?: NameClearingState, viewerUnitId: string | null = null) =>
  nameClearingAccess(p, facts(status), { viewerUnitId, declaredConflict: false }).view;

describe('who sees a name clearing', () => {
  it('shows the commission of the jurisdiction everything, a related member only that it exists', () => {
    for (const role of ['case_officer', 'committee_member', 'commission_leader'] as const) {
      expect(viewOf(who([grant(role)]))).toBe('full');
      expect(viewOf(who([grant(role)]), 'consulting', 'town')).toBe('limited');
      expect(viewOf(who([grant(role, L)]))).toBeNull();
    }
  });

  it('shows the cadre their own clearing, and no other', () => {
    expect(viewOf(who([grant('cadre')], 'zhang'))).toBe('party');
    expect(viewOf(who([grant('cadre')], 'li'))).toBeNull();
  });

  it('hides it from the cadre’s unit leader and from the higher level', () => {
    expect(viewOf(who([grant('unit_leader', K, 'town')], 'li'), 'awaiting_leader')).toBeNull();
    expect(viewOf(who([grant('supervisor', '/s/s01/')]), 'awaiting_leader')).toBeNull();
    expect(viewOf(who([grant('admin')]))).toBeNull();
  });

  it('shows the organisation department the outcome once cleared and filed, never an unfinished or uncleared one', () => {
    const orgDept = who([grant('org_dept')]);
    expect(viewOf(orgDept, 'closed')).toBe('outcome');
    for (const status of ['trigger_check', 'executing', 'cleared', 'not_cleared', 'ended'] as const)
      expect(viewOf(orgDept, status)).toBeNull();
  });

  it('keeps the accuser to the commission staff with the full view', () => {
    expect(accuserVisible('full')).toBe(true);
    for (const view of ['party', 'outcome', 'limited', null] as const)
      expect(accuserVisible(view)).toBe(false);
  });

  it('gives the subject cadre the relation the table’s consent steps look for', () => {
    const access = nameClearingAccess(who([grant('cadre')], 'zhang'), facts(), {
      viewerUnitId: 'town',
      declaredConflict: false,
    });
    expect(access.actor).toEqual({
      roles: ['cadre'],
      relation: expect.objectContaining({ isSubject: true, isApplicant: false, sameUnitAsSubject: true }),
    });
  });
});
