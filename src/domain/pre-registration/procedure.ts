/**
 * 事前报备 — pre-registration as one table (DESIGN §3.8, DOMAIN §8): a cadre or a unit files a risky
 * initiative before acting (matter, legal gap, risks and their controls, collective-decision minutes,
 * attachments) → first review (初审) within the policy's time, a clock rather than a guard →
 * acknowledged (予以备案, with a sealed receipt) or returned with reasons, after which the filer may
 * revise and file again. A later tolerance matter on the same initiative links to the filing; the
 * statuses here are what `preRegistrationFromStatus` reads (acknowledged → filed_acknowledged).
 */
import type { LocalDate } from '../calendar/local-date.ts';
import type { GuardResult, ProcedureTable } from '../procedure/engine.ts';

export const PRE_REGISTRATION_STATES = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待初审', en: 'Awaiting first review' },
  returned: { zh: '已退回', en: 'Returned' },
  acknowledged: { zh: '已备案', en: 'Acknowledged', terminal: true },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', terminal: true },
} as const;

export type PreRegistrationState = keyof typeof PRE_REGISTRATION_STATES;

/** Who files: a cadre for their own initiative, or a unit (its leader) for the unit's. */
export type PreRegistrationRoute = 'own_filing' | 'unit_filing';

/** What the table's guards need to know about a filing. */
export type PreRegistrationMatter = {
  status: PreRegistrationState;
  /** The day the initiative is planned to start. */
  plannedStartOn: LocalDate;
  /** Today in Beijing, supplied by the caller with `now` so guards stay pure. */
  today: LocalDate;
};

const ok: GuardResult = { ok: true };

/** The filer: the cadre filing their own initiative, or the unit leader who filed for the unit. */
const FILER = [
  { role: 'cadre', relation: 'subject_or_applicant' },
  { role: 'unit_leader', relation: 'applicant_unit_leader' },
] as const;

/** 事前: a filing is made before acting; once the planned start has passed it can no longer be filed. */
export function beforeActingGuard(m: PreRegistrationMatter): GuardResult {
  return m.plannedStartOn >= m.today
    ? ok
    : { ok: false, code: 'pre_registration.not_before_acting', details: { date: m.plannedStartOn } };
}

export const PRE_REGISTRATION_PROCEDURE = {
  type: 'pre_registration',
  states: PRE_REGISTRATION_STATES,
  actions: {
    revise: {
      from: ['draft', 'returned'],
      to: (m) => m.status,
      by: FILER,
      label: { zh: '修改报备材料', en: 'Revise the filing' },
    },
    add_evidence: {
      from: ['draft', 'submitted', 'returned'],
      to: (m) => m.status,
      by: [...FILER, { role: 'case_officer' }],
      label: { zh: '上传附件', en: 'Add an attachment' },
    },
    submit: {
      from: ['draft', 'returned'],
      to: 'submitted',
      by: FILER,
      label: { zh: '提交报备', en: 'File' },
      guard: beforeActingGuard,
    },
    acknowledge: {
      from: ['submitted'],
      to: 'acknowledged',
      by: [{ role: 'case_officer' }],
      label: { zh: '予以备案', en: 'Acknowledge' },
    },
    return_filing: {
      from: ['submitted'],
      to: 'returned',
      by: [{ role: 'case_officer' }],
      label: { zh: '退回报备', en: 'Return with reasons' },
      danger: true,
    },
    withdraw: {
      from: ['draft', 'submitted', 'returned'],
      to: 'withdrawn',
      by: FILER,
      label: { zh: '撤回报备', en: 'Withdraw' },
      danger: true,
    },
  },
} as const satisfies ProcedureTable<PreRegistrationState, string, PreRegistrationMatter>;

export type PreRegistrationAction = keyof typeof PRE_REGISTRATION_PROCEDURE.actions;
