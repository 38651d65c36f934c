/**
 * Request and response shapes of pre-registration (事前报备, shared by server and web).
 *
 * Endpoints (all signed in; CSRF header on POST):
 * - `POST /api/pre-registrations` — a cadre (`own_filing`) or a unit leader (`unit_filing`) files a
 *   risky initiative before acting, or saves a draft: `OpenPreRegistrationBody` → 201 `{ id, number }`
 *   (send an `Idempotency-Key` header to make retries safe).
 * - `GET /api/pre-registrations/:id` → `PreRegistrationDetail`.
 * - `POST /api/pre-registrations/:id/actions/<action>` with `PRE_REGISTRATION_ACTION_BODIES[action]`
 *   → `PreRegistrationDetail`, or 204 when the step took the matter out of the user's view.
 * - `POST /api/pre-registrations/:id/attachments` — multipart (field `file`, optional `description`)
 *   → 201 `{ file, matter: PreRegistrationDetail }`; the `add_evidence` step.
 * - Lists: `GET /api/matters?type=pre_registration`. A tolerance matter links to an acknowledged
 *   filing with `preRegistrationId` in `POST /api/matters`; the receipt verifies at `/api/verify?code=`.
 */
import { z } from 'zod';
import { Text } from './common.ts';
import { AllowedAction, MatterDetail, MatterSummary, TimelineEntry } from './tolerance.ts';

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Required = (max: number) =>
  Text(max).refine((s) => s.trim().length > 0, { message: '不能为空\u241Emust not be empty' });

const RiskControl = z.object({ risk: Required(2000), controls: Required(4000) }).strict();
const CollectiveDecision = z
  .object({ body: Required(200), heldOn: LocalDate, reference: Text(200).optional() })
  .strict();

/** What is filed. */
const FilingFields = {
  /** The initiative, e.g. '村集体土地经营权入股农业企业试点'. */
  title: Required(200),
  /** What will be done and why (stored encrypted). */
  description: Required(20000),
  category: Text(100).optional(),
  /** 法规空白: where law or policy is silent or unclear. */
  legalGap: Required(8000),
  risks: z.array(RiskControl).min(1).max(20),
  /** 集体研究: who decided the initiative and when; the minutes go in as an attachment. */
  collectiveDecision: CollectiveDecision.optional(),
  plannedStartOn: LocalDate,
  responsiblePerson: Text(100).optional(),
};

export const OpenPreRegistrationBody = z
  .object({
    route: z.enum(['own_filing', 'unit_filing']),
    /** For a unit filing: the unit filed for; defaults to the only unit the user leads. */
    unitId: z.uuid().optional(),
    ...FilingFields,
    /** File straight away instead of saving a draft. */
    submit: z.boolean().default(false),
  })
  .strict();
export type OpenPreRegistrationBody = z.infer<typeof OpenPreRegistrationBody>;

/** Body schema of every pre-registration step, by action name. */
export const PRE_REGISTRATION_ACTION_BODIES = {
  /** Only the fields given change; a collective decision given as null is removed. */
  revise: z
    .object(FilingFields)
    .partial()
    .extend({ collectiveDecision: CollectiveDecision.nullable().optional() })
    .strict(),
  submit: z.object({ note: Text(2000).optional() }).strict(),
  /** 初审意见, printed on the receipt. */
  acknowledge: z.object({ opinion: Text(4000).optional() }).strict(),
  return_filing: z.object({ reasons: Required(4000) }).strict(),
  withdraw: z.object({ reason: Text(2000).optional() }).strict(),
  add_evidence: z.object({}).strict(),
} as const;

export type PreRegistrationActionBodies = {
  [A in keyof typeof PRE_REGISTRATION_ACTION_BODIES]: z.infer<(typeof PRE_REGISTRATION_ACTION_BODIES)[A]>;
};

export const FilingView = z.object({
  category: z.string().nullable(),
  legalGap: z.string(),
  risks: z.array(z.object({ risk: z.string(), controls: z.string() })),
  collectiveDecision: z
    .object({ body: z.string(), heldOn: z.string(), reference: z.string().nullable() })
    .nullable(),
  plannedStartOn: z.string(),
  responsiblePerson: z.string().nullable(),
});

export const ReviewView = z.object({
  result: z.enum(['acknowledged', 'returned']),
  reviewedOn: z.string(),
  /** Within the policy's first-review time. */
  onTime: z.boolean(),
  /** Acknowledged: what the receipt seals. */
  receipt: z
    .object({ documentId: z.uuid(), code: z.string(), filingDigest: z.string(), sealedAt: z.string() })
    .nullable(),
});

export const PreRegistrationDetail = z.object({
  matter: MatterSummary.extend({
    view: z.enum(['full', 'outcome', 'party', 'limited']),
    description: z.string().nullable(),
    filing: FilingView.nullable(),
    /** The latest review (a returned filing filed again is reviewed again). */
    review: ReviewView.nullable(),
    /** Tolerance matters on the same initiative that the user may see. */
    linkedMatters: z.array(
      z.object({ id: z.uuid(), number: z.string(), title: z.string(), status: z.string() }),
    ),
    version: z.number().int(),
  }),
  allowedActions: z.array(AllowedAction),
  records: MatterDetail.shape.records,
  files: MatterDetail.shape.files,
  documents: MatterDetail.shape.documents,
  timeline: z.array(TimelineEntry),
});
export type PreRegistrationDetail = z.infer<typeof PreRegistrationDetail>;
