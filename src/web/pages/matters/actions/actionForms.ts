import type { ActionName } from '../../../api/matterTypes.ts';

/**
 * The small form of each procedure step, mirroring its body schema in contracts/tolerance.ts
 * (ACTION_BODIES): the same fields, the same required ones, the same maximum lengths and choices.
 * actionForms.test.ts compares this table with the Zod schemas, so a contract change the form does
 * not follow fails the unit tests. Labels come from the `actions` i18n namespace by field name.
 */

export type TextField = { name: string; kind: 'text' | 'textarea'; required: boolean; max: number };
export type ChoiceField = { name: string; kind: 'select'; required: boolean; options: readonly string[] };
export type DateField = { name: string; kind: 'date'; required: boolean };
/** Committee members (user ids) picked from the deciding body. */
export type MembersField = { name: string; kind: 'members'; required: true; min: number; max: number };
/** An open verification task of this matter. */
export type TaskField = { name: string; kind: 'task'; required: true };
/** 责令纠错: the optional correction order (measures, responsible person, working days). */
export type CorrectionField = { name: 'correctionOrder'; kind: 'correction'; required: false };
/**
 * 偏离提示: the reason for differing from most similar decided matters — asked for (and then
 * required) only when the chosen outcome diverges (DivergenceInput).
 */
export type DivergenceField = { name: 'divergenceReason'; kind: 'divergence'; required: false; max: number };
/** In the schema but not asked for in the form, with the reason. */
export type OmittedField = { name: string; kind: 'omitted'; required: false; why: string };

export type FieldSpec =
  | TextField
  | ChoiceField
  | DateField
  | MembersField
  | TaskField
  | CorrectionField
  | DivergenceField
  | OmittedField;

/** Limits of the correction order's parts (CorrectionOrder in the contract). */
export const CORRECTION_LIMITS = { measures: 4000, responsible: 100, minDays: 1, maxDays: 250 } as const;

export const OUTCOMES = ['exempt', 'mitigate', 'refuse'] as const;
export const APPEAL_TYPES = [
  'party_accountability',
  'party_sanction',
  'public_office_sanction',
  'civil_servant_handling',
] as const;

const note = (max = 2000, name = 'note'): TextField => ({ name, kind: 'textarea', required: false, max });
const need = (name: string, max: number): TextField => ({ name, kind: 'textarea', required: true, max });
const line = (name: string, max: number, required = false): TextField => ({
  name,
  kind: 'text',
  required,
  max,
});
const choice = (name: string, options: readonly string[], required = true): ChoiceField => ({
  name,
  kind: 'select',
  required,
  options,
});
const date = (name: string, required = false): DateField => ({ name, kind: 'date', required });
const correction: CorrectionField = { name: 'correctionOrder', kind: 'correction', required: false };
const departure = [note(4000, 'departureReason'), note(4000, 'exclusionJustification')];
const divergence: DivergenceField = { name: 'divergenceReason', kind: 'divergence', required: false, max: 2000 };

/** Steps whose form is drawn from this table (record_facts and add_evidence have their own). */
export type TableAction = Exclude<ActionName, 'record_facts' | 'add_evidence'>;

export const ACTION_FORMS: Record<TableAction, readonly FieldSpec[]> = {
  submit: [note()],
  request_supplement: [need('items', 2000)],
  supplement: [need('note', 4000)],
  accept: [note()],
  refuse_acceptance: [need('reasons', 4000)],
  add_task: [
    choice('kind', ['document_review', 'interview', 'site_visit', 'inquiry']),
    need('description', 2000),
    date('dueOn'),
    { name: 'assigneeUserId', kind: 'omitted', required: false, why: 'no endpoint lists commission staff' },
  ],
  complete_task: [{ name: 'taskId', kind: 'task', required: true }, need('result', 20000)],
  record_unit_opinion: [choice('stance', ['support', 'oppose', 'neutral']), need('opinion', 8000)],
  extend_verification: [need('reason', 2000)],
  // The divergence alert and its reason right under the outcome they are about.
  propose: [
    choice('outcome', OUTCOMES),
    divergence,
    need('analysis', 20000),
    line('measure', 200),
    correction,
    ...departure,
  ],
  return_for_verification: [need('reason', 2000)],
  convene_meeting: [
    date('heldOn', true),
    line('title', 200),
    { name: 'present', kind: 'members', required: true, min: 1, max: 50 },
  ],
  declare_conflict: [need('reason', 1000)],
  cast_vote: [choice('vote', OUTCOMES), need('opinion', 4000)],
  // The outcome is what the votes carry: the alert about it comes first.
  decide: [
    divergence,
    need('minutes', 20000),
    choice('appealType', APPEAL_TYPES, false),
    line('measure', 200),
    correction,
    ...departure,
  ],
  approve: [note()],
  reject_approval: [need('reason', 2000)],
  notify: [note()],
  acknowledge_receipt: [date('receivedOn')],
  record_delivery: [
    date('deliveredOn', true),
    choice('method', ['in_person', 'by_post', 'refused_to_sign', 'announcement']),
    note(),
  ],
  publicize: [need('scope', 500), date('until')],
  file_with_higher: [note()],
  appeal: [
    choice('appealType', APPEAL_TYPES),
    choice('contested', ['tolerance', 'sanction', 'both']),
    need('grounds', 20000),
  ],
  assign_review_panel: [{ name: 'members', kind: 'members', required: true, min: 2, max: 20 }],
  review_decide: [
    choice('result', ['upheld', 'changed']),
    choice('outcome', OUTCOMES, false),
    line('measure', 200),
    need('reasons', 20000),
  ],
  close: [note()],
  reopen: [need('reason', 4000)],
  withdraw: [note(2000, 'reason')],
  suspend: [need('reason', 2000)],
  resume: [note()],
  convert: [need('reason', 2000), line('caseRef', 200)],
};

/** Forms long enough to open in a side drawer (with the recommendation beside them) instead of a dialog. */
export const WIDE_ACTIONS: ReadonlySet<ActionName> = new Set([
  'propose',
  'decide',
  'review_decide',
  'record_facts',
  'appeal',
]);

/** Whether the step has a table form. */
export function isTableAction(action: string): action is TableAction {
  return Object.hasOwn(ACTION_FORMS, action);
}
