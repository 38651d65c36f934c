/**
 * The HTTP authorization matrix, typical case library (典型案例库, DESIGN §3.11): preparing a case
 * from a decided matter, the internal library and its steps, and the public pages' API (no sign-in).
 * Columns for a case are the matter it came from: `own` is a case about the asker (张明's for cadre,
 * the unit's application for unit, 郑芳's for orgdept — commission members' own matters never get
 * decided, so there is no such case), `same` an unrelated K County case, `other` an L County case.
 * Drafts are internal: the commission and the higher level read them; everyone may read a
 * published case, so on one a step the asker may not take answers 403, not 404. No case about a
 * commission member's unit can exist (none is decided), so the grids say so for anonymous too.
 */
import { expect } from 'vitest';
import { grid, wrongState, type BodyContext, type Entry } from './authz-grid.ts';
import type { ToleranceFlow } from './tolerance-flow.ts';

export const CASE_ENTRY_STAGES = [
  'case_draft',
  'case_proposed',
  'case_returned',
  'case_published',
  'case_withdrawn',
] as const;
export type CaseEntryStage = (typeof CASE_ENTRY_STAGES)[number];
/** Cases from Z (张明's own application), U (the unit's), O (about 郑芳), L (L County); EJ cannot be built. */
export type CaseEntryKind = 'EZ' | 'EU' | 'EO' | 'EL' | 'EJ';

export type CaseBuilder = {
  flow: ToleranceFlow;
  /** A fresh decided (notified and received) tolerance matter of the kind's relation. */
  decided(kind: 'Z' | 'U' | 'O' | 'L'): Promise<string>;
};

async function post(
  flow: ToleranceFlow,
  user: string,
  url: string,
  body: object,
  status = 200,
): Promise<string> {
  const res = await flow.post(user, url, body);
  expect(res.statusCode, `${user} ${url}: ${res.body}`).toBe(status);
  return res.body;
}

/** A typical case in the stage, built through the API from a fresh decided matter. */
export async function driveCaseEntry(
  b: CaseBuilder,
  kind: CaseEntryKind,
  stage: CaseEntryStage,
): Promise<{ id: string }> {
  if (kind === 'EJ')
    throw new Error('no case can be built about a commission member’s unit: none is decided');
  const l = kind === 'EL';
  const officer = l ? 'officer_l' : 'officer';
  const leader = l ? 'leader_l' : 'leader';
  const matterId = await b.decided(kind.slice(1) as 'Z' | 'U' | 'O' | 'L');
  const { id } = JSON.parse(await post(b.flow, officer, '/api/case-library', { matterId }, 201)) as {
    id: string;
  };
  const url = `/api/case-library/${id}/actions/`;
  if (stage === 'case_draft') return { id };
  await post(b.flow, officer, `${url}propose`, {});
  if (stage === 'case_proposed') return { id };
  if (stage === 'case_returned') {
    await post(b.flow, leader, `${url}return_case`, { reason: '请补充典型意义' });
    return { id };
  }
  await post(b.flow, leader, `${url}approve`, {});
  if (stage === 'case_withdrawn') await post(b.flow, officer, `${url}withdraw`, { reason: '需进一步概括' });
  return { id };
}

/** Steps on an internal case: the commission and the higher level see it, only `who` may take it. */
const internalStep = (who: 'officer' | 'leader') =>
  grid(`
              own  same other recused
  anonymous    .   401   401    .
  admin        .   404   404    .
  officer      .   ${who === 'officer' ? 200 : 403}   404    .
  leader       .   ${who === 'leader' ? 200 : 403}   404    .
  committee1   .   403   404    .
  cadre       404  404   404    .
  unit        404  404   404    .
  orgdept     404  404   404    .
  supervisor   .   403   403    .
`);

const caseStep = (
  action: string,
  stage: CaseEntryStage,
  g: ReturnType<typeof grid>,
  body: Entry['body'],
  wrong: string,
): Entry => ({
  route: `POST /api/case-library/:id/actions/${action}`,
  grid: g,
  target: { kind: 'matter', type: 'case_entry', stage },
  body,
  wrongState: wrongState(wrong),
});

/** Every asker, anonymous included, gets 200. */
const EVERYONE = (column: 'any' | 'same') =>
  grid(
    `${column}\n${['anonymous', 'admin', 'officer', 'leader', 'committee1', 'cadre', 'unit', 'orgdept', 'supervisor'].map((w) => `${w} 200`).join('\n')}`,
  );

export const CASE_LIBRARY_ROUTES: Entry[] = [
  // Everyone signed in searches; who sees drafts is the query's business (integration test).
  {
    route: 'GET /api/case-library',
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
    route: 'GET /api/case-library/candidates',
    target: { kind: 'none' },
    grid: grid(`
              any
  admin       403
  officer     200
  leader      403
  committee1  403
  cadre       403
  unit        403
  orgdept     403
  supervisor  403
`),
  },
  {
    // Preparing is a step on the decided matter: an unrelated case officer; the parties and the
    // organisation department read the matter but do not publish it; related members recuse.
    route: 'POST /api/case-library',
    target: { kind: 'matter', stage: 'received' },
    body: (c: BodyContext) => ({ matterId: c.t.id }),
    wrongState: { who: 'officer', relation: 'same', stage: 'submitted' },
    grid: grid(`
              own  same other recused
  anonymous    .   401   401    .
  admin        .   404   404    .
  officer     403  201   404   403
  leader      403  403   404   403
  committee1  403  403   404   403
  cadre       403  404   404    .
  unit        403  404   404    .
  orgdept     403  403   404    .
  supervisor   .   404   404    .
`),
  },
  {
    route: 'GET /api/case-library/:id',
    target: { kind: 'matter', type: 'case_entry', stage: 'case_draft' },
    grid: grid(`
              own  same other recused
  anonymous    .   401   401    .
  admin        .   404   404    .
  officer      .   200   404    .
  leader       .   200   404    .
  committee1   .   200   404    .
  cadre       404  404   404    .
  unit        404  404   404    .
  orgdept     404  404   404    .
  supervisor   .   200   200    .
`),
  },
  caseStep(
    'revise',
    'case_draft',
    internalStep('officer'),
    { significance: '典型意义' },
    'officer/same@case_proposed',
  ),
  caseStep('propose', 'case_draft', internalStep('officer'), {}, 'officer/same@case_proposed'),
  caseStep('approve', 'case_proposed', internalStep('leader'), {}, 'leader/same@case_draft'),
  caseStep(
    'return_case',
    'case_proposed',
    internalStep('leader'),
    { reason: '请补充' },
    'leader/same@case_draft',
  ),
  // Published: readable by all, so a refusal is 403; the officer and the leader may take it down.
  caseStep(
    'withdraw',
    'case_published',
    grid(`
              own  same other recused
  anonymous    .   401   401    .
  admin        .   403   403    .
  officer      .   200   403    .
  leader       .   200   403    .
  committee1   .   403   403    .
  cadre       403  403   403    .
  unit        403  403   403    .
  orgdept     403  403   403    .
  supervisor   .   403   403    .
`),
    { reason: '需进一步概括' },
    'officer/same@case_draft',
  ),
  // The public pages' API: no sign-in, published fields only (rate-limited; the matrix stays under it).
  { route: 'GET /api/public/cases', target: { kind: 'none' }, grid: EVERYONE('any') },
  {
    route: 'GET /api/public/cases/:id',
    target: { kind: 'matter', type: 'case_entry', stage: 'case_published' },
    grid: EVERYONE('same'),
  },
];
