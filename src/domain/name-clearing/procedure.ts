/**
 * 澄清正名 — name clearing as one table (DESIGN §3.6, DOMAIN §6): an accusation closed as untrue →
 * trigger check against the policy's triggers and exclusions → the cadre is consulted and consents to
 * the form and scope (or declines) → the plan goes to the commission's principal leader (Art. 50 of
 * the 2020 complaint rules) → the clearing is carried out within the policy deadline and the clearing
 * letter issued → copied to the organisation department and the integrity file (廉政档案). Before the
 * matter ends, the accuser can be classified (诬告陷害 referred, 错告 educated) and any wrong handling
 * the accusation caused corrected (Art. 51) — also when no clearing took place: a malicious accuser is
 * pursued whether or not the cadre wanted publicity.
 *
 * Consent is the cadre's, and it is load-bearing: a plan goes to the leader, is approved and is
 * carried out only while the consent is on record (`consentGuard`); the cadre may withdraw it until
 * the clearing is done, which sends the matter back to consultation.
 */
import type { LocalDate } from '../calendar/local-date.ts';
import type { GuardResult, ProcedureTable } from '../procedure/engine.ts';

export const NAME_CLEARING_STATES = {
  trigger_check: { zh: '待研判是否澄清', en: 'Trigger check' },
  consulting: { zh: '征求本人意见', en: 'Consulting the cadre' },
  awaiting_leader: { zh: '待主要负责人审批', en: 'Awaiting the leader’s approval' },
  executing: { zh: '待实施澄清', en: 'Clearing to be carried out' },
  cleared: { zh: '已澄清待抄送归档', en: 'Cleared, to be copied and filed' },
  not_cleared: { zh: '不予澄清待办结', en: 'Not cleared, to be closed' },
  closed: { zh: '已澄清并归档', en: 'Cleared and filed', terminal: true },
  ended: { zh: '已办结（未澄清）', en: 'Closed without clearing', terminal: true },
} as const;

export type NameClearingState = keyof typeof NAME_CLEARING_STATES;

/** How the matter reached the commission's clearing work: a recorded complaint, or the officer's entry. */
export type NameClearingSource = 'complaint_record' | 'officer_entry';

/** What the table's guards need to know about a name clearing. */
export type NameClearingMatter = {
  status: NameClearingState;
  /** The cadre's consent to a form and scope is on record and not withdrawn. */
  consented: boolean;
  /** The day the leader extended the deadline; null while it has not been (once only). */
  extendedOn: LocalDate | null;
  /** The accuser has already been classified (malicious or mistaken). */
  accuserHandled: boolean;
  /** Today in Beijing, supplied by the caller with `now` so guards stay pure. */
  today: LocalDate;
};

const ok: GuardResult = { ok: true };

/** The cadre concerned, or the officer recording what the cadre said in writing or in person. */
const CADRE_SIDE = [{ role: 'cadre', relation: 'subject_or_applicant' }, { role: 'case_officer' }] as const;
const OFFICER = [{ role: 'case_officer' }] as const;
const LEADER = [{ role: 'commission_leader' }] as const;
/** States in which the clearing deadline runs and the leader may extend it. */
const OPEN: readonly NameClearingState[] = ['trigger_check', 'consulting', 'awaiting_leader', 'executing'];
/** After the clearing decision: the accuser and any wrong handling are dealt with before closing. */
const AFTERMATH: readonly NameClearingState[] = ['cleared', 'not_cleared'];

/** 本人同意: no plan, approval or clearing without the cadre's consent on record. */
export function consentGuard(m: NameClearingMatter): GuardResult {
  return m.consented ? ok : { ok: false, code: 'name_clearing.consent_missing' };
}

/** The deadline is extended once at most (DESIGN §3.4). */
export function notExtendedGuard(m: NameClearingMatter): GuardResult {
  return m.extendedOn === null
    ? ok
    : { ok: false, code: 'deadline.already_extended', details: { approvedOn: m.extendedOn } };
}

/** The accuser is classified once; a later finding belongs to the false-accusation case itself. */
export function accuserNotHandledGuard(m: NameClearingMatter): GuardResult {
  return m.accuserHandled ? { ok: false, code: 'name_clearing.accuser_already_handled' } : ok;
}

export const NAME_CLEARING_PROCEDURE = {
  type: 'name_clearing',
  states: NAME_CLEARING_STATES,
  actions: {
    check_triggers: {
      from: ['trigger_check'],
      // The use case reads the policy: a trigger and no exclusion → consult the cadre.
      to: (_m, branch) => (branch === 'required' ? 'consulting' : 'not_cleared'),
      by: OFFICER,
      label: { zh: '研判是否澄清', en: 'Check the triggers' },
    },
    record_consent: {
      from: ['consulting'],
      to: 'consulting',
      by: CADRE_SIDE,
      label: { zh: '同意澄清（方式和范围）', en: 'Consent to a form and scope' },
    },
    decline: {
      from: ['consulting'],
      to: 'not_cleared',
      by: CADRE_SIDE,
      label: { zh: '本人不同意澄清', en: 'Decline the clearing' },
      danger: true,
    },
    submit_for_approval: {
      from: ['consulting'],
      to: 'awaiting_leader',
      by: OFFICER,
      label: { zh: '报请主要负责人审批', en: 'Submit the plan for approval' },
      guard: consentGuard,
    },
    withdraw_consent: {
      from: ['awaiting_leader', 'executing'],
      to: 'consulting',
      by: CADRE_SIDE,
      label: { zh: '撤回同意', en: 'Withdraw consent' },
      danger: true,
    },
    approve: {
      from: ['awaiting_leader'],
      to: 'executing',
      by: LEADER,
      label: { zh: '批准澄清', en: 'Approve the clearing' },
      guard: consentGuard,
    },
    return_plan: {
      from: ['awaiting_leader'],
      to: 'consulting',
      by: LEADER,
      label: { zh: '退回澄清方案', en: 'Return the plan' },
      danger: true,
    },
    extend_deadline: {
      from: OPEN,
      to: (m) => m.status,
      by: LEADER,
      label: { zh: '延长澄清时限', en: 'Extend the deadline' },
      guard: notExtendedGuard,
    },
    execute: {
      from: ['executing'],
      to: 'cleared',
      by: OFFICER,
      label: { zh: '实施澄清并出具澄清正名书', en: 'Carry out the clearing and issue the letter' },
      guard: consentGuard,
    },
    handle_accuser: {
      from: AFTERMATH,
      to: (m) => m.status,
      by: OFFICER,
      label: { zh: '认定举报性质（诬告陷害移送／错告教育）', en: 'Classify the accuser (refer or educate)' },
      guard: accuserNotHandledGuard,
    },
    order_correction: {
      from: AFTERMATH,
      to: (m) => m.status,
      by: OFFICER,
      label: { zh: '纠正不当处理', en: 'Correct the wrong handling' },
    },
    archive: {
      from: ['cleared'],
      to: 'closed',
      by: OFFICER,
      label: { zh: '抄送组织部门并存入廉政档案', en: 'Copy to the organisation department and file' },
    },
    close: {
      from: ['not_cleared'],
      to: 'ended',
      by: OFFICER,
      label: { zh: '办结', en: 'Close' },
    },
  },
} as const satisfies ProcedureTable<NameClearingState, string, NameClearingMatter>;

export type NameClearingAction = keyof typeof NAME_CLEARING_PROCEDURE.actions;
