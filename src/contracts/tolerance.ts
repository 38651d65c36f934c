/** Request and response shapes of the tolerance procedure (shared by server and web). */
import { z } from 'zod';
import { Text } from './common.ts';
import { FactsSchema, RecommendationSchema } from './facts.ts';

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const OutcomeSchema = z.enum(['exempt', 'mitigate', 'refuse']);
export const RouteSchema = z.enum(['own_application', 'unit_application', 'ex_officio', 'pre_registration']);
const Note = Text(2000).optional();
const Required = (max: number) => Text(max).refine((s) => s.trim().length > 0, { message: '不能为空\u241Emust not be empty' });

export const CorrectionOrder = z.object({
  measures: Required(4000),
  responsible: Required(100),
  deadlineWorkingDays: z.number().int().min(1).max(250),
});
export type CorrectionOrder = z.infer<typeof CorrectionOrder>;

export const OpenMatterBody = z
  .object({
    route: RouteSchema,
    /** Required for unit applications and ex officio; a cadre's own application is about themself. */
    subjectCadreId: z.uuid().optional(),
    title: Required(200),
    /** What happened, in the applicant's words (stored encrypted). */
    summary: Required(20000),
    conductDate: LocalDate.optional(),
    accountabilityRef: Text(200).optional(),
    preRegistrationId: z.uuid().optional(),
    /** File straight away instead of saving a draft. */
    submit: z.boolean().default(false),
  })
  .strict();
export type OpenMatterBody = z.infer<typeof OpenMatterBody>;

/** Body schema of every procedure step, by action name. */
export const ACTION_BODIES = {
  submit: z.object({ note: Note }).strict(),
  request_supplement: z.object({ items: Required(2000) }).strict(),
  supplement: z.object({ note: Required(4000) }).strict(),
  accept: z.object({ note: Note }).strict(),
  refuse_acceptance: z.object({ reasons: Required(4000) }).strict(),
  add_task: z
    .object({
      kind: z.enum(['document_review', 'interview', 'site_visit', 'inquiry']),
      description: Required(2000),
      assigneeUserId: z.uuid().optional(),
      dueOn: LocalDate.optional(),
    })
    .strict(),
  complete_task: z.object({ taskId: z.uuid(), result: Required(20000) }).strict(),
  record_unit_opinion: z.object({ stance: z.enum(['support', 'oppose', 'neutral']), opinion: Required(8000) }).strict(),
  extend_verification: z.object({ reason: Required(2000) }).strict(),
  record_facts: z.object({ facts: FactsSchema.omit({ jurisdiction: true, route: true }), findings: Required(20000) }).strict(),
  propose: z
    .object({
      outcome: OutcomeSchema,
      /** 三个区分开来 analysis and the reasons for the proposal. */
      analysis: Required(20000),
      measure: Text(200).optional(),
      correctionOrder: CorrectionOrder.optional(),
      departureReason: Text(4000).optional(),
      exclusionJustification: Text(4000).optional(),
      /** 偏离提示: why the outcome differs from most of the nearest decided matters (required when it does). */
      divergenceReason: Text(2000).optional(),
    })
    .strict(),
  return_for_verification: z.object({ reason: Required(2000) }).strict(),
  convene_meeting: z
    .object({
      heldOn: LocalDate,
      title: Text(200).optional(),
      /** Committee members present (user ids); the rest of the body counts as absent. */
      present: z.array(z.uuid()).min(1).max(50),
    })
    .strict(),
  declare_conflict: z.object({ reason: Required(1000) }).strict(),
  cast_vote: z.object({ vote: OutcomeSchema, opinion: Required(4000) }).strict(),
  decide: z
    .object({
      minutes: Required(20000),
      /** What the tolerance travels with (DOMAIN §13.3); fixes the appeal route. Default: a Party accountability decision. */
      appealType: z.enum(['party_accountability', 'party_sanction', 'public_office_sanction', 'civil_servant_handling']).optional(),
      measure: Text(200).optional(),
      correctionOrder: CorrectionOrder.optional(),
      departureReason: Text(4000).optional(),
      exclusionJustification: Text(4000).optional(),
      /** 偏离提示: required when the carried outcome differs from most of the nearest decided matters, unless the proposal gave one for it. */
      divergenceReason: Text(2000).optional(),
    })
    .strict(),
  approve: z.object({ note: Note }).strict(),
  reject_approval: z.object({ reason: Required(2000) }).strict(),
  notify: z.object({ note: Note }).strict(),
  acknowledge_receipt: z.object({ receivedOn: LocalDate.optional() }).strict(),
  record_delivery: z.object({ deliveredOn: LocalDate, method: z.enum(['in_person', 'by_post', 'refused_to_sign', 'announcement']), note: Note }).strict(),
  publicize: z.object({ scope: Required(500), until: LocalDate.optional() }).strict(),
  file_with_higher: z.object({ note: Note }).strict(),
  appeal: z
    .object({
      appealType: z.enum(['party_accountability', 'party_sanction', 'public_office_sanction', 'civil_servant_handling']),
      /** Which part of the combined decision is contested (DOMAIN §4.1 step 9). */
      contested: z.enum(['tolerance', 'sanction', 'both']),
      grounds: Required(20000),
    })
    .strict(),
  assign_review_panel: z.object({ members: z.array(z.uuid()).min(2).max(20) }).strict(),
  review_decide: z
    .object({
      result: z.enum(['upheld', 'changed']),
      outcome: OutcomeSchema.optional(),
      reasons: Required(20000),
      /** 减责 on review: the measure taken instead (required when the review changes the outcome to mitigate). */
      measure: Text(200).optional(),
    })
    .strict(),
  close: z.object({ note: Note }).strict(),
  /** 重新研究: why the decision is reconsidered over its escalated correction (overdue or refused). */
  reopen: z.object({ reason: Required(4000) }).strict(),
  withdraw: z.object({ reason: Text(2000).optional() }).strict(),
  suspend: z.object({ reason: Required(2000) }).strict(),
  resume: z.object({ note: Note }).strict(),
  convert: z.object({ reason: Required(2000), caseRef: Text(200).optional() }).strict(),
  add_evidence: z.object({}).strict(),
} as const;

export type ActionBodies = { [A in keyof typeof ACTION_BODIES]: z.infer<(typeof ACTION_BODIES)[A]> };

const Label = z.object({ zh: z.string(), en: z.string() });

export const DeadlineView = z.object({
  kind: z.string(),
  dueDate: z.string(),
  status: z.enum(['on_time', 'due_soon', 'overdue', 'paused']),
  workingDaysRemaining: z.number().int(),
  uncertain: z.boolean(),
  missingYears: z.array(z.number().int()),
});

export const MatterSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.string(),
  title: z.string(),
  status: z.string(),
  statusLabel: Label,
  route: z.string().nullable(),
  subject: z.object({ id: z.uuid(), name: z.string(), unitName: z.string() }).nullable(),
  jurisdiction: z.object({ id: z.uuid(), name: z.string() }),
  outcome: OutcomeSchema.nullable(),
  deadline: DeadlineView.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MatterSummary = z.infer<typeof MatterSummary>;

export const InboxQuery = z.object({
  /** Matter type; every type when omitted. */
  type: z.enum(['tolerance', 'correction', 'name_clearing', 'follow_up', 'pre_registration']).optional(),
  status: Text(40).optional(),
  route: RouteSchema.optional(),
  jurisdictionId: z.uuid().optional(),
  q: Text(100).optional(),
  overdueOnly: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const MatterList = z.object({ items: z.array(MatterSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const AllowedAction = z.object({ action: z.string(), label: Label, danger: z.boolean() });

export const TimelineEntry = z.object({ seq: z.number().int(), at: z.string(), actor: z.string(), action: z.string(), label: Label, data: z.record(z.string(), z.unknown()) });

export const MatterDetail = z.object({
  matter: MatterSummary.extend({
    view: z.enum(['full', 'outcome', 'party', 'limited']),
    summary: z.string().nullable(),
    accountabilityRef: z.string().nullable(),
    conductDate: z.string().nullable(),
    policy: z.object({ id: z.string(), version: z.string() }).nullable(),
    facts: z.unknown().nullable(),
    recommendation: RecommendationSchema.nullable(),
    proposal: z.unknown().nullable(),
    decision: z.unknown().nullable(),
    receivedOn: z.string().nullable(),
    appealDeadline: z.string().nullable(),
    filedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    version: z.number().int(),
  }),
  allowedActions: z.array(AllowedAction),
  records: z.array(z.object({ id: z.uuid(), kind: z.string(), status: z.string().nullable(), data: z.record(z.string(), z.unknown()), text: z.string().nullable(), createdAt: z.string(), createdBy: z.string().nullable() })),
  files: z.array(z.object({ id: z.uuid(), filename: z.string(), size: z.number().int(), mime: z.string(), digest: z.string(), createdAt: z.string() })),
  documents: z.array(z.object({ id: z.uuid(), kind: z.string(), number: z.string(), title: z.string(), code: z.string(), recipient: z.string().nullable(), issuedAt: z.string() })),
  meeting: z
    .object({
      id: z.uuid(),
      heldOn: z.string(),
      title: z.string(),
      participants: z.array(z.object({ userId: z.uuid(), name: z.string(), present: z.boolean(), recused: z.boolean(), vote: OutcomeSchema.nullable(), opinion: z.string().nullable() })),
      tally: z.unknown(),
    })
    .nullable(),
  timeline: z.array(TimelineEntry),
});
