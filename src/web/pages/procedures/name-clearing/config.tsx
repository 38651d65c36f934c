/**
 * 澄清正名 — name clearing's pages as configuration of the generic procedure pages. Every step's
 * form comes declared with the step in the API's `allowedActions` (the policy's triggers and
 * exclusions for the check, only the forms and reaches the cadre consented to for the plan…), so
 * this config holds only the opening form (mirroring contracts/name-clearing.ts, checked by
 * forms.test.ts), how the clearing is drawn stage by stage, and what the cadre consulted is told.
 */
import type { z } from 'zod';
import type { NameClearingDetail as NameClearingSchema } from '../../../../contracts/name-clearing.ts';
import { NAME_CLEARING_STATES } from '../../../../domain/name-clearing/procedure.ts';
import { NAME_CLEARING_OPENERS } from '../../../auth/roles.ts';
import { beijingToday } from '../../../format/localDate.ts';
import type { ProcedureFieldSpec } from '../fields.ts';
import { procedurePages } from '../pages.tsx';
import { area, cadre, choice, day, group, line } from '../specs.ts';
import type { ProcedureConfig } from '../types.ts';
import { ClearingActionIntro, ClearingFacts, ClearingLead, LetterPanel } from './parts.tsx';

export type NameClearingDetail = z.infer<typeof NameClearingSchema>;

const SOURCES = ['complaint_record', 'officer_entry'] as const;
const FINDINGS = ['untrue', 'seriously_untrue', 'fabricated'] as const;

/** 举报人: anonymous, or named — the name then required (the identity stored encrypted). */
const ACCUSER = group(
  'accuser',
  [
    { name: 'anonymous', kind: 'switch', required: true },
    {
      ...line('name', 100, false),
      showWhen: { field: 'anonymous', equals: 'false' },
      requiredWhenShown: true,
    },
    { ...line('contact', 200, false), showWhen: { field: 'anonymous', equals: 'false' } },
    area('note', 2000, false),
  ],
  { required: true },
);

/** The opening form: the accusation as concluded untrue (OpenNameClearingBody). */
export const OPEN_NAME_CLEARING_FIELDS: readonly ProcedureFieldSpec[] = [
  cadre('subjectCadreId', true),
  line('title', 200, false),
  choice('source', SOURCES),
  {
    ...line('complaintNumber', 60, false),
    showWhen: { field: 'source', equals: 'complaint_record' },
    requiredWhenShown: true,
  },
  day('receivedOn'),
  day('concludedOn'),
  choice('finding', FINDINGS),
  area('allegation', 2000),
  area('conclusion', 8000),
  ACCUSER,
];

type Choice = NonNullable<NameClearingDetail['matter']['consent']>;
const choiceValues = (choice: Pick<Choice, 'forms' | 'scope'> | null) =>
  choice ? { forms: choice.forms.map((f) => f.value), scope: choice.scope.value } : {};

export const NAME_CLEARING: ProcedureConfig<NameClearingDetail> = {
  type: 'name_clearing',
  path: '/name-clearings',
  api: '/api/name-clearings',
  uploadPath: 'evidence',
  uploadVisibility: false,
  states: NAME_CLEARING_STATES,
  tones: {
    trigger_check: 'intake',
    consulting: 'waiting',
    awaiting_leader: 'decide',
    executing: 'intake',
    cleared: 'done',
    not_cleared: 'idle',
    closed: 'done',
    ended: 'idle',
  },
  // Every step comes with its fields in `allowedActions`.
  actions: {},
  leadActions: [
    'check_triggers',
    'record_consent',
    'submit_for_approval',
    'approve',
    'execute',
    'archive',
    'close',
  ],
  wideActions: ['check_triggers', 'record_consent', 'submit_for_approval', 'execute', 'order_correction'],
  initialValues: (action, detail) => {
    const m = detail.matter;
    const today = beijingToday();
    // The officer recording the cadre's view for them says how and when they asked.
    const consulted = detail.allowedActions
      .find((a) => a.action === action)
      ?.fields?.some((f) => f.name === 'consultedVia')
      ? { consultedVia: 'in_person', consultedOn: today }
      : {};
    switch (action) {
      case 'check_triggers':
        return { triggers: [], exclusions: [] };
      case 'record_consent':
        // A change of mind starts from what was consented to.
        return { ...choiceValues(m.consent), ...consulted };
      case 'decline':
      case 'withdraw_consent':
        return consulted;
      case 'submit_for_approval':
        return choiceValues(m.consent);
      case 'execute':
        return { ...choiceValues(m.plan ?? m.consent), executedOn: today };
      case 'order_correction':
        return { route: 'order', deadlineWorkingDays: 10 };
      default:
        return {};
    }
  },
  createRoles: NAME_CLEARING_OPENERS,
  create: {
    fields: () => OPEN_NAME_CLEARING_FIELDS,
    initial: () => ({ source: 'complaint_record', finding: 'untrue', accuser: { anonymous: false } }),
  },
  Facts: ClearingFacts,
  Aside: LetterPanel,
  Lead: ClearingLead,
  actionIntro: (action, detail, text) => <ClearingActionIntro action={action} detail={detail} text={text} />,
  info: (detail, text, language) => {
    const a = detail.matter.accusation;
    return [[text('facts.finding'), a ? (language === 'en' ? a.findingLabel.en : a.findingLabel.zh) : null]];
  },
  recordLine: (record, text, language) => {
    const d = record.data;
    const en = language === 'en';
    const forms = (v: unknown) =>
      Array.isArray(v)
        ? v
            .filter((f): f is string => typeof f === 'string')
            .map((f) => text(`options.forms.${f}`))
            .join(en ? ', ' : '、')
        : '';
    const choice = () =>
      typeof d.scope === 'string'
        ? text('recordLines.choice', { forms: forms(d.forms), scope: text(`options.scope.${d.scope}`) })
        : null;
    switch (record.kind) {
      case 'trigger_check': {
        const explanation = d.explanation as { zh?: string; en?: string } | undefined;
        return (en ? explanation?.en : explanation?.zh) ?? null;
      }
      case 'consent':
        return [
          choice(),
          typeof d.consultedVia === 'string' ? text(`options.consultedVia.${d.consultedVia}`) : '',
        ]
          .filter(Boolean)
          .join('；');
      case 'declined':
      case 'consent_withdrawn':
        return typeof d.consultedVia === 'string' ? text(`options.consultedVia.${d.consultedVia}`) : null;
      case 'plan':
      case 'execution':
        return [
          choice(),
          record.kind === 'execution' && typeof d.onTime === 'boolean'
            ? text(d.onTime ? 'facts.onTime' : 'facts.late')
            : '',
        ]
          .filter(Boolean)
          .join('；');
      case 'extension':
        return typeof d.amount === 'number'
          ? text('recordLines.extension', { amount: d.amount, date: String(d.deadline ?? '') })
          : null;
      case 'accuser_handling':
        return typeof d.classification === 'string'
          ? text(`options.classification.${d.classification}`)
          : null;
      case 'correction':
        return typeof d.route === 'string' ? text(`options.route.${d.route}`) : null;
      default:
        return null;
    }
  },
};

export const NAME_CLEARING_PAGES = procedurePages(NAME_CLEARING);
