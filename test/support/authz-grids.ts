/**
 * Grids shared by several routes of the authorization matrix (authz-matrix*.ts); how to read them is
 * explained at the top of authz-matrix.ts.
 */
import { grid } from './authz-grid.ts';

/** A case officer's step before the decision: the organisation department sees nothing yet. */
export const OFFICER_STEP = grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  200   404   403
  leader      403  403   404   403
  committee1  403  403   404   403
  cadre       403  404   404    .
  unit        403  404   404    .
  orgdept     404  404   404    .
  supervisor   .   404   404    .
`);

/** A case officer's step once decided: the organisation department reads the outcome, acts on nothing. */
export const OFFICER_STEP_DECIDED = grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  200   404   403
  leader      403  403   404   403
  committee1  403  403   404   403
  cadre       403  404   404    .
  unit        403  404   404    .
  orgdept     403  403   404    .
  supervisor   .   404   404    .
`);

/** The commission leader's step (extension, return, suspension, conversion, the decision). */
export const LEADER_STEP = grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  403   404   403
  leader      403  200   404   403
  committee1  403  403   404   403
  cadre       403  404   404    .
  unit        403  404   404    .
  orgdept     404  404   404    .
  supervisor   .   404   404    .
`);

/** The applicant's step: the cadre on their own application, the unit leader on the unit's. */
export const APPLICANT_STEP = grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  403   404   403
  leader      403  403   404   403
  committee1  403  403   404   403
  cadre       200  404   404    .
  unit        200  404   404    .
  orgdept     404  404   404    .
  supervisor   .   404   404    .
`);

/** Submitting a draft: a draft is the applicant's own until filed — nobody else even sees it. */
export const SUBMIT = grid(`
              own  same other recused
  admin        .   404   404    .
  officer     404  404   404   404
  leader      404  404   404   404
  committee1  404  404   404   404
  cadre       200  404   404    .
  unit        200  404   404    .
  orgdept     404  404   404    .
  supervisor   .   404   404    .
`);

/** The person handled alone: acknowledging receipt, appealing. */
export const SUBJECT_STEP = grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  403   404   403
  leader      403  403   404   403
  committee1  403  403   404   403
  cadre       200  404   404    .
  unit        403  404   404    .
  orgdept     403  403   404    .
  supervisor   .   404   404    .
`);

/** Higher approval: the supervisor, for every county below it. */
export const APPROVAL = grid(`
              own  same other recused
  admin        .   404   404    .
  officer     403  403   404   403
  leader      403  403   404   403
  committee1  403  403   404   403
  cadre       403  404   404    .
  unit        403  404   404    .
  orgdept     404  404   404    .
  supervisor   .   204   204    .
`);
