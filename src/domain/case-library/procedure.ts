/**
 * 典型案例 — publishing a decided matter as a typical case (DESIGN §3.11, DOMAIN §11.3 "a lack of
 * typical cases"), as one table of the procedure engine: the case officer prepares a de-identified
 * draft from a decided matter, reviews the highlighted personal data left and proposes it; the
 * commission leader approves (published on the public page, no sign-in) or returns it with reasons;
 * a published case can be withdrawn from publication, revised and proposed again.
 *
 * Like every procedure, the actor's relation to the matter counts: a commission member related to
 * the cadre the case is about (回避) neither prepares, proposes, approves nor withdraws it.
 */
import type { GuardResult, ProcedureTable } from '../procedure/engine.ts';
import type { Role } from '../roles.ts';
import { TOLERANCE_STATES, type ToleranceState } from '../tolerance/procedure.ts';

export const CASE_ENTRY_STATES = {
  draft: { zh: '草稿', en: 'Draft' },
  proposed: { zh: '待审批', en: 'Awaiting approval' },
  returned: { zh: '已退回', en: 'Returned' },
  published: { zh: '已发布', en: 'Published' },
  withdrawn: { zh: '已撤下', en: 'Withdrawn from publication' },
} as const;

export type CaseEntryState = keyof typeof CASE_ENTRY_STATES;

/** What the table's guards need to know about a case entry. */
export type CaseEntryMatter = {
  status: CaseEntryState;
  /** The matter still stands as decided (not reopened, under review, or changed since). */
  decisionStands: boolean;
  /** Certain personal data left in the texts (names, ID and phone numbers, units, full dates). */
  personalDataLeft: number;
};

/** Who works with the internal library (drafts, proposals): the commission and the higher level. */
export const CASE_LIBRARY_STAFF: readonly Role[] = [
  'case_officer',
  'committee_member',
  'commission_leader',
  'supervisor',
];

const ok: GuardResult = { ok: true };

/** A case is published only while its decision stands and nothing certain identifies anyone. */
export function publishableGuard(m: CaseEntryMatter): GuardResult {
  if (!m.decisionStands) return { ok: false, code: 'case_library.decision_not_standing' };
  if (m.personalDataLeft > 0)
    return { ok: false, code: 'case_library.personal_data_left', details: { count: m.personalDataLeft } };
  return ok;
}

export const CASE_ENTRY_PROCEDURE = {
  type: 'case_library',
  states: CASE_ENTRY_STATES,
  actions: {
    revise: {
      from: ['draft', 'returned', 'withdrawn'],
      to: (m) => m.status,
      by: [{ role: 'case_officer' }],
      label: { zh: '修改案例', en: 'Revise the case' },
    },
    propose: {
      from: ['draft', 'returned', 'withdrawn'],
      to: 'proposed',
      by: [{ role: 'case_officer' }],
      label: { zh: '提请发布', en: 'Propose for publication' },
      guard: publishableGuard,
    },
    approve: {
      from: ['proposed'],
      to: 'published',
      by: [{ role: 'commission_leader' }],
      label: { zh: '批准发布', en: 'Approve and publish' },
      guard: publishableGuard,
    },
    return_case: {
      from: ['proposed'],
      to: 'returned',
      by: [{ role: 'commission_leader' }],
      label: { zh: '退回修改', en: 'Return for revision' },
      danger: true,
    },
    // Taking a case down is the safe direction: the officer who sees a problem need not wait.
    withdraw: {
      from: ['published'],
      to: 'withdrawn',
      by: [{ role: 'commission_leader' }, { role: 'case_officer' }],
      label: { zh: '撤下发布', en: 'Withdraw from publication' },
      danger: true,
    },
  },
} as const satisfies ProcedureTable<CaseEntryState, string, CaseEntryMatter>;

export type CaseEntryAction = keyof typeof CASE_ENTRY_PROCEDURE.actions;

/** Decided states from which a matter may become a typical case (not while under appeal). */
export const CASE_SOURCE_STATES = [
  'decided',
  'notified',
  'closed',
] as const satisfies readonly ToleranceState[];

/** A tolerance matter as the preparation step sees it. */
export type CaseSourceMatter = {
  status: ToleranceState;
  hasDecision: boolean;
  /** A case has already been prepared from this matter. */
  inLibrary: boolean;
};

/**
 * Preparing the draft (选为典型案例) is a step on the tolerance matter, so the same engine answers it
 * with the matter's own states and the actor's relation to the matter (回避).
 */
export const CASE_PREPARATION = {
  type: 'case_library',
  states: TOLERANCE_STATES,
  actions: {
    prepare: {
      from: CASE_SOURCE_STATES,
      to: (m) => m.status,
      by: [{ role: 'case_officer' }],
      label: { zh: '选为典型案例', en: 'Prepare as a typical case' },
      guard: (m) => {
        if (!m.hasDecision) return { ok: false, code: 'case_library.decision_not_standing' };
        if (m.inLibrary) return { ok: false, code: 'case_library.already_prepared' };
        return ok;
      },
    },
  },
} as const satisfies ProcedureTable<ToleranceState, 'prepare', CaseSourceMatter>;

export const OUTCOME_LABELS = {
  exempt: { zh: '容错免责', en: 'Exempted' },
  mitigate: { zh: '容错减责', en: 'Mitigated' },
  refuse: { zh: '不予容错', en: 'Not tolerated' },
} as const;
