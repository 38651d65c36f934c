/**
 * The HTTP authorization matrix, part 1: every tolerance route × every role × how the asker stands
 * to the matter. Written from DESIGN §2 ("scoped to a jurisdiction … a cadre sees only their own
 * matters … nobody may act on a matter in which they are the subject, the applicant, or from the
 * same unit"), §4 ("a forbidden or out-of-scope record answers exactly as a missing one") and the
 * procedure table of DOMAIN §4 (who takes which step) — not recorded from the server.
 *
 * How to read a grid: rows are the demo users (their roles in DESIGN §2; leader is commission
 * leader and committee member; supervisor is the city commission, whose jurisdiction includes L
 * County), columns the matter the request addresses: `own` (about or filed by them: 张明's own
 * application for cadre, 李华's unit application for unit, a matter about the user for officer,
 * leader, committee1, orgdept), `same` (an unrelated K County matter: 张明's for everyone but the
 * cadre, who gets the unit's), `other` (an L County matter), `recused` (about a cadre of 县纪委监委,
 * the commission members' own unit). The matter is in a state the step starts from.
 * 404 = hidden exactly like a missing id; 403 = may see the matter, may not take the step.
 */
import { EXEMPT_FACTS } from './tolerance-flow.ts';
import { grid, wrongState, type Entry, type BodyContext } from './authz-grid.ts';
import {
  APPLICANT_STEP,
  APPROVAL,
  LEADER_STEP,
  OFFICER_STEP,
  OFFICER_STEP_DECIDED,
  SUBJECT_STEP,
  SUBMIT,
} from './authz-grids.ts';
import { CORRECTION_ROUTES, PRE_REGISTRATION_ROUTES } from './authz-matrix-more.ts';
import type { Stage } from './authz-fixtures.ts';
import { SYSTEM_ROUTES } from './authz-matrix-system.ts';
import { FOLLOW_UP_ROUTES } from './authz-matrix-follow-up.ts';
import { NAME_CLEARING_ROUTES } from './authz-matrix-name-clearing.ts';
import { CASE_LIBRARY_ROUTES } from './authz-case-library.ts';
import { CONSISTENCY_ROUTES } from './authz-consistency.ts';
import { OUTCOME_ROUTES } from './authz-outcomes.ts';

const step = (
  action: string,
  stage: Stage,
  g: typeof OFFICER_STEP,
  body: Entry['body'],
  wrong: string,
): Entry => ({
  route: `POST /api/matters/:id/actions/${action}`,
  grid: g,
  target: { kind: 'matter', stage },
  body,
  wrongState: wrongState(wrong),
});
const K_MEMBERS = ['leader', 'committee1', 'committee2', 'committee3'];

export const MATTER_ROUTES: Entry[] = [
  step('submit', 'draft', SUBMIT, {}, 'cadre/own@submitted'),
  step(
    'request_supplement',
    'submitted',
    OFFICER_STEP,
    { items: '请补充会议纪要' },
    'officer/same@verifying',
  ),
  step(
    'supplement',
    'awaiting_supplement',
    APPLICANT_STEP,
    { note: '已补充会议纪要' },
    'cadre/own@submitted',
  ),
  step('accept', 'submitted', OFFICER_STEP, {}, 'officer/same@verifying'),
  step(
    'refuse_acceptance',
    'submitted',
    OFFICER_STEP,
    { reasons: '不属于受理范围' },
    'officer/same@verifying',
  ),
  step(
    'add_task',
    'verifying',
    OFFICER_STEP,
    { kind: 'interview', description: '约谈' },
    'officer/same@submitted',
  ),
  step(
    'complete_task',
    'verifying_task',
    OFFICER_STEP,
    (c: BodyContext) => ({ taskId: c.t.taskId, result: '已约谈' }),
    'officer/same@awaiting_decision',
  ),
  step(
    'record_unit_opinion',
    'verifying',
    grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  200   404   403
  leader      403  403   404   403
  committee1  403  403   404   403
  cadre       403  404   404    .
  unit        200  404   404    .
  orgdept     404  404   404    .
  supervisor   .   404   404    .
`),
    { stance: 'support', opinion: '单位支持容错' },
    'unit/own@submitted',
  ),
  step(
    'extend_verification',
    'verifying',
    LEADER_STEP,
    { reason: '需调取外省资料' },
    'leader/same@submitted',
  ),
  step(
    'record_facts',
    'verifying',
    OFFICER_STEP,
    { facts: EXEMPT_FACTS, findings: '经核实无私利' },
    'officer/same@submitted',
  ),
  // The wrong "state" here is the guard: no facts recorded yet.
  step(
    'propose',
    'verifying_facts',
    OFFICER_STEP,
    { outcome: 'exempt', analysis: '探索性失误' },
    'officer/same@verifying',
  ),
  step(
    'return_for_verification',
    'awaiting_decision',
    LEADER_STEP,
    { reason: '资金来源需补充核实' },
    'leader/same@verifying',
  ),
  step(
    'convene_meeting',
    'awaiting_decision',
    grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  200   404   403
  leader      403  200   404   403
  committee1  403  403   404   403
  cadre       403  404   404    .
  unit        403  404   404    .
  orgdept     404  404   404    .
  supervisor   .   404   404    .
`),
    (c: BodyContext) => ({ heldOn: c.today, present: K_MEMBERS.map(c.userId) }),
    'officer/same@verifying',
  ),
  // A related member must still be able to declare the conflict (recusal does not apply to it).
  step(
    'declare_conflict',
    'verifying',
    grid(`
              own  same other recused
  admin        .   404   404    .
  officer     200  200   404   200
  leader      200  200   404   200
  committee1  200  200   404   200
  cadre       403  404   404    .
  unit        403  404   404    .
  orgdept     404  404   404    .
  supervisor   .   404   404    .
`),
    { reason: '与当事人系亲属' },
    'officer/same@decided',
  ),
  step(
    'cast_vote',
    'deliberating',
    grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  403   404   403
  leader      403  200   404   403
  committee1  403  200   404   403
  cadre       403  404   404    .
  unit        403  404   404    .
  orgdept     404  404   404    .
  supervisor   .   404   404    .
`),
    { vote: 'exempt', opinion: '同意' },
    'committee1/same@awaiting_decision',
  ),
  step(
    'decide',
    'deliberating_voted',
    LEADER_STEP,
    { minutes: '同意予以容错免责' },
    'leader/same@awaiting_decision',
  ),
  step('approve', 'awaiting_approval', APPROVAL, { note: '同意' }, 'supervisor/same@filed'),
  step('reject_approval', 'awaiting_approval', APPROVAL, { reason: '需补充说明' }, 'supervisor/same@filed'),
  step('notify', 'decided', OFFICER_STEP_DECIDED, {}, 'officer/same@notified'),
  step('acknowledge_receipt', 'notified', SUBJECT_STEP, {}, 'cadre/own@received'),
  step(
    'record_delivery',
    'notified',
    OFFICER_STEP_DECIDED,
    (c: BodyContext) => ({ deliveredOn: c.today, method: 'in_person' }),
    'officer/same@received',
  ),
  step('publicize', 'received', OFFICER_STEP_DECIDED, { scope: '在单位内部公示' }, 'officer/same@decided'),
  step('file_with_higher', 'received', OFFICER_STEP_DECIDED, {}, 'officer/same@filed'),
  step(
    'appeal',
    'received',
    SUBJECT_STEP,
    { appealType: 'party_accountability', contested: 'tolerance', grounds: '申诉理由' },
    'cadre/own@notified',
  ),
  step(
    'assign_review_panel',
    'under_review',
    grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  200   404   403
  leader      403  200   404   403
  committee1  403  403   404   403
  cadre       403  404   404    .
  unit        403  404   404    .
  orgdept     403  403   404    .
  supervisor   .   404   404    .
`),
    (c: BodyContext) => ({ members: ['committee1', 'committee5'].map(c.userId) }),
    'leader/same@received',
  ),
  // Only the panel decides the review: the leader is a committee member, but not on it.
  step(
    'review_decide',
    'review_panel',
    grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  403   404   403
  leader      403  403   404   403
  committee1  403  200   404   403
  cadre       403  404   404    .
  unit        403  404   404    .
  orgdept     403  403   404    .
  supervisor   .   404   404    .
`),
    { result: 'upheld', reasons: '原决定正确' },
    'committee1/same@received',
  ),
  step('close', 'closable', OFFICER_STEP_DECIDED, {}, 'officer/same@received'),
  // 纠错 (DOMAIN §5.2): the leader reopens a decision whose correction was escalated. No fixture has
  // an escalated correction, so the leader's cell is the guard's refusal (409).
  step(
    'reopen',
    'received',
    grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  403   404   403
  leader      403  409   404   403
  committee1  403  403   404   403
  cadre       403  404   404    .
  unit        403  404   404    .
  orgdept     403  403   404    .
  supervisor   .   404   404    .
`),
    { reason: '整改逾期未完成' },
    'leader/same@decided',
  ),
  step('withdraw', 'submitted', APPLICANT_STEP, { reason: '主动撤回' }, 'cadre/own@decided'),
  step('suspend', 'verifying', LEADER_STEP, { reason: '当事人因病住院' }, 'leader/same@decided'),
  step('resume', 'suspended', LEADER_STEP, {}, 'leader/same@verifying'),
  step('convert', 'verifying', LEADER_STEP, { reason: '发现违纪线索' }, 'leader/same@decided'),
  {
    route: 'POST /api/matters/:id/evidence',
    form: 'evidence',
    target: { kind: 'matter', stage: 'verifying' },
    wrongState: { who: 'officer', relation: 'same', stage: 'awaiting_decision' },
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
  {
    // Related commission members see that the matter exists (number, title, status) and no more;
    // the organisation department sees the outcome; the supervisor what was filed with it.
    route: 'GET /api/matters/:id',
    target: { kind: 'matter', stage: 'filed' },
    grid: grid(`
              own  same other recused
  admin        .   404   404    .
  officer     200  200   404   200
  leader      200  200   404   200
  committee1  200  200   404   200
  cadre       200  404   404    .
  unit        200  404   404    .
  orgdept     200  200   404    .
  supervisor   .   200   200    .
`),
  },
  {
    // The deciding body with recusal reasons: for those who read the whole file only.
    route: 'GET /api/matters/:id/committee',
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
    // Evidence is for those who read the whole file, or the parties (their shared files).
    route: 'GET /api/matters/:matterId/files/:fileId',
    target: { kind: 'matter', stage: 'filed' },
    grid: grid(`
              own  same other recused
  admin        .   404   404    .
  officer     404  200   404   404
  leader      404  200   404   404
  committee1  404  200   404   404
  cadre       200  404   404    .
  unit        200  404   404    .
  orgdept     404  404   404    .
  supervisor   .   200   200    .
`),
  },
  ...(['pdf', 'docx'] as const).map((format): Entry => ({
    // Issued documents: whoever reads the matter beyond its existence (parties, outcome, full).
    route: `GET /api/documents/:id.${format}`,
    target: { kind: 'matter', stage: 'filed' },
    idFrom: 'documentId',
    grid: grid(`
              own  same other recused
  admin        .   404   404    .
  officer     404  200   404   404
  leader      404  200   404   404
  committee1  404  200   404   404
  cadre       200  404   404    .
  unit        200  404   404    .
  orgdept     200  200   404    .
  supervisor   .   200   200    .
`),
  })),
  {
    // Opening: the cadre about themself, the unit leader about the unit's cadres, the case officer
    // ex officio. Refusals read exactly like an unknown cadre (400 cadre.unknown).
    route: 'POST /api/matters',
    target: { kind: 'subject' },
    hidden: [400],
    body: (c: BodyContext) =>
      c.who === 'cadre' && c.relation === 'own'
        ? {
            route: 'own_application',
            title: '本人申请',
            summary: '情况说明',
            conductDate: EXEMPT_FACTS.conductDate,
          }
        : {
            route: c.who === 'cadre' || c.who === 'unit' ? 'unit_application' : 'ex_officio',
            subjectCadreId: c.t.id,
            title: '矩阵启动',
            summary: '情况说明',
            conductDate: EXEMPT_FACTS.conductDate,
          },
    // SPEC? officer/recused: the officer may open an ex-officio matter about a colleague of his own
    // unit (201), though DESIGN §2 says nobody acts on a matter about a cadre of their own unit.
    grid: grid(`
              own  same other recused
  admin        .   400   400    .
  officer     400  201   400   201?
  leader      400  400   400   400
  committee1  400  400   400   400
  cadre       201  400   400    .
  unit        201  400   400    .
  orgdept     400  400   400    .
  supervisor   .   400   400    .
`),
  },
];

/** A disagreement between the server and DESIGN, kept at the server's answer (cells marked `?`). */
export type SpecNote = {
  route: string;
  who: string;
  relation: string;
  server: number;
  design: number;
  why: string;
};

export const SPEC_NOTES: SpecNote[] = [
  {
    route: 'POST /api/matters',
    who: 'officer',
    relation: 'recused',
    server: 201,
    design: 400,
    why: 'a case officer opens an ex-officio matter about a colleague of his own unit (县纪委监委); DESIGN §2: nobody may act on a matter about a cadre of their own unit (回避)',
  },
];

/** The whole matrix: every route the app registers, each exactly once. */
export const MATRIX: Entry[] = [
  ...MATTER_ROUTES,
  ...CORRECTION_ROUTES,
  ...PRE_REGISTRATION_ROUTES,
  ...CASE_LIBRARY_ROUTES,
  ...CONSISTENCY_ROUTES,
  // Before the system routes too: the administrator must still hold only the administrator's role.
  ...OUTCOME_ROUTES,
  // Before the system routes: they grant the administrator a cadre role, after which the sanction
  // routes answer the administrator as a (recordless) cadre — 404 and empty lists, not 403.
  ...FOLLOW_UP_ROUTES,
  ...SYSTEM_ROUTES,
  ...NAME_CLEARING_ROUTES,
];
