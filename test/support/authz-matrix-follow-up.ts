/**
 * The HTTP authorization matrix, part 5: sanctions, influence periods, appointments and follow-up
 * visits (回访教育, 重新使用; DESIGN §3.7, DOMAIN §7). How to read a grid: see authz-matrix.ts.
 * Sanctions are read by the commission, the organisation department and the higher level within
 * their jurisdictions, and by the cadre concerned; recorded by the commission's officer and leader;
 * appointments by the organisation department; nobody acts about themself or a colleague of their
 * own unit (回避). A user with no role that reads or records them is refused whatever the id. The
 * follow-up itself is the commission's; the organisation department sees it once it is sent and
 * signs for it; the cadre and their unit leader see the plan.
 *
 * Order matters once: the appointment entry runs first, while 张明 (the `same` cadre) has no
 * sanction in force — the sanction and follow-up fixtures below give him some.
 */
import { grid, wrongState, type BodyContext, type Entry } from './authz-grid.ts';
import { LEADER_STEP, OFFICER_STEP } from './authz-grids.ts';
import type { FollowUpStage } from './authz-fixtures-follow-up.ts';

/** Readers of a cadre's sanctions: not the unit leader nor the administrator (no such role at all). */
const CADRE_READERS = grid(`
              own  same other
  admin        .   403   403
  officer     200  200   404
  leader      200  200   404
  committee1  200  200   404
  cadre       200  404   404
  unit        403  403   403
  orgdept     200  200   404
  supervisor   .   200   200
`);

const YEARS_AGO = (c: BodyContext, years: number) =>
  `${Number(c.today.slice(0, 4)) - years}${c.today.slice(4)}`;

const followUpStep = (
  action: string,
  stage: FollowUpStage,
  g: typeof OFFICER_STEP,
  body: Entry['body'],
  wrong: string,
): Entry => ({
  route: `POST /api/follow-ups/:id/actions/${action}`,
  grid: g,
  target: { kind: 'matter', type: 'follow_up', stage },
  body,
  wrongState: wrongState(wrong),
});

const VISIT = (c: BodyContext) => ({
  visitedOn: c.today,
  methods: ['listen', 'talk'],
  visitors: [
    { name: '矩阵甲', position: '干部' },
    { name: '矩阵乙', position: '干部' },
  ],
  politicalThinking: '思想稳定',
  conduct: '遵规守纪',
  work: '工作正常',
  sanctionExecution: '已执行',
  attitude: '认识到位',
  talk: '谈心谈话',
});

export const FOLLOW_UP_ROUTES: Entry[] = [
  {
    // The organisation department records a proposal, never about itself; refused while a period runs.
    route: 'POST /api/cadres/:id/appointments',
    target: { kind: 'cadre' },
    body: { kind: 'promotion', post: '矩阵拟任职务' },
    grid: grid(`
              own  same other
  admin        .   403   403
  officer     403  403   403
  leader      403  403   403
  committee1  403  403   403
  cadre       403  403   403
  unit        403  403   403
  orgdept     403  201   404
  supervisor   .   403   403
`),
  },
  { route: 'GET /api/cadres/:id/influence', target: { kind: 'cadre' }, grid: CADRE_READERS },
  { route: 'GET /api/cadres/:id/sanctions', target: { kind: 'cadre' }, grid: CADRE_READERS },
  {
    // A sanction long over (3 years ago), so it blocks nothing the entries above rely on.
    route: 'POST /api/cadres/:id/sanctions',
    target: { kind: 'cadre' },
    body: (c: BodyContext) => ({
      type: 'public_warning',
      decidedOn: YEARS_AGO(c, 3),
      effectiveOn: YEARS_AGO(c, 3),
      decidedBy: 'K县监察委员会',
    }),
    grid: grid(`
              own  same other
  admin        .   403   403
  officer     403  201   404
  leader      403  201   404
  committee1  403  403   403
  cadre       403  403   403
  unit        403  403   403
  orgdept     403  403   403
  supervisor   .   403   403
`),
  },
  {
    route: 'GET /api/sanctions',
    target: { kind: 'none' },
    grid: grid(`
              any
  admin       403
  officer     200
  leader      200
  committee1  200
  cadre       200
  unit        403
  orgdept     200
  supervisor  200
`),
  },
  {
    route: 'GET /api/sanctions/:id',
    target: { kind: 'sanction' },
    grid: grid(`
              own  same other recused
  admin        .   403   403   403
  officer     200  200   404   200
  leader      200  200   404   200
  committee1  200  200   404   200
  cadre       200  404   404   404
  unit        403  403   403   403
  orgdept     200  200   404   200
  supervisor   .   200   200   200
`),
  },
  {
    // A case officer plans the visit; a sanction out of reach reads as unknown (400 sanction.unknown).
    route: 'POST /api/follow-ups',
    target: { kind: 'sanction' },
    hidden: [400],
    body: (c: BodyContext) => ({ sanctionId: c.t.id, plannedOn: c.today }),
    grid: grid(`
              own  same other recused
  admin        .   403   403   403
  officer     403  201   400   403
  leader      403  403   403   403
  committee1  403  403   403   403
  cadre       403  403   403   403
  unit        403  403   403   403
  orgdept     403  403   403   403
  supervisor   .   403   403   403
`),
  },
  {
    route: 'GET /api/follow-ups/:id',
    target: { kind: 'matter', type: 'follow_up', stage: 'fu_notified' },
    grid: grid(`
              own  same other recused
  admin        .   404   404   404
  officer     200  200   404   200
  leader      200  200   404   200
  committee1  200  200   404   200
  cadre       200  404   404   404
  unit        200  404   404   404
  orgdept     200  200   404   200
  supervisor   .   404   404   404
`),
  },
  followUpStep(
    'reschedule',
    'fu_planned',
    OFFICER_STEP,
    (c: BodyContext) => ({ plannedOn: c.today, reason: '改期' }),
    'officer/same@fu_visited',
  ),
  followUpStep('record_visit', 'fu_planned', OFFICER_STEP, VISIT, 'officer/same@fu_visited'),
  followUpStep(
    'grade',
    'fu_visited',
    OFFICER_STEP,
    { grade: 'good', reasons: '表现良好' },
    'officer/same@fu_planned',
  ),
  followUpStep(
    'recommend_reuse',
    'fu_graded',
    OFFICER_STEP,
    { reasons: '可以使用' },
    'officer/same@fu_visited',
  ),
  followUpStep(
    'decline_reuse',
    'fu_graded',
    OFFICER_STEP,
    { reasons: '暂不使用' },
    'officer/same@fu_visited',
  ),
  followUpStep(
    'return_for_revision',
    'fu_recommended',
    LEADER_STEP,
    { reasons: '请补充' },
    'leader/same@fu_graded',
  ),
  followUpStep('deliver', 'fu_recommended', LEADER_STEP, {}, 'leader/same@fu_graded'),
  // The organisation department signs for what was sent to it — not about itself (回避).
  followUpStep(
    'acknowledge',
    'fu_notified',
    grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  403   404   403
  leader      403  403   404   403
  committee1  403  403   404   403
  cadre       403  404   404    .
  unit        403  404   404    .
  orgdept     403  200   404   200
  supervisor   .   404   404    .
`),
    {},
    'orgdept/same@fu_closed',
  ),
  followUpStep('cancel', 'fu_planned', OFFICER_STEP, { reason: '当事人已调离' }, 'officer/same@fu_graded'),
];
