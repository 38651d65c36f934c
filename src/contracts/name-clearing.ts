/**
 * Request and response shapes of name clearing (澄清正名, shared by server and web).
 *
 * Endpoints (all signed in; CSRF header on POST):
 * - `GET /api/name-clearings?status=&overdueOnly=&q=&page=&pageSize=` → `NameClearingList`: the
 *   clearings the user may see, soonest deadline first.
 * - `POST /api/name-clearings` — a case officer opens a clearing on an accusation concluded as untrue:
 *   `OpenNameClearingBody` → 201 `{ id, number }` (send an `Idempotency-Key` header to make retries safe).
 * - `GET /api/name-clearings/:id` → `NameClearingDetail` (404 when out of view, like a missing id).
 *   `allowedActions` lists the steps the user may take now, each with the fields its form needs.
 * - `POST /api/name-clearings/:id/actions/<action>` with `NAME_CLEARING_ACTION_BODIES[action]` →
 *   `NameClearingDetail`, or 204 when the step took the matter out of the user's view.
 * - `GET /api/name-clearings/:id/documents` → `NameClearingDocuments`: the clearing letter and any
 *   correction orders, with their download and verification addresses (`/api/documents/:id.pdf|.docx`,
 *   `/api/verify?code=`).
 * - `POST /api/name-clearings/:id/accuser` → `AccuserIdentity`: who made the accusation, for commission
 *   staff only; every look is audited (`name_clearing.accuser_revealed`).
 */
import { z } from 'zod';
import { Page, Text } from './common.ts';
import { AllowedAction, MatterDetail, MatterSummary, TimelineEntry } from './tolerance.ts';
import { CLEARING_FORMS, CLEARING_SCOPES } from '../domain/name-clearing/scope.ts';
import { NAME_CLEARING_STATES, type NameClearingState } from '../domain/name-clearing/procedure.ts';

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Required = (max: number) =>
  Text(max).refine((s) => s.trim().length > 0, { message: '不能为空\u241Emust not be empty' });
const Label = z.object({ zh: z.string(), en: z.string() });

export const Finding = z.enum(['untrue', 'seriously_untrue', 'fabricated']);
export const Form = z.enum(CLEARING_FORMS);
export const Scope = z.enum(CLEARING_SCOPES);
/** How the officer consulted the cadre when recording their view for them. */
export const ConsultedVia = z.enum(['in_person', 'in_writing', 'phone']);
const Forms = z.array(Form).min(1).max(CLEARING_FORMS.length);
const ItemIds = z.array(Text(20)).max(20);

/** Fields the officer enters when recording the cadre's view for them (ignored when the cadre acts). */
const Consultation = {
  consultedVia: ConsultedVia.optional(),
  consultedOn: LocalDate.optional(),
};

export const OpenNameClearingBody = z
  .object({
    /** The cadre the accusation was about (in the officer's jurisdiction, not of the officer's unit). */
    subjectCadreId: z.uuid(),
    /** Defaults to 关于<name>同志被反映问题的澄清正名. */
    title: Text(200).optional(),
    /** From a complaint recorded in the complaint-handling system, or entered by the officer. */
    source: z.enum(['complaint_record', 'officer_entry']),
    /** 信访举报件编号: required for `complaint_record`. */
    complaintNumber: Text(60).optional(),
    receivedOn: LocalDate,
    /** The day the accusation was concluded untrue (了结): the clearing deadline counts from it. */
    concludedOn: LocalDate,
    finding: Finding,
    /** What was alleged, printed in the letter (stored encrypted). */
    allegation: Required(2000),
    /** What the verification established (核查结论; stored encrypted, shown to the cadre). */
    conclusion: Required(8000),
    /** Who accused: anonymous, or named (the identity stored encrypted, seen by commission staff only). */
    accuser: z
      .object({
        anonymous: z.boolean(),
        name: Text(100).optional(),
        contact: Text(200).optional(),
        note: Text(2000).optional(),
      })
      .strict(),
  })
  .strict();
export type OpenNameClearingBody = z.infer<typeof OpenNameClearingBody>;

const ClearingChoice = { forms: Forms, scope: Scope };

/** Body schema of every name-clearing step, by action name. */
export const NAME_CLEARING_ACTION_BODIES = {
  check_triggers: z
    .object({
      /** Ids of the policy's triggers that hold (`T1`…). */
      triggers: ItemIds,
      /** Ids of the policy's exclusions that apply (`E1`…); any one means no clearing. */
      exclusions: ItemIds,
      /** Reasons for open items (e.g. `{ "T4": "…" }`). */
      itemReasons: z.record(z.string().max(20), Required(2000)).optional(),
      /** 研判意见. */
      analysis: Required(8000),
    })
    .strict(),
  record_consent: z.object({ ...ClearingChoice, opinion: Text(2000).optional(), ...Consultation }).strict(),
  decline: z.object({ reason: Text(2000).optional(), ...Consultation }).strict(),
  submit_for_approval: z
    .object({ ...ClearingChoice, arrangements: Required(4000), plannedOn: LocalDate.optional() })
    .strict(),
  withdraw_consent: z.object({ reason: Text(2000).optional(), ...Consultation }).strict(),
  approve: z.object({ opinion: Text(2000).optional() }).strict(),
  return_plan: z.object({ reasons: Required(4000) }).strict(),
  extend_deadline: z.object({ amount: z.number().int().min(1).max(250), reason: Required(2000) }).strict(),
  execute: z.object({ ...ClearingChoice, executedOn: LocalDate, details: Required(4000) }).strict(),
  handle_accuser: z
    .object({
      classification: z.enum(['malicious', 'mistaken']),
      reasons: Required(4000),
      /** For 诬告陷害: where the lead goes. */
      referredTo: z.enum(['case_review', 'public_security', 'organisation', 'accuser_unit']).optional(),
    })
    .strict(),
  order_correction: z.discriminatedUnion('route', [
    z
      .object({
        route: z.literal('order'),
        wrongHandling: Required(4000),
        responsibleUnitId: z.uuid(),
        responsiblePerson: Required(100),
        measures: Required(4000),
        deadlineWorkingDays: z.number().int().min(1).max(250),
      })
      .strict(),
    z
      .object({
        route: z.literal('recommend'),
        wrongHandling: Required(4000),
        recommendTo: Required(200),
        recommendation: Required(4000),
      })
      .strict(),
  ]),
  archive: z.object({ integrityFileRef: Text(100).optional(), note: Text(2000).optional() }).strict(),
  close: z.object({ note: Text(2000).optional() }).strict(),
} as const;

export type NameClearingActionBodies = {
  [A in keyof typeof NAME_CLEARING_ACTION_BODIES]: z.infer<(typeof NAME_CLEARING_ACTION_BODIES)[A]>;
};

/** One input of an action's form: what the web renders, in the order given. */
export const ActionField = z.object({
  /** The body key (`forms`, `scope` …). */
  name: z.string(),
  kind: z.enum(['text', 'textarea', 'date', 'integer', 'select', 'multiselect', 'unit', 'record']),
  required: z.boolean(),
  label: Label,
  /** For select / multiselect: the values allowed now (e.g. only the forms the cadre consented to). */
  options: z.array(z.object({ value: z.string(), label: Label, hint: z.string().optional() })).optional(),
  /** For integer: bounds; for text: the maximum length. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Shown (and required, if `required`) only when another field has this value. */
  when: z.object({ field: z.string(), equals: z.string() }).optional(),
  /** For `record`: keys are option values of the field named here, values text (`itemReasons`). */
  keyedBy: z.string().optional(),
});
export type ActionField = z.infer<typeof ActionField>;

export const NameClearingAllowedAction = AllowedAction.extend({ fields: z.array(ActionField) });

const Choice = z.object({
  forms: z.array(z.object({ value: Form, label: Label })),
  scope: z.object({ value: Scope, label: Label }),
});

/** The policy items as listed for the trigger check. */
const PolicyItem = z.object({
  id: z.string(),
  label: Label,
  clause: z.string(),
  requiresReason: z.boolean(),
});

export const NameClearingView = MatterSummary.extend({
  view: z.enum(['full', 'outcome', 'party', 'limited']),
  version: z.number().int(),
  /** The accusation as concluded; null for a recused member. */
  accusation: z
    .object({
      source: z.enum(['complaint_record', 'officer_entry']),
      complaintNumber: z.string().nullable(),
      receivedOn: z.string(),
      concludedOn: z.string(),
      finding: Finding,
      findingLabel: Label,
      allegation: z.string(),
      /** 核查结论 (not shown to the organisation department). */
      conclusion: z.string().nullable(),
      /** Commission staff only: whether the accuser is known; the identity comes from POST …/accuser. */
      accuser: z.object({ anonymous: z.boolean() }).nullable(),
    })
    .nullable(),
  policy: z
    .object({
      id: z.string(),
      version: z.string(),
      triggers: z.array(PolicyItem),
      exclusions: z.array(PolicyItem),
      period: z.object({ unit: z.string(), amount: z.number() }),
    })
    .nullable(),
  triggerCheck: z
    .object({
      result: z.enum(['required', 'excluded', 'not_triggered']),
      triggers: z.array(z.object({ id: z.string(), label: Label })),
      exclusions: z.array(z.object({ id: z.string(), label: Label })),
      explanation: Label,
      checkedOn: z.string(),
    })
    .nullable(),
  consent: Choice.extend({
    consentedOn: z.string(),
    recordedBy: z.enum(['cadre', 'commission']),
    consultedVia: z.enum(['online', 'in_person', 'in_writing', 'phone']),
  }).nullable(),
  declined: z.object({ on: z.string(), recordedBy: z.enum(['cadre', 'commission']) }).nullable(),
  plan: Choice.extend({ submittedOn: z.string(), plannedOn: z.string().nullable() }).nullable(),
  approval: z.object({ approvedOn: z.string(), approvedBy: z.string() }).nullable(),
  execution: Choice.extend({
    executedOn: z.string(),
    onTime: z.boolean(),
    letter: z.object({ documentId: z.uuid(), number: z.string(), code: z.string() }),
  }).nullable(),
  extension: z
    .object({ amount: z.number(), unit: z.string(), approvedOn: z.string(), approvedBy: z.string() })
    .nullable(),
  /** Commission staff only. */
  accuserHandling: z
    .object({
      classification: z.enum(['malicious', 'mistaken']),
      classificationLabel: Label,
      referredTo: z.string().nullable(),
      referredToLabel: Label.nullable(),
      handledOn: z.string(),
    })
    .nullable(),
  corrections: z.array(
    z.object({
      route: z.enum(['order', 'recommend']),
      on: z.string(),
      recommendTo: z.string().nullable(),
      /** The correction matter opened (route `order`). */
      correction: z.object({ id: z.uuid(), number: z.string() }).nullable(),
    }),
  ),
  archive: z
    .object({ on: z.string(), orgDept: z.string(), integrityFileRef: z.string().nullable() })
    .nullable(),
});

export const NameClearingDetail = z.object({
  matter: NameClearingView,
  allowedActions: z.array(NameClearingAllowedAction),
  records: MatterDetail.shape.records,
  files: MatterDetail.shape.files,
  documents: MatterDetail.shape.documents,
  timeline: z.array(TimelineEntry),
});
export type NameClearingDetail = z.infer<typeof NameClearingDetail>;

export const NameClearingListQuery = Page.extend({
  status: z.enum(Object.keys(NAME_CLEARING_STATES) as [NameClearingState, ...NameClearingState[]]).optional(),
  overdueOnly: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  q: Text(100).optional(),
});

export const NameClearingList = z.object({
  items: z.array(
    MatterSummary.extend({
      concludedOn: z.string().nullable(),
      /** Where the clearing stands as a word: cleared, not cleared, or still open. */
      result: z.enum(['open', 'cleared', 'not_cleared']),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const NameClearingDocuments = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      number: z.string(),
      title: z.string(),
      code: z.string(),
      issuedAt: z.string(),
      pdf: z.string(),
      docx: z.string(),
      verify: z.string(),
    }),
  ),
});

export const AccuserIdentity = z.object({
  anonymous: z.boolean(),
  name: z.string().nullable(),
  contact: z.string().nullable(),
  note: z.string().nullable(),
});
