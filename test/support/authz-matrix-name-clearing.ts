/**
 * The HTTP authorization matrix, part 5: name clearing (澄清正名, DESIGN §3.6, DOMAIN §6). Columns as
 * in part 1: `own` is the clearing about the asker (for the unit leader, about a cadre of their unit),
 * `same` an unrelated K County one, `other` L County's, `recused` one about a cadre of 县纪委监委.
 * Being accused is what the cadre needs protecting from, so the circle is narrow: the commission
 * (a related member sees only that it exists), the cadre themself, and the organisation department
 * once the clearing is filed with it. The unit leader and the higher level see nothing; who accused
 * is the commission's alone.
 */
import { grid, wrongState, type BodyContext, type Entry } from './authz-grid.ts';
import type { NameClearingStage } from './authz-fixtures-name-clearing.ts';
import { openingBody } from './authz-fixtures-name-clearing.ts';

/** A case officer's step: a related officer must recuse; the cadre may read, not act. */
const OFFICER = grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  200   404   403
  leader      403  403   404   403
  committee1  403  403   404   403
  cadre       403  404   404    .
  unit        404  404   404    .
  orgdept     404  404   404    .
  supervisor   .   404   404    .
`);

/** The principal leader's step (approval, return, extension). */
const LEADER = grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  403   404   403
  leader      403  200   404   403
  committee1  403  403   404   403
  cadre       403  404   404    .
  unit        404  404   404    .
  orgdept     404  404   404    .
  supervisor   .   404   404    .
`);

/** The cadre's own say (consent, refusal, withdrawal), or the officer recording it for them. */
const CADRE_SIDE = grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  200   404   403
  leader      403  403   404   403
  committee1  403  403   404   403
  cadre       200  404   404    .
  unit        404  404   404    .
  orgdept     404  404   404    .
  supervisor   .   404   404    .
`);

/** Reading a filed clearing: the organisation department has its copy; the unit leader nothing. */
const READ_FILED = grid(`
              own  same other recused
  admin        .   404   404    .
  officer     200  200   404   200
  leader      200  200   404   200
  committee1  200  200   404   200
  cadre       200  404   404    .
  unit        404  404   404    .
  orgdept     200  200   404    .
  supervisor   .   404   404    .
`);

const step = (
  action: string,
  stage: NameClearingStage,
  g: typeof OFFICER,
  body: Entry['body'],
  wrong: string,
): Entry => ({
  route: `POST /api/name-clearings/:id/actions/${action}`,
  grid: g,
  target: { kind: 'matter', type: 'name_clearing', stage },
  body,
  wrongState: wrongState(wrong),
});

const consultation = (c: BodyContext) => ({ consultedVia: 'in_person', consultedOn: c.today });
const clearing = (c: BodyContext) => ({
  forms: ['written'],
  scope: 'self',
  executedOn: c.today,
  details: '送达',
});

export const NAME_CLEARING_ROUTES: Entry[] = [
  {
    route: 'GET /api/name-clearings',
    target: { kind: 'none' },
    grid: grid(`
              any
  admin       200
  officer     200
  leader      200
  committee1  200
  cadre       200
  unit        200
  orgdept     200
  supervisor  200
`),
  },
  {
    // A case officer opens a clearing about a cadre of the jurisdiction — never about themself (reads
    // like an unknown cadre) nor a colleague of their own unit (回避).
    route: 'POST /api/name-clearings',
    target: { kind: 'unit' },
    hidden: [400],
    body: (c: BodyContext) => openingBody(c.t.subjectId, c.today),
    grid: grid(`
              own  same other recused
  admin        .   403   403    .
  officer     400  201   400   403
  leader      403  403   403   403
  committee1  403  403   403   403
  cadre       403  403   403    .
  unit        403  403   403    .
  orgdept     403  403   403    .
  supervisor   .   403   403    .
`),
  },
  {
    route: 'GET /api/name-clearings/:id',
    target: { kind: 'matter', type: 'name_clearing', stage: 'nc_closed' },
    grid: READ_FILED,
  },
  {
    // The documents are more than a related member may see.
    route: 'GET /api/name-clearings/:id/documents',
    target: { kind: 'matter', type: 'name_clearing', stage: 'nc_closed' },
    grid: grid(`
              own  same other recused
  admin        .   404   404    .
  officer     404  200   404   404
  leader      404  200   404   404
  committee1  404  200   404   404
  cadre       200  404   404    .
  unit        404  404   404    .
  orgdept     200  200   404    .
  supervisor   .   404   404    .
`),
  },
  {
    // Who accused: commission staff with the full view only; the cadre and the organisation
    // department may read the clearing but not this.
    route: 'POST /api/name-clearings/:id/accuser',
    target: { kind: 'matter', type: 'name_clearing', stage: 'nc_closed' },
    grid: grid(`
              own  same other recused
  admin        .   404   404    .
  officer     404  200   404   404
  leader      404  200   404   404
  committee1  404  200   404   404
  cadre       403  404   404    .
  unit        404  404   404    .
  orgdept     403  403   404    .
  supervisor   .   404   404    .
`),
  },
  step(
    'check_triggers',
    'nc_trigger_check',
    OFFICER,
    { triggers: ['T1'], exclusions: [], analysis: '影响提拔' },
    'officer/same@nc_consulting',
  ),
  step(
    'record_consent',
    'nc_consulting',
    CADRE_SIDE,
    (c: BodyContext) => ({ forms: ['written'], scope: 'self', ...consultation(c) }),
    'cadre/own@nc_awaiting_leader',
  ),
  step('decline', 'nc_consulting', CADRE_SIDE, consultation, 'cadre/own@nc_awaiting_leader'),
  // The wrong "state" is the guard: no consent on record yet.
  step(
    'submit_for_approval',
    'nc_consented',
    OFFICER,
    { forms: ['written'], scope: 'self', arrangements: '书面送达' },
    'officer/same@nc_consulting',
  ),
  step('withdraw_consent', 'nc_awaiting_leader', CADRE_SIDE, consultation, 'cadre/own@nc_consulting'),
  step('approve', 'nc_awaiting_leader', LEADER, {}, 'leader/same@nc_executing'),
  step('return_plan', 'nc_awaiting_leader', LEADER, { reasons: '方案不具体' }, 'leader/same@nc_consulting'),
  step(
    'extend_deadline',
    'nc_trigger_check',
    LEADER,
    { amount: 5, reason: '本人外出' },
    'leader/same@nc_cleared',
  ),
  step('execute', 'nc_executing', OFFICER, clearing, 'officer/same@nc_awaiting_leader'),
  step(
    'handle_accuser',
    'nc_cleared',
    OFFICER,
    { classification: 'mistaken', reasons: '误解所致' },
    'officer/same@nc_executing',
  ),
  step(
    'order_correction',
    'nc_cleared',
    OFFICER,
    { route: 'recommend', wrongHandling: '暂缓提拔', recommendTo: '县委组织部', recommendation: '恢复考察' },
    'officer/same@nc_executing',
  ),
  step('archive', 'nc_cleared', OFFICER, {}, 'officer/same@nc_not_cleared'),
  step('close', 'nc_not_cleared', OFFICER, {}, 'officer/same@nc_cleared'),
];
