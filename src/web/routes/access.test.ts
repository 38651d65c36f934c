import { describe, expect, it } from 'vitest';
import type { Role } from '../api/types.ts';
import { menuFor, routesFor, selectedMenuPath, type RouteAccess } from './access.ts';

const ROUTES: RouteAccess[] = [
  { path: '/', roles: 'any', menu: { labelKey: 'home', group: 'main' } },
  { path: '/cadres', roles: ['admin', 'case_officer'], menu: { labelKey: 'roster', group: 'roster' } },
  { path: '/cadres/import', roles: ['admin'], menu: { labelKey: 'import', group: 'roster' } },
  { path: '/cadres/:id', roles: ['admin', 'case_officer'] },
  { path: '/admin/audit', roles: ['admin'], menu: { labelKey: 'audit', group: 'admin' } },
];

const userWith = (...roles: Role[]) => ({
  roles: roles.map((role) => ({
    role,
    jurisdiction: { id: 'j', code: 'K', name: 'K县', level: 'county' },
    unitId: null,
  })),
});

describe('route access', () => {
  it('gives a cadre only the home page', () => {
    expect(routesFor(ROUTES, userWith('cadre')).map((r) => r.path)).toEqual(['/']);
    expect(menuFor(ROUTES, userWith('cadre'))).toEqual([{ group: 'main', routes: [ROUTES[0]] }]);
  });
  it('gives an officer the roster but not import or audit', () => {
    const menu = menuFor(ROUTES, userWith('case_officer'));
    expect(menu.map((g) => [g.group, g.routes.map((r) => r.path)])).toEqual([
      ['main', ['/']],
      ['roster', ['/cadres']],
    ]);
  });
  it('unions the roles of a user holding several', () => {
    expect(routesFor(ROUTES, userWith('cadre', 'admin'))).toHaveLength(5);
  });
});

describe('selectedMenuPath', () => {
  const paths = ['/', '/cadres', '/cadres/import', '/admin/audit'];
  it('highlights the parent list for a detail page', () => {
    expect(selectedMenuPath('/cadres/42', paths)).toBe('/cadres');
  });
  it('prefers the longest match', () => {
    expect(selectedMenuPath('/cadres/import', paths)).toBe('/cadres/import');
  });
  it('matches whole segments only, and home only exactly', () => {
    expect(selectedMenuPath('/cadresx', paths)).toBeUndefined();
    expect(selectedMenuPath('/', paths)).toBe('/');
  });
});
