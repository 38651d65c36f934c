/**
 * Request and response shapes of the error-correction procedure (纠错, shared by server and web).
 *
 * Endpoints (all signed in; CSRF header on POST):
 * - `POST /api/corrections` — a case officer orders a standalone correction: `OpenCorrectionBody`
 *   → 201 `{ id, number }`. Orders that come with a tolerance decision are opened by the decision.
 * - `GET /api/corrections/:id` → `CorrectionDetail` (404 when out of view, like a missing id).
 * - `POST /api/corrections/:id/actions/<action>` with `CORRECTION_ACTION_BODIES[action]` →
 *   `CorrectionDetail`, or 204 when the step took the matter out of the user's view.
 * - `POST /api/corrections/:id/evidence` — multipart (field `file`, optional `description`,
 *   `visibility`) → 201 `{ file, matter: CorrectionDetail }`; the `add_evidence` step.
 * - Lists: `GET /api/matters?type=correction` (the inbox lists every type, soonest deadline first);
 *   files download at `/api/matters/:matterId/files/:fileId`, documents at `/api/documents/:id.pdf`.
 */
import { z } from 'zod';
import { Text } from './common.ts';
import { AllowedAction, MatterDetail, MatterSummary, TimelineEntry } from './tolerance.ts';

const Note = Text(2000).optional();
const Required = (max: number) =>
  Text(max).refine((s) => s.trim().length > 0, { message: '不能为空\u241Emust not be empty' });
/** 限期整改: a deadline in working days (one working year at most). */
const WorkingDays = z.number().int().min(1).max(250);

export const OpenCorrectionBody = z
  .object({
    title: Required(200),
    /** The error found and why it must be corrected (stored encrypted). */
    problem: Required(20000),
    /** 责任单位: the unit that must rectify; its leader reports on the correction. */
    responsibleUnitId: z.uuid(),
    /** 整改责任人, as printed on the order. */
    responsiblePerson: Required(100),
    /** The cadre the order concerns, if any: a cadre of the responsible unit, who then sees it too. */
    subjectCadreId: z.uuid().optional(),
    /** 整改措施, one per line. */
    measures: Required(4000),
    deadlineWorkingDays: WorkingDays,
  })
  .strict();
export type OpenCorrectionBody = z.infer<typeof OpenCorrectionBody>;

/** Body schema of every correction step, by action name. */
export const CORRECTION_ACTION_BODIES = {
  report_progress: z
    .object({ progress: Required(8000), percentDone: z.number().int().min(0).max(100).optional() })
    .strict(),
  report_completion: z.object({ report: Required(8000) }).strict(),
  accept_rectification: z
    .object({
      /** What the acceptance established (验收意见). */
      findings: Required(8000),
      method: z.enum(['document_review', 'site_visit', 'interview']).default('document_review'),
      /** The evidence files (of this matter) the acceptance rests on; all of them when omitted. */
      fileIds: z.array(z.uuid()).min(1).max(50).optional(),
    })
    .strict(),
  reject_rectification: z.object({ reasons: Required(4000) }).strict(),
  escalate: z.object({ note: Note }).strict(),
  /** 拒不整改: what the unit did or said that amounts to refusing. */
  record_refusal: z.object({ facts: Required(4000) }).strict(),
  reorder: z.object({ deadlineWorkingDays: WorkingDays, instructions: Required(4000) }).strict(),
  terminate: z.object({ reason: Required(2000) }).strict(),
  look_back: z
    .object({
      result: z.enum(['sustained', 'relapsed']),
      findings: Required(8000),
      /** Required on a relapse: the new rectification period. */
      deadlineWorkingDays: WorkingDays.optional(),
    })
    .strict(),
  close: z.object({ note: Note }).strict(),
  add_evidence: z.object({}).strict(),
} as const;

export type CorrectionActionBodies = {
  [A in keyof typeof CORRECTION_ACTION_BODIES]: z.infer<(typeof CORRECTION_ACTION_BODIES)[A]>;
};

/** The order as issued. */
export const CorrectionOrderView = z.object({
  origin: z.enum(['from_decision', 'standalone']),
  measures: z.array(z.string()),
  responsibleUnit: z.object({ id: z.uuid(), name: z.string() }),
  responsiblePerson: z.string(),
  deadlineWorkingDays: z.number().int(),
  orderedOn: z.string(),
  /** The last day as first ordered; `matter.deadline` is the clock now running (after any reorder). */
  deadline: z.string(),
  /** The determination the order came with. */
  determination: z.object({ id: z.uuid(), number: z.string(), title: z.string() }).nullable(),
});

export const CorrectionDetail = z.object({
  matter: MatterSummary.extend({
    view: z.enum(['full', 'outcome', 'party', 'limited']),
    /** The error found (standalone orders); null for orders that come with a decision. */
    problem: z.string().nullable(),
    order: CorrectionOrderView.nullable(),
    /** The tolerance matter whose decision ordered the correction, when the user may see it. */
    toleranceMatter: z
      .object({ id: z.uuid(), number: z.string(), title: z.string(), status: z.string() })
      .nullable(),
    version: z.number().int(),
  }),
  allowedActions: z.array(AllowedAction),
  records: MatterDetail.shape.records,
  files: MatterDetail.shape.files,
  documents: MatterDetail.shape.documents,
  timeline: z.array(TimelineEntry),
});
export type CorrectionDetail = z.infer<typeof CorrectionDetail>;
