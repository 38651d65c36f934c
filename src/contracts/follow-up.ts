/**
 * Request and response shapes of sanctions, influence periods, appointments and follow-up visits
 * (回访教育, 重新使用; shared by server and web).
 *
 * Sanctions and the influence-period block (all signed in; CSRF header on POST):
 * - `GET /api/sanctions?…` (`SanctionListQuery`) → `SanctionList`: sanctions in the user's scope,
 *   newest first, e.g. `followUp=missing` for those still waiting for a visit plan.
 * - `GET /api/sanctions/:id` → `SanctionView` (with its follow-ups and `allowedActions`).
 * - `GET /api/cadres/:id/sanctions` → `CadreSanctions`; `POST /api/cadres/:id/sanctions` with
 *   `RecordSanctionBody` → 201 `SanctionView` (case officer or commission leader).
 * - `GET /api/cadres/:id/influence` → `InfluenceView`: the block on promotion today, every period,
 *   and the appointment proposals recorded; `POST /api/cadres/:id/appointments` with
 *   `RecordAppointmentBody` → 201 `{ appointment, influence }` (organisation department), or 409
 *   `appointment.blocked` naming the end date while a period runs (`appointment.barred` after 开除).
 *   The cadre detail (`GET /api/cadres/:id`) carries the same `influence` summary.
 *
 * Follow-up visits:
 * - `POST /api/follow-ups` with `OpenFollowUpBody` → 201 `{ id, number }` (case officer).
 * - `GET /api/follow-ups/:id` → `FollowUpDetail`; each allowed action lists the fields its body takes.
 * - `POST /api/follow-ups/:id/actions/<action>` with `FOLLOW_UP_ACTION_BODIES[action]` →
 *   `FollowUpDetail`, or 204 when the step took the matter out of the user's view.
 * - Lists: `GET /api/matters?type=follow_up`; the register form downloads at
 *   `/api/documents/:id.pdf|.docx` and verifies at `/api/verify?code=`.
 */
import { z } from 'zod';
import { isLocalDate } from '../domain/calendar/local-date.ts';
import { VISIT_GRADES, VISIT_METHODS } from '../domain/follow-up/procedure.ts';
import { SANCTION_TYPES } from '../domain/policy/types.ts';
import { Page, Text } from './common.ts';
import { MatterDetail, MatterSummary, TimelineEntry } from './tolerance.ts';

const Label = z.object({ zh: z.string(), en: z.string() });
const LocalDate = z
  .string()
  .refine(isLocalDate, { message: '应为 YYYY-MM-DD 格式的真实日期\u241Emust be a real date as YYYY-MM-DD' });
const Required = (max: number) =>
  Text(max).refine((s) => s.trim().length > 0, { message: '不能为空\u241Emust not be empty' });
const Note = Text(2000).optional();

export const SanctionTypeSchema = z.enum(SANCTION_TYPES);
export const SanctionCategorySchema = z.enum(['party_discipline', 'public_office', 'organisational']);
export const AppointmentKindSchema = z.enum(['promotion', 'important_post', 'rank_promotion']);

// ——— Sanctions ———

export const RecordSanctionBody = z
  .object({
    type: SanctionTypeSchema,
    /** The day the decision was made (for a Party sanction, approved). */
    decidedOn: LocalDate,
    /** The day it took effect: the influence period runs from here. */
    effectiveOn: LocalDate,
    /** 作出决定的机关, e.g. '中共K县纪律检查委员会'. */
    decidedBy: Required(200),
    /** 处分决定文号. */
    documentNumber: Text(100).optional(),
    /** What the sanction was for (stored encrypted; read by the commission and the cadre). */
    summary: Text(8000).optional(),
    /** The matter it came from (e.g. a tolerance matter refused), about the same cadre. */
    sourceMatterId: z.uuid().optional(),
  })
  .strict();
export type RecordSanctionBody = z.infer<typeof RecordSanctionBody>;

const CadreBrief = z.object({ id: z.uuid(), name: z.string(), unitName: z.string(), position: z.string() });

/** How an action is offered: its label and the fields of its body, so a page can build the form. */
export const ActionField = z.object({
  name: z.string(),
  kind: z.enum(['date', 'text', 'textarea', 'select', 'multiselect', 'people']),
  required: z.boolean(),
  label: Label,
  max: z.number().int().optional(),
  /** For select and multiselect. */
  options: z.array(z.object({ value: z.string(), label: Label })).optional(),
});
export type ActionField = z.infer<typeof ActionField>;
export const DescribedAction = z.object({
  action: z.string(),
  label: Label,
  danger: z.boolean(),
  fields: z.array(ActionField),
});
export type DescribedAction = z.infer<typeof DescribedAction>;

const FollowUpBrief = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.string(),
  statusLabel: Label,
  plannedOn: z.string(),
});

export const SanctionView = z.object({
  id: z.uuid(),
  cadre: CadreBrief,
  jurisdiction: z.object({ id: z.uuid(), name: z.string() }),
  category: SanctionCategorySchema,
  categoryLabel: Label,
  type: SanctionTypeSchema,
  typeLabel: Label,
  decidedOn: z.string(),
  effectiveOn: z.string(),
  decidedBy: z.string(),
  documentNumber: z.string().nullable(),
  /** Null for readers outside the commission (and the cadre themself). */
  summary: z.string().nullable(),
  /** The policy version the period was counted under. */
  policy: z.object({ id: z.string(), version: z.string() }),
  influence: z.object({
    months: z.number().int().nullable(),
    /** Last barred day; null: no end (开除). */
    endsOn: z.string().nullable(),
    reusable: z.boolean(),
    /** The period runs today. */
    running: z.boolean(),
    effect: Label,
    clause: z.string(),
    verified: z.boolean(),
  }),
  sourceMatter: z
    .object({ id: z.uuid(), number: z.string(), title: z.string(), type: z.string() })
    .nullable(),
  recordedAt: z.string(),
  followUps: z.array(FollowUpBrief),
  /** 回访 is due: the window is open and no follow-up is open or done. */
  followUpDue: z.boolean(),
  /** `plan_follow_up` (POST /api/follow-ups with `OpenFollowUpBody`) when the user may plan one now. */
  allowedActions: z.array(DescribedAction),
});
export type SanctionView = z.infer<typeof SanctionView>;

export const SanctionListQuery = Page.extend({
  cadreId: z.uuid().optional(),
  jurisdictionId: z.uuid().optional(),
  /** missing: no follow-up yet; open: one under way; done: one sent to the organisation department. */
  followUp: z.enum(['missing', 'open', 'done']).optional(),
  /** true: the influence period runs today; false: it is over. */
  running: z.enum(['true', 'false']).optional(),
}).strict();
export const SanctionList = z.object({
  items: z.array(SanctionView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ——— Influence periods and appointments ———

const BlockView = z.object({
  sanctionId: z.uuid(),
  type: SanctionTypeSchema,
  label: Label,
  effectiveOn: z.string(),
  endsOn: z.string().nullable(),
  reusable: z.boolean(),
});

export const AppointmentView = z.object({
  id: z.uuid(),
  kind: AppointmentKindSchema,
  kindLabel: Label,
  post: z.string(),
  proposedOn: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
});

/** The block on promotion and appointment, as of today (also in the cadre detail). */
export const InfluenceSummary = z.object({
  today: z.string(),
  blocked: z.boolean(),
  /** Blocked for good (开除). */
  permanent: z.boolean(),
  /** Last barred day of the longest running period. */
  until: z.string().nullable(),
  /** First day a promotion may be proposed again. */
  clearFrom: z.string().nullable(),
  reusable: z.boolean(),
  /** The running periods, longest first. */
  running: z.array(BlockView),
  /** The message an appointment proposal would be refused with now, or null. */
  refusal: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }).nullable(),
});
export type InfluenceSummary = z.infer<typeof InfluenceSummary>;

export const InfluenceView = InfluenceSummary.extend({
  cadre: CadreBrief,
  /** Every period, running or not, newest first. */
  blocks: z.array(BlockView),
  appointments: z.array(AppointmentView),
  /** `record_appointment` for the organisation department when no period runs. */
  allowedActions: z.array(DescribedAction),
});
export type InfluenceView = z.infer<typeof InfluenceView>;

export const CadreSanctions = z.object({
  cadre: CadreBrief,
  sanctions: z.array(SanctionView),
  influence: InfluenceSummary,
  /** `record_sanction` for the commission's officer and leader. */
  allowedActions: z.array(DescribedAction),
});

export const RecordAppointmentBody = z
  .object({
    kind: AppointmentKindSchema,
    /** The post proposed, e.g. '县水利局局长'. */
    post: Required(200),
    note: Text(2000).optional(),
  })
  .strict();
export type RecordAppointmentBody = z.infer<typeof RecordAppointmentBody>;
export const AppointmentRecorded = z.object({ appointment: AppointmentView, influence: InfluenceView });

// ——— Follow-up visits ———

const VisitorSchema = z.object({ name: Required(50), position: Text(100).default('') }).strict();

export const OpenFollowUpBody = z
  .object({
    sanctionId: z.uuid(),
    plannedOn: LocalDate,
    /** The team planned (at least two must visit; checked when the visit is recorded). */
    visitors: z.array(VisitorSchema).max(10).default([]),
    /** 谈话提纲: the outline drafted after studying the case. */
    outline: Text(8000).optional(),
    /** 教育关爱帮带人 designated by the cadre's Party organisation. */
    mentor: Text(100).optional(),
  })
  .strict();
export type OpenFollowUpBody = z.infer<typeof OpenFollowUpBody>;

/** Body schema of every follow-up step, by action name. */
export const FOLLOW_UP_ACTION_BODIES = {
  reschedule: z.object({ plannedOn: LocalDate, reason: Required(2000) }).strict(),
  record_visit: z
    .object({
      visitedOn: LocalDate,
      place: Text(200).optional(),
      methods: z.array(z.enum(VISIT_METHODS)).min(1).max(3),
      /** At least two different people (checked with the window, bilingual error on `visitors`). */
      visitors: z.array(VisitorSchema).min(1).max(10),
      politicalThinking: Required(4000),
      conduct: Required(4000),
      work: Required(4000),
      sanctionExecution: Required(4000),
      attitude: Required(4000),
      talk: Required(8000),
      unitOpinion: Text(4000).optional(),
    })
    .strict(),
  grade: z.object({ grade: z.enum(VISIT_GRADES), reasons: Required(4000) }).strict(),
  recommend_reuse: z.object({ reasons: Required(4000), suggestedUse: Text(500).optional() }).strict(),
  decline_reuse: z.object({ reasons: Required(4000) }).strict(),
  return_for_revision: z.object({ reasons: Required(2000) }).strict(),
  deliver: z.object({ note: Note }).strict(),
  acknowledge: z.object({ note: Note }).strict(),
  cancel: z.object({ reason: Required(2000) }).strict(),
} as const;

export type FollowUpActionBodies = {
  [A in keyof typeof FOLLOW_UP_ACTION_BODIES]: z.infer<(typeof FOLLOW_UP_ACTION_BODIES)[A]>;
};

const l = (zh: string, en: string) => ({ zh, en });
const METHOD_OPTIONS = [
  { value: 'listen', label: l('听', 'Listen') },
  { value: 'observe', label: l('察', 'Observe') },
  { value: 'talk', label: l('谈', 'Talk') },
];
const GRADE_OPTIONS = [
  { value: 'good', label: l('好', 'Good') },
  { value: 'average', label: l('一般', 'Average') },
  { value: 'poor', label: l('较差', 'Poor') },
];
const date = (name: string, label: { zh: string; en: string }, required = true): ActionField => ({
  name,
  kind: 'date',
  required,
  label,
});
const area = (
  name: string,
  label: { zh: string; en: string },
  max: number,
  required = true,
): ActionField => ({
  name,
  kind: 'textarea',
  required,
  label,
  max,
});
const line = (
  name: string,
  label: { zh: string; en: string },
  max: number,
  required = true,
): ActionField => ({
  name,
  kind: 'text',
  required,
  label,
  max,
});
const people = (required: boolean): ActionField => ({
  name: 'visitors',
  kind: 'people',
  required,
  label: l('回访人员（姓名、职务，至少二人）', 'Visitors (name and post, at least two)'),
  max: 10,
});

/** The fields of each action's body, in form order; `contracts/follow-up.test.ts` checks them against the schemas. */
export const FOLLOW_UP_ACTION_FIELDS: Record<keyof typeof FOLLOW_UP_ACTION_BODIES, ActionField[]> = {
  reschedule: [
    date('plannedOn', l('计划回访日期', 'Planned date')),
    area('reason', l('调整理由', 'Reason'), 2000),
  ],
  record_visit: [
    date('visitedOn', l('回访日期', 'Date of the visit')),
    line('place', l('回访地点', 'Place'), 200, false),
    {
      name: 'methods',
      kind: 'multiselect',
      required: true,
      label: l('回访方式', 'Methods'),
      options: METHOD_OPTIONS,
    },
    people(true),
    area('politicalThinking', l('政治思想', 'Political thinking'), 4000),
    area('conduct', l('遵规守纪', 'Discipline and conduct'), 4000),
    area('work', l('工作实绩和评价', 'Work results and evaluations'), 4000),
    area('sanctionExecution', l('处分决定执行情况', 'How the sanction has been carried out'), 4000),
    area('attitude', l('本人思想认识和态度', 'The cadre’s understanding and attitude'), 4000),
    area('talk', l('谈话情况', 'The talk'), 8000),
    area('unitOpinion', l('所在党组织意见', 'Opinion of the cadre’s Party organisation'), 4000, false),
  ],
  grade: [
    { name: 'grade', kind: 'select', required: true, label: l('评定等次', 'Grade'), options: GRADE_OPTIONS },
    area('reasons', l('评定意见', 'Reasons'), 4000),
  ],
  recommend_reuse: [
    area('reasons', l('建议使用的理由', 'Reasons for reuse'), 4000),
    line('suggestedUse', l('使用方向建议', 'Suggested use'), 500, false),
  ],
  decline_reuse: [area('reasons', l('暂不建议使用的理由', 'Reasons against reuse'), 4000)],
  return_for_revision: [area('reasons', l('退回理由', 'Reasons for returning'), 2000)],
  deliver: [area('note', l('审核意见', 'Note'), 2000, false)],
  acknowledge: [area('note', l('签收意见', 'Note'), 2000, false)],
  cancel: [area('reason', l('取消理由', 'Reason'), 2000)],
};

/** The fields of `OpenFollowUpBody` beside `sanctionId` (offered as `plan_follow_up` on a sanction). */
export const PLAN_FOLLOW_UP_FIELDS: ActionField[] = [
  date('plannedOn', l('计划回访日期', 'Planned date')),
  people(false),
  area('outline', l('谈话提纲', 'Interview outline'), 8000, false),
  line('mentor', l('教育关爱帮带人', 'Mentor'), 100, false),
];

/** The fields of `RecordSanctionBody` (offered as `record_sanction` on a cadre). */
export const RECORD_SANCTION_FIELDS: ActionField[] = [
  {
    name: 'type',
    kind: 'select',
    required: true,
    label: l('处分或处理', 'Sanction or handling'),
    options: [],
  },
  date('decidedOn', l('决定日期', 'Decided on')),
  date('effectiveOn', l('生效日期', 'Effective on')),
  line('decidedBy', l('决定机关', 'Decided by'), 200),
  line('documentNumber', l('决定文号', 'Document number'), 100, false),
  area('summary', l('主要问题', 'What it was for'), 8000, false),
  line('sourceMatterId', l('来源事项', 'Source matter'), 36, false),
];

/** The fields of `RecordAppointmentBody` (offered as `record_appointment` on a cadre's influence view). */
export const RECORD_APPOINTMENT_FIELDS: ActionField[] = [
  {
    name: 'kind',
    kind: 'select',
    required: true,
    label: l('类别', 'Kind'),
    options: [
      { value: 'promotion', label: l('提拔任职', 'Promotion') },
      { value: 'important_post', label: l('重要岗位任用', 'Important post') },
      { value: 'rank_promotion', label: l('职级晋升', 'Rank promotion') },
    ],
  },
  line('post', l('拟任职务', 'Post proposed'), 200),
  area('note', l('备注', 'Note'), 2000, false),
];

const Visitor = z.object({ name: z.string(), position: z.string() });

export const FollowUpDetail = z.object({
  matter: MatterSummary.extend({
    view: z.enum(['full', 'outcome', 'party', 'limited']),
    version: z.number().int(),
    /** The sanction followed up (null only for a recused member's limited view). */
    sanction: z
      .object({
        id: z.uuid(),
        type: SanctionTypeSchema,
        typeLabel: Label,
        categoryLabel: Label,
        decidedOn: z.string(),
        effectiveOn: z.string(),
        decidedBy: z.string(),
        documentNumber: z.string().nullable(),
        influenceMonths: z.number().int().nullable(),
        influenceEndsOn: z.string().nullable(),
        reusable: z.boolean(),
      })
      .nullable(),
    /** When visits may fall: the sanction's effective day to the last day of its influence period. */
    window: z.object({ from: z.string(), until: z.string().nullable() }).nullable(),
    plan: z
      .object({
        plannedOn: z.string(),
        visitors: z.array(Visitor),
        outline: z.string().nullable(),
        mentor: z.string().nullable(),
      })
      .nullable(),
    /** The register form as filled in (commission and organisation department). */
    visit: z
      .object({
        visitedOn: z.string(),
        place: z.string().nullable(),
        methods: z.array(z.enum(VISIT_METHODS)),
        methodLabels: z.array(Label),
        visitors: z.array(Visitor),
        politicalThinking: z.string(),
        conduct: z.string(),
        work: z.string(),
        sanctionExecution: z.string(),
        attitude: z.string(),
        talk: z.string(),
        unitOpinion: z.string().nullable(),
      })
      .nullable(),
    grade: z
      .object({ grade: z.enum(VISIT_GRADES), label: Label, reasons: z.string(), gradedOn: z.string() })
      .nullable(),
    reuse: z
      .object({
        recommended: z.boolean(),
        reasons: z.string(),
        suggestedUse: z.string().nullable(),
        decidedOn: z.string(),
        deliveredOn: z.string().nullable(),
        receivedOn: z.string().nullable(),
      })
      .nullable(),
    /** The register form sent to the organisation department. */
    registerForm: z.object({ documentId: z.uuid(), number: z.string(), code: z.string() }).nullable(),
  }),
  allowedActions: z.array(DescribedAction),
  records: MatterDetail.shape.records,
  files: MatterDetail.shape.files,
  documents: MatterDetail.shape.documents,
  timeline: z.array(TimelineEntry),
});
export type FollowUpDetail = z.infer<typeof FollowUpDetail>;
