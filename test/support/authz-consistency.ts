/**
 * The HTTP authorization matrix, consistency (认定尺度统一, issue 8 item 5): the similar decided
 * matters beside a determination are for those who read the matter in full — the commission, and
 * the higher level on what was filed with it; the outcome mix by unit and decision-maker is the
 * supervisor's view and the commission leader's over their own county (it names commission staff,
 * so it is not for every dashboard reader). Both answer like the matter or jurisdiction they address:
 * out of scope is 404, without the view 403.
 */
import { grid, type Entry } from './authz-grid.ts';

export const CONSISTENCY_ROUTES: Entry[] = [
  {
    route: 'GET /api/matters/:id/similar',
    target: { kind: 'matter', stage: 'filed' },
    grid: grid(`
              own  same other recused
  admin        .   404   404    .
  officer     404  200   404   404
  leader      404  200   404   404
  committee1  404  200   404   404
  cadre       404  404   404    .
  unit        404  404   404    .
  orgdept     404  404   404    .
  supervisor   .   200   200    .
`),
  },
  {
    route: 'GET /api/stats/consistency',
    target: { kind: 'jurisdiction' },
    query: (c) => ({ jurisdictionId: c.t.jurisdictionId }),
    grid: grid(`
              same other
  admin       403   403
  officer     403   403
  leader      200   404
  committee1  403   403
  cadre       403   403
  unit        403   403
  orgdept     403   403
  supervisor  200   200
`),
  },
];
