/**
 * The HTTP authorization matrix, part 2: sign-in, roster, imports, audit, statistics,
 * administration, policies, calendar, public verification and the API documentation. Columns as in
 * part 1 (authz-matrix.ts); for the roster `own` is the user's own cadre record, for administration
 * their own account, and for jurisdiction-filtered routes `same` is K County, `other` L County.
 */
import { EXEMPT_FACTS } from './tolerance-flow.ts';
import { grid, type Entry, type BodyContext } from './authz-grid.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/load-demo.ts';

/** Open to anyone, signed in or not. */
const PUBLIC = grid(`
              any
  anonymous   200
  admin       200
  officer     200
  leader      200
  committee1  200
  cadre       200
  unit        200
  orgdept     200
  supervisor  200
`);

/** Open to every signed-in user (no personal data). */
const SIGNED_IN = grid(`
              any
  admin       200
  officer     200
  leader      200
  committee1  200
  cadre       200
  unit        200
  orgdept     200
  supervisor  200
`);

/** System administration (DESIGN §2: users, roles, units, calendar). */
const ADMIN_ONLY = grid(`
              any
  admin       200
  officer     403
  leader      403
  committee1  403
  cadre       403
  unit        403
  orgdept     403
  supervisor  403
`);

/** Roster lists: every role that works with cadres' records; cadres and unit leaders do not. */
const ROSTER_LIST = grid(`
              same other
  admin       200   200
  officer     200   200
  leader      200   200
  committee1  200   200
  cadre       403   403
  unit        403   403
  orgdept     200   200
  supervisor  200   200
`);

/** Dashboards of a jurisdiction: aggregates for the commission, organisation department, supervisor, admin. */
const STATS = grid(`
              same other
  admin       200   404
  officer     200   404
  leader      200   404
  committee1  200   404
  cadre       403   403
  unit        403   403
  orgdept     200   404
  supervisor  200   200
`);

/** One account, for its administrator only (within the admin's jurisdiction). */
const account = (own: number, same: number) =>
  grid(`
              own  same other
  admin       ${own}   ${same}   404
  officer     403  403   403
  leader      403  403   403
  committee1  403  403   403
  cadre       403  403   403
  unit        403  403   403
  orgdept     403  403   403
  supervisor  403  403   403
`);

/** Creating something in a jurisdiction: outside the admin's, it reads like an unknown jurisdiction. */
const CREATE_IN = grid(`
              same other
  admin       201   400
  officer     403   403
  leader      403   403
  committee1  403   403
  cadre       403   403
  unit        403   403
  orgdept     403   403
  supervisor  403   403
`);

const none = { kind: 'none' } as const;
const SCHEDULE_2031 = {
  year: 2031,
  holidays: [{ name: '元旦', nameEn: "New Year's Day", days: ['2031-01-01'] }],
  makeupWorkdays: [],
};

export const SYSTEM_ROUTES: Entry[] = [
  { route: 'GET /api/health', target: none, grid: PUBLIC },
  { route: 'GET /api/openapi.json', target: none, grid: PUBLIC },
  // The API's documentation is public like the OpenAPI document it shows.
  ...[
    'GET /api/docs',
    'GET /api/docs/json',
    'GET /api/docs/yaml',
    'GET /api/docs/static/swagger-initializer.js',
  ].map((route): Entry => ({ route, target: none, grid: PUBLIC })),
  { route: 'GET /api/docs/static/*', target: none, grid: PUBLIC, params: { '*': 'swagger-ui.css' } },
  { route: 'GET /api/docs/static/index.html', target: none, grid: grid(PUBLIC_REDIRECT()) },
  // Signing in (as oneself; anonymous as the cadre) is open to all; a made-up challenge is refused.
  {
    route: 'POST /api/auth/login',
    target: none,
    grid: PUBLIC,
    body: (c) => ({ username: c.who === 'anonymous' ? 'cadre' : c.who, password: DEMO_PASSWORD }),
  },
  {
    route: 'POST /api/auth/login/2fa',
    target: none,
    grid: grid(ALL('401')),
    body: { challenge: 'no-such-challenge', token: '123456' },
  },
  { route: 'POST /api/auth/2fa/setup', target: none, grid: SIGNED_IN },
  // Any signed-in user may enrol; a wrong code is refused (400) once the set-up has started.
  {
    route: 'POST /api/auth/2fa/confirm',
    target: none,
    grid: grid(SIGNED_IN_ALL('400')),
    body: { token: '000000' },
    before: { route: 'POST /api/auth/2fa/setup' },
  },
  { route: 'POST /api/auth/logout-all', target: none, grid: grid(SIGNED_IN_ALL('204')), endsSession: true },
  { route: 'POST /api/auth/logout', target: none, grid: grid(SIGNED_IN_ALL('204')), endsSession: true },
  { route: 'GET /api/auth/me', target: none, grid: SIGNED_IN },
  { route: 'GET /api/jurisdictions', target: none, grid: SIGNED_IN },
  { route: 'GET /api/matters', target: none, grid: SIGNED_IN },
  {
    route: 'GET /api/units',
    target: { kind: 'jurisdiction' },
    grid: ROSTER_LIST,
    query: (c) => ({ jurisdictionId: c.t.jurisdictionId }),
  },
  {
    route: 'GET /api/cadres',
    target: { kind: 'jurisdiction' },
    grid: ROSTER_LIST,
    query: (c) => ({ jurisdictionId: c.t.jurisdictionId }),
  },
  {
    // Exports are for those who use the roster for work; a committee member only reads it.
    route: 'GET /api/cadres/export.xlsx',
    target: { kind: 'jurisdiction' },
    query: (c) => ({ jurisdictionId: c.t.jurisdictionId }),
    grid: grid(`
              same other
  admin       200   200
  officer     200   200
  leader      200   200
  committee1  403   403
  cadre       403   403
  unit        403   403
  orgdept     200   200
  supervisor  200   200
`),
  },
  {
    // No roster role at all is refused whatever the id (so it tells nothing about it).
    route: 'GET /api/cadres/:id',
    target: { kind: 'cadre' },
    grid: grid(`
              own  same other
  admin        .   200   404
  officer     200  200   404
  leader      200  200   404
  committee1  200  200   404
  cadre       403  403   403
  unit        403  403   403
  orgdept     200  200   404
  supervisor   .   200   200
`),
  },
  {
    // Revealing an ID number is role-restricted: a committee member and the supervisor may read
    // the record but not reveal; for cadres and unit leaders no cadre record exists (404).
    route: 'POST /api/cadres/:id/reveal',
    target: { kind: 'cadre' },
    body: { field: 'idNumber' },
    grid: grid(`
              own  same other
  admin        .   200   404
  officer     200  200   404
  leader      200  200   404
  committee1  403  403   404
  cadre       404  404   404
  unit        404  404   404
  orgdept     200  200   404
  supervisor   .   403   403
`),
  },
  {
    route: 'POST /api/imports/cadres',
    target: { kind: 'jurisdiction' },
    form: 'roster',
    query: (c) => ({ dryRun: 'true', jurisdictionId: c.t.jurisdictionId }),
    grid: grid(`
              same other
  admin       200   404
  officer     403   403
  leader      403   403
  committee1  403   403
  cadre       403   403
  unit        403   403
  orgdept     200   404
  supervisor  403   403
`),
  },
  { route: 'GET /api/imports/cadres/template.xlsx', target: none, grid: grid(IMPORTERS()) },
  { route: 'GET /api/audit/events', target: none, grid: ADMIN_ONLY },
  {
    route: 'GET /api/stats/overview',
    target: { kind: 'jurisdiction' },
    grid: STATS,
    query: (c) => ({ jurisdictionId: c.t.jurisdictionId }),
  },
  {
    route: 'GET /api/stats/counties',
    target: { kind: 'jurisdiction' },
    grid: STATS,
    query: (c) => ({ jurisdictionId: c.t.jurisdictionId }),
  },
  // 实施力度评价: the same viewers as the dashboards, within their own jurisdictions only.
  {
    route: 'GET /api/stats/scorecard',
    target: { kind: 'jurisdiction' },
    grid: STATS,
    query: (c) => ({ scope: c.t.jurisdictionId }),
  },
  {
    route: 'GET /api/stats/scorecard.xlsx',
    target: { kind: 'jurisdiction' },
    grid: STATS,
    query: (c) => ({ scope: c.t.jurisdictionId }),
  },
  // Weights are set by the higher level (or an administrator) for a city or province: K and L are
  // counties (400 for those who may set weights there), and K's administrator cannot reach L.
  {
    route: 'POST /api/stats/scorecard/weights',
    target: { kind: 'jurisdiction' },
    body: (c: BodyContext) => ({
      jurisdictionId: c.t.jurisdictionId,
      effectiveFrom: '2026-01-01',
      weights: { overdueShare: 1 },
      reason: '矩阵',
    }),
    grid: grid(`
              same other
  admin       400   404
  officer     403   403
  leader      403   403
  committee1  403   403
  cadre       403   403
  unit        403   403
  orgdept     403   403
  supervisor  400   400
`),
  },
  { route: 'GET /api/admin/users', target: none, grid: ADMIN_ONLY },
  { route: 'GET /api/admin/users/:id', target: { kind: 'account' }, grid: account(200, 200) },
  {
    route: 'POST /api/admin/users',
    target: { kind: 'jurisdiction' },
    hidden: [400],
    grid: CREATE_IN,
    body: (c: BodyContext) => ({
      username: `matrix-${c.serial}`,
      displayName: '矩阵账号',
      password: DEMO_PASSWORD,
      roles: [{ role: 'cadre', jurisdictionId: c.t.jurisdictionId }],
    }),
  },
  // Resetting one's own password ends one's own sessions too.
  {
    route: 'POST /api/admin/users/:id/reset-password',
    target: { kind: 'account' },
    grid: account(200, 200),
    body: { password: DEMO_PASSWORD },
    endsSession: true,
  },
  // Never oneself: no administrator locks themself out (409).
  { route: 'POST /api/admin/users/:id/disable', target: { kind: 'account' }, grid: account(409, 200) },
  // Granting oneself a cadre role changes nothing the matrix asks afterwards (no cadre record).
  {
    route: 'POST /api/admin/users/:id/roles',
    target: { kind: 'account' },
    grid: account(201, 201),
    body: (c: BodyContext) => ({
      role: c.relation === 'own' ? 'cadre' : 'supervisor',
      jurisdictionId: c.t.jurisdictionId,
    }),
  },
  {
    route: 'DELETE /api/admin/users/:id/roles/:assignmentId',
    target: { kind: 'account' },
    grid: account(409, 200),
  },
  {
    route: 'POST /api/admin/units',
    target: { kind: 'jurisdiction' },
    hidden: [400],
    grid: CREATE_IN,
    body: (c: BodyContext) => ({
      code: `MX-${c.serial}`,
      name: `矩阵单位${c.serial}`,
      kind: 'other',
      jurisdictionId: c.t.jurisdictionId,
    }),
  },
  // Policies are rule data, no personal data: every signed-in user reads and evaluates.
  {
    route: 'POST /api/policy/evaluate',
    target: none,
    grid: SIGNED_IN,
    body: { ...EXEMPT_FACTS, route: 'own_application', jurisdiction: 'K' },
  },
  { route: 'GET /api/policies', target: none, grid: SIGNED_IN },
  {
    route: 'GET /api/policies/:id/diff',
    target: none,
    grid: SIGNED_IN,
    params: { id: 'k-county' },
    query: () => ({ from: '2019-06-01', to: '2024-01-01' }),
  },
  {
    route: 'GET /api/policies/:id/:version',
    target: none,
    grid: SIGNED_IN,
    params: { id: 'k-county', version: '2024-01-01' },
  },
  { route: 'GET /api/calendar/years', target: none, grid: SIGNED_IN },
  { route: 'GET /api/calendar/years/:year', target: none, grid: SIGNED_IN, params: { year: '2026' } },
  // The working-day calendar is one for the installation: any administrator enters it.
  {
    route: 'PUT /api/calendar/years/:year',
    target: none,
    grid: ADMIN_ONLY,
    params: { year: '2031' },
    body: SCHEDULE_2031,
  },
  {
    route: 'GET /api/calendar/deadline',
    target: none,
    grid: SIGNED_IN,
    query: () => ({ from: '2026-03-02', amount: '5' }),
  },
  // Public verification of a document (rate-limited per address; the matrix stays under the limit).
  {
    route: 'GET /api/verify',
    target: { kind: 'matter', stage: 'filed' },
    grid: PUBLIC_MATTER(),
    query: (c) => ({ code: c.t.documentCode }),
  },
  { route: 'POST /api/verify', target: none, grid: PUBLIC, form: 'document' },
];

/** Every asker, anonymous included, gets `status`. */
function ALL(status: string): string {
  return `any\n${['anonymous', 'admin', 'officer', 'leader', 'committee1', 'cadre', 'unit', 'orgdept', 'supervisor'].map((w) => `${w} ${status}`).join('\n')}`;
}

/** Every signed-in asker gets `status` (anonymous 401). */
function SIGNED_IN_ALL(status: string): string {
  return ALL(status).replace(/\nanonymous \d+/, '');
}

/** The old address of the documentation page redirects to it, for everyone. */
function PUBLIC_REDIRECT(): string {
  return ALL('302');
}

/** Importers: administrators and the organisation department. */
function IMPORTERS(): string {
  return `any\nadmin 200\nofficer 403\nleader 403\ncommittee1 403\ncadre 403\nunit 403\norgdept 200\nsupervisor 403`;
}

/** Public, addressed by a document of K County's matter. */
function PUBLIC_MATTER(): ReturnType<typeof grid> {
  return grid(ALL('200').replace('any', 'same'));
}
