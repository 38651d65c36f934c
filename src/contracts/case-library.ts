/**
 * Request and response shapes of the typical case library (典型案例库, shared by server and web).
 *
 * Signed in (CSRF header on POST):
 * - `GET /api/case-library?q=&outcome=&situation=&exclusion=&year=&jurisdictionId=&status=` —
 *   search: the commission and the higher level see published and internal cases within their
 *   jurisdictions; everyone else the published ones. → `CaseList`.
 * - `GET /api/case-library/candidates?q=` — decided matters a case officer may prepare. → `CaseCandidates`.
 * - `POST /api/case-library` `{ matterId }` — the case officer prepares a de-identified draft → 201 `{ id }`.
 * - `GET /api/case-library/:id` → `CaseDetail` (with the personal data still found, highlighted).
 * - `POST /api/case-library/:id/actions/<action>` with `CASE_ACTION_BODIES[action]` → `CaseDetail`.
 *
 * Public (no sign-in, rate-limited per address; published fields only):
 * - `GET /api/public/cases?q=&outcome=&year=` → `PublicCaseList`;
 * - `GET /api/public/cases/:id` → `PublicCase`.
 */
import { z } from 'zod';
import { Page, Text } from './common.ts';
import { PERSONAL_DATA_KINDS } from '../domain/case-library/deidentify.ts';
import { CASE_ENTRY_STATES } from '../domain/case-library/procedure.ts';

const Label = z.object({ zh: z.string(), en: z.string() });
const Required = (max: number) =>
  Text(max).refine((s) => s.trim().length > 0, { message: '不能为空\u241Emust not be empty' });
const Outcome = z.enum(['exempt', 'mitigate', 'refuse']);
const CaseStatus = z.enum(Object.keys(CASE_ENTRY_STATES) as [keyof typeof CASE_ENTRY_STATES]);
/** A policy item id: S3, X10 … */
const ItemId = z.string().regex(/^[A-Z]{1,2}\d{1,3}$/, 'S3, X10 …');

export const CaseTextLimits = { title: 200, facts: 6000, handling: 6000, significance: 3000 } as const;

export const PrepareCaseBody = z.object({ matterId: z.uuid() }).strict();

/** Body schema of every step of a case, by action name. */
export const CASE_ACTION_BODIES = {
  /** Only the texts given change. `redeidentify` runs the automatic de-identification over them again. */
  revise: z
    .object({
      title: Required(CaseTextLimits.title).optional(),
      facts: Required(CaseTextLimits.facts).optional(),
      handling: Required(CaseTextLimits.handling).optional(),
      significance: Text(CaseTextLimits.significance).optional(),
      redeidentify: z.boolean().default(false),
    })
    .strict(),
  propose: z.object({ note: Text(2000).optional() }).strict(),
  approve: z.object({ note: Text(2000).optional() }).strict(),
  return_case: z.object({ reason: Required(2000) }).strict(),
  withdraw: z.object({ reason: Required(2000) }).strict(),
} as const;

export type CaseActionBodies = {
  [A in keyof typeof CASE_ACTION_BODIES]: z.infer<(typeof CASE_ACTION_BODIES)[A]>;
};

export const CaseLibraryQuery = Page.extend({
  q: Text(100).optional(),
  outcome: Outcome.optional(),
  situation: ItemId.optional(),
  exclusion: ItemId.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  jurisdictionId: z.uuid().optional(),
  status: CaseStatus.optional(),
});
export type CaseLibraryQuery = z.infer<typeof CaseLibraryQuery>;

export const PublicCaseQuery = Page.extend({
  q: Text(100).optional(),
  outcome: Outcome.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type PublicCaseQuery = z.infer<typeof PublicCaseQuery>;

export const CandidateQuery = Page.extend({ q: Text(100).optional() });

const Range = z.object({ start: z.number().int(), end: z.number().int() });
const Snippet = z.object({ text: z.string(), highlights: z.array(Range) });
const Item = z.object({ id: z.string(), zh: z.string(), en: z.string() });

/** Personal data found in a text: where, what kind, and whether it blocks publication. */
export const PersonalDataSpan = z.object({
  start: z.number().int(),
  end: z.number().int(),
  kind: z.enum(PERSONAL_DATA_KINDS),
  certain: z.boolean(),
});

export const CaseListItem = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  title: z.string(),
  titleHighlights: z.array(Range),
  snippet: Snippet,
  outcome: Outcome,
  outcomeLabel: Label,
  status: CaseStatus,
  statusLabel: Label,
  /** YYYY-MM */
  decidedMonth: z.string(),
  jurisdiction: z.object({ id: z.uuid(), name: z.string() }),
  situations: z.array(Item),
  exclusions: z.array(Item),
  publishedAt: z.string().nullable(),
});

const Facets = z.object({
  years: z.array(z.number().int()),
  situations: z.array(Item),
  exclusions: z.array(Item),
});

export const CaseList = z.object({
  items: z.array(CaseListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Whether internal (unpublished) cases are included for this user. */
  internal: z.boolean(),
  facets: Facets,
});
export type CaseList = z.infer<typeof CaseList>;

export const CaseCandidates = z.object({
  items: z.array(
    z.object({
      matterId: z.uuid(),
      number: z.string(),
      title: z.string(),
      outcome: Outcome,
      outcomeLabel: Label,
      decidedOn: z.string(),
      status: z.string(),
      statusLabel: Label,
      jurisdiction: z.object({ id: z.uuid(), name: z.string() }),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CaseCandidates = z.infer<typeof CaseCandidates>;

const AllowedAction = z.object({ action: z.string(), label: Label, danger: z.boolean() });

export const CaseDetail = z.object({
  entry: z.object({
    id: z.uuid(),
    view: z.enum(['internal', 'published']),
    number: z.string().nullable(),
    status: CaseStatus,
    statusLabel: Label,
    title: z.string(),
    facts: z.string(),
    handling: z.string(),
    significance: z.string(),
    outcome: Outcome,
    outcomeLabel: Label,
    decidedMonth: z.string(),
    situations: z.array(Item),
    exclusions: z.array(Item),
    jurisdiction: z.object({ id: z.uuid(), name: z.string() }),
    /** The matter it came from (internal view only). */
    matter: z.object({ id: z.uuid(), number: z.string() }).nullable(),
    /** The decision still stands (not reopened, under review or changed). */
    decisionStands: z.boolean(),
    returnReason: z.string().nullable(),
    publishedAt: z.string().nullable(),
    version: z.number().int(),
    /** Personal data still found in each text (internal view only). */
    personalData: z.object({
      title: z.array(PersonalDataSpan),
      facts: z.array(PersonalDataSpan),
      handling: z.array(PersonalDataSpan),
      significance: z.array(PersonalDataSpan),
    }),
    /** How many of those block publication. */
    blocking: z.number().int(),
  }),
  allowedActions: z.array(AllowedAction),
  history: z.array(
    z.object({
      at: z.string(),
      actor: z.string(),
      action: z.string(),
      label: Label,
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const PublicCaseItem = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  title: z.string(),
  titleHighlights: z.array(Range),
  snippet: Snippet,
  outcome: Outcome,
  outcomeLabel: Label,
  decidedMonth: z.string(),
  /** The commission that published it, e.g. K县纪委监委. */
  publisher: z.string(),
  situations: z.array(Item),
});

export const PublicCaseList = z.object({
  items: z.array(PublicCaseItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  years: z.array(z.number().int()),
});
export type PublicCaseList = z.infer<typeof PublicCaseList>;

export const PublicCase = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  title: z.string(),
  facts: z.string(),
  handling: z.string(),
  significance: z.string(),
  outcome: Outcome,
  outcomeLabel: Label,
  decidedMonth: z.string(),
  /** YYYY-MM-DD, Beijing. */
  publishedOn: z.string(),
  publisher: z.string(),
  situations: z.array(Item),
  exclusions: z.array(Item),
});
export type PublicCase = z.infer<typeof PublicCase>;
