/**
 * The HTTP authorization matrix, part 3: error correction (纠错, DESIGN §3.5) and pre-registration
 * (事前报备, §3.8). Columns as in part 1: `own` is the correction about the asker (or ordered to their
 * unit) and the filing they made; commission members, who hold no cadre role, file nothing.
 * Visibility follows DESIGN §2 as for tolerance: the organisation department reads outcomes only
 * (a correction until closed, a filing never), the supervisor what is filed with it (neither is).
 */
import { grid, wrongState, type BodyContext, type Entry } from './authz-grid.ts';
import { LEADER_STEP, OFFICER_STEP } from './authz-grids.ts';
import { filingBody } from './authz-fixtures-more.ts';
import type { AnyStage } from './authz-fixtures.ts';

/** The rectifying side: the cadre concerned, the leader of the responsible unit, or the officer recording a report. */
const REPORTER_STEP = grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  200   404   403
  leader      403  403   404   403
  committee1  403  403   404   403
  cadre       200  404   404    .
  unit        200  404   404    .
  orgdept     404  404   404    .
  supervisor   .   404   404    .
`);

/** The filer: the cadre on their own initiative, the unit leader on the unit's. */
const FILER_STEP = grid(`
              own  same other recused
  admin        .   404   404    .
  officer      .   403   404   403
  leader       .   403   404   403
  committee1   .   403   404   403
  cadre       200  404   404    .
  unit        200  404   404    .
  orgdept      .   404   404    .
  supervisor   .   404   404    .
`);

/** The first review of a filing: a case officer unrelated to the filer. */
const REVIEW_STEP = grid(`
              own  same other recused
  admin        .   404   404    .
  officer      .   200   404   403
  leader       .   403   404   403
  committee1   .   403   404   403
  cadre       403  404   404    .
  unit        403  404   404    .
  orgdept      .   404   404    .
  supervisor   .   404   404    .
`);

const correctionStep = (
  action: string,
  stage: AnyStage,
  g: typeof OFFICER_STEP,
  body: Entry['body'],
  wrong: string,
): Entry => ({
  route: `POST /api/corrections/:id/actions/${action}`,
  grid: g,
  target: { kind: 'matter', type: 'correction', stage },
  body,
  wrongState: wrongState(wrong),
});

export const CORRECTION_ROUTES: Entry[] = [
  {
    // A case officer orders the unit to correct; never their own unit (回避); outside their
    // jurisdiction the unit reads as unknown (400 correction.unit_unknown, like a missing one).
    route: 'POST /api/corrections',
    target: { kind: 'unit' },
    hidden: [400],
    body: (c: BodyContext) => ({
      title: '矩阵纠错',
      problem: '资金拨付不规范',
      responsibleUnitId: c.t.id,
      responsiblePerson: '负责人',
      subjectCadreId: c.t.subjectId,
      measures: '完善流程',
      deadlineWorkingDays: 20,
    }),
    grid: grid(`
              own  same other recused
  admin        .   403   403    .
  officer     403  201   400   403
  leader      403  403   403   403
  committee1  403  403   403   403
  cadre       403  403   403    .
  unit        403  403   403    .
  orgdept     403  403   403    .
  supervisor   .   403   403    .
`),
  },
  {
    route: 'GET /api/corrections/:id',
    target: { kind: 'matter', type: 'correction', stage: 'observing' },
    grid: grid(`
              own  same other recused
  admin        .   404   404    .
  officer     200  200   404   200
  leader      200  200   404   200
  committee1  200  200   404   200
  cadre       200  404   404    .
  unit        200  404   404    .
  orgdept     404  404   404    .
  supervisor   .   404   404    .
`),
  },
  correctionStep(
    'report_progress',
    'rectifying',
    REPORTER_STEP,
    { progress: '已完成一半' },
    'officer/same@awaiting_acceptance',
  ),
  correctionStep(
    'report_completion',
    'rectifying',
    REPORTER_STEP,
    { report: '已完成整改' },
    'cadre/own@awaiting_acceptance',
  ),
  correctionStep(
    'accept_rectification',
    'evidenced',
    OFFICER_STEP,
    { findings: '整改到位' },
    'officer/same@rectifying',
  ),
  correctionStep(
    'reject_rectification',
    'awaiting_acceptance',
    OFFICER_STEP,
    { reasons: '佐证不足' },
    'officer/same@rectifying',
  ),
  // The wrong "state" is the guard: the rectification period has not run out.
  correctionStep('escalate', 'overdue', OFFICER_STEP, {}, 'officer/same@rectifying'),
  correctionStep(
    'record_refusal',
    'rectifying',
    OFFICER_STEP,
    { facts: '拒不整改' },
    'officer/same@awaiting_acceptance',
  ),
  correctionStep(
    'reorder',
    'escalated',
    LEADER_STEP,
    { deadlineWorkingDays: 10, instructions: '限期整改' },
    'leader/same@rectifying',
  ),
  correctionStep('terminate', 'escalated', LEADER_STEP, { reason: '已无整改必要' }, 'leader/same@rectifying'),
  // The wrong "state" is the guard: the look-back period has not passed.
  correctionStep(
    'look_back',
    'look_back_due',
    OFFICER_STEP,
    { result: 'sustained', findings: '成效巩固' },
    'officer/same@observing',
  ),
  correctionStep('close', 'looked_back', OFFICER_STEP, {}, 'officer/same@observing'),
  {
    route: 'POST /api/corrections/:id/evidence',
    form: 'evidence',
    target: { kind: 'matter', type: 'correction', stage: 'rectifying' },
    wrongState: { who: 'officer', relation: 'same', stage: 'escalated' },
    grid: grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  201   404   403
  leader      403  403   404   403
  committee1  403  403   404   403
  cadre       201  404   404    .
  unit        201  404   404    .
  orgdept     404  404   404    .
  supervisor   .   404   404    .
`),
  },
];

const filingStep = (
  action: string,
  stage: AnyStage,
  g: typeof FILER_STEP,
  body: Entry['body'],
  wrong: string,
): Entry => ({
  route: `POST /api/pre-registrations/:id/actions/${action}`,
  grid: g,
  target: { kind: 'matter', type: 'pre_registration', stage },
  body,
  wrongState: wrongState(wrong),
});

export const PRE_REGISTRATION_ROUTES: Entry[] = [
  {
    // A cadre files their own initiative, a unit leader the unit's; any other unit reads as unknown.
    route: 'POST /api/pre-registrations',
    target: { kind: 'unit' },
    hidden: [400],
    body: (c: BodyContext) =>
      filingBody(
        c.today,
        c.who === 'cadre' && c.relation === 'own'
          ? { route: 'own_filing' }
          : { route: 'unit_filing', unitId: c.t.id },
      ),
    grid: grid(`
              own  same other recused
  admin        .   400   400    .
  officer     400  400   400   400
  leader      400  400   400   400
  committee1  400  400   400   400
  cadre       201  400   400    .
  unit        201  400   400    .
  orgdept     400  400   400    .
  supervisor   .   400   400    .
`),
  },
  {
    route: 'GET /api/pre-registrations/:id',
    target: { kind: 'matter', type: 'pre_registration', stage: 'acknowledged' },
    grid: grid(`
              own  same other recused
  admin        .   404   404    .
  officer      .   200   404   200
  leader       .   200   404   200
  committee1   .   200   404   200
  cadre       200  404   404    .
  unit        200  404   404    .
  orgdept      .   404   404    .
  supervisor   .   404   404    .
`),
  },
  filingStep('revise', 'returned', FILER_STEP, { title: '修改后的标题' }, 'cadre/own@filed'),
  // A draft is the filer's own until filed.
  filingStep(
    'submit',
    'filing_draft',
    grid(`
              own  same other recused
  admin        .   404   404    .
  officer      .   404   404   404
  leader       .   404   404   404
  committee1   .   404   404   404
  cadre       200  404   404    .
  unit        200  404   404    .
  orgdept      .   404   404    .
  supervisor   .   404   404    .
`),
    {},
    'cadre/own@filed',
  ),
  filingStep('acknowledge', 'filed', REVIEW_STEP, { opinion: '予以备案' }, 'officer/same@returned'),
  filingStep('return_filing', 'filed', REVIEW_STEP, { reasons: '材料不全' }, 'officer/same@returned'),
  filingStep('withdraw', 'filed', FILER_STEP, { reason: '不再实施' }, 'cadre/own@acknowledged'),
  {
    route: 'POST /api/pre-registrations/:id/attachments',
    form: 'evidence',
    target: { kind: 'matter', type: 'pre_registration', stage: 'filed' },
    wrongState: { who: 'officer', relation: 'same', stage: 'acknowledged' },
    grid: grid(`
              own  same other recused
  admin        .   404   404    .
  officer      .   201   404   403
  leader       .   403   404   403
  committee1   .   403   404   403
  cadre       201  404   404    .
  unit        201  404   404    .
  orgdept      .   404   404    .
  supervisor   .   404   404    .
`),
  },
];
