/**
 * Dashboard statistics (DESIGN §3.10), shared by server and web.
 *
 * Counting rule: a matter belongs to the period in which it was opened (its cohort); drafts count once
 * filed. Every stage count says how many of that cohort have reached the stage so far, so the funnel
 * never widens (accepted ≤ applied). `overdue` is a snapshot at `asOf`, whatever the period.
 *
 * Small-number suppression: a count of 1–4 is sent as the string '<5' (never the number) to viewers
 * who may not read the matters themselves, and a second cell is hidden where one hidden cell could be
 * worked out from a published total. Zero stays 0.
 */
import { z } from 'zod';
import { isLocalDate } from '../domain/calendar/local-date.ts';

/** What a suppressed count is sent as. */
export const SUPPRESSED = '<5';

const LocalDateString = z
  .string()
  .refine(isLocalDate, { message: '应为 YYYY-MM-DD 格式的真实日期\u241Emust be a real date as YYYY-MM-DD' });

/** A count: the number, or '<5' when it is 1–4 and suppressed. */
export const Cell = z.union([z.number().int().nonnegative(), z.literal(SUPPRESSED)]);
export type Cell = z.infer<typeof Cell>;

/** A derived figure (average, rate): null when there is nothing to compute it from, '<5' when it rests on fewer than five matters and is suppressed. */
export const DerivedFigure = z.union([z.number(), z.literal(SUPPRESSED)]).nullable();
export type DerivedFigure = z.infer<typeof DerivedFigure>;

export const StatsQuery = z
  .object({
    /** Defaults to the viewer's own (broadest) jurisdiction. */
    jurisdictionId: z.uuid().optional(),
    /** First day of the period (Beijing date); default 1 January of the current year. */
    from: LocalDateString.optional(),
    /** Last day of the period, inclusive; default today. */
    to: LocalDateString.optional(),
  })
  .strict();
export type StatsQuery = z.infer<typeof StatsQuery>;

/** Funnel stages in order: applied (filed, or opened ex officio) → accepted → decided → notified → closed. */
export const FUNNEL_STAGES = ['applied', 'accepted', 'decided', 'notified', 'closed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Steps whose length is measured, in working days: acceptance (filed → accepted), verification (accepted → proposal), decision (proposal → decision). */
export const MEASURED_STEPS = ['acceptance', 'verification', 'decision'] as const;
export type MeasuredStep = (typeof MEASURED_STEPS)[number];

const StepDays = z.object({
  /** Mean working days, one decimal. */
  averageWorkingDays: DerivedFigure,
  /** How many matters the mean is taken over. */
  matters: Cell,
});

/** One jurisdiction's indicators; key order is display order. */
export const Indicators = z.object({
  /** Funnel chart. */
  funnel: z.object({ applied: Cell, accepted: Cell, decided: Cell, notified: Cell, closed: Cell }),
  /** Matters that left the procedure early: not accepted (不予受理), withdrawn (撤回), converted to a discipline case (转纪律审查). */
  exits: z.object({ notAccepted: Cell, withdrawn: Cell, converted: Cell }),
  /** Applied and not yet finished (closed or exited). */
  inProgress: Cell,
  /** Outcome pie: first-instance decisions that have taken effect. */
  outcomes: z.object({ exempt: Cell, mitigate: Cell, refuse: Cell }),
  /** Route bar: how the applied matters began. */
  routes: z.object({
    own_application: Cell,
    unit_application: Cell,
    ex_officio: Cell,
    pre_registration: Cell,
  }),
  /** Days-per-step bar. */
  daysPerStep: z.object({ acceptance: StepDays, verification: StepDays, decision: StepDays }),
  /** Appeals (申诉) lodged, reviews (复核) decided, and reviews that varied the decision. */
  appeals: z.object({ appealed: Cell, reviewed: Cell, reversed: Cell }),
  /** Matters now past their time limit (accept, verify or review), whenever they were opened. */
  overdue: Cell,
});
export type Indicators = z.infer<typeof Indicators>;

const Label = z.object({ zh: z.string(), en: z.string() });

/**
 * The counters of one procedure beside tolerance (纠错、事前报备; 澄清正名 and 回访教育 join as more
 * entries): each counter says what it counts, so the page draws and links it without knowing the
 * procedure. `window: 'now'` counts the work in hand at `asOf`, whenever it began; `'period'` what
 * reached a final status within the period. Definitions: domain/stats/procedure-counters.ts.
 */
export const ProcedureCounters = z.object({
  /** The matter type, as in `GET /api/matters?type=`. */
  type: z.string(),
  label: Label,
  counters: z.array(
    z.object({
      key: z.string(),
      label: Label,
      count: Cell,
      /** The statuses counted (a list filter can show them). */
      statuses: z.array(z.string()),
      /** Only those past their running time limit. */
      overdueOnly: z.boolean(),
      window: z.enum(['now', 'period']),
    }),
  ),
});
export type ProcedureCounters = z.infer<typeof ProcedureCounters>;

const JurisdictionRef = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'city', 'county', 'township']),
});
const Period = z.object({ from: z.string(), to: z.string() });

export const StatsOverview = z.object({
  jurisdiction: JurisdictionRef,
  period: Period,
  /** When the snapshot figures (overdue) were taken, ISO time. */
  asOf: z.string(),
  /** True when small cells were suppressed for this viewer. */
  suppressed: z.boolean(),
  /** Cadres in office in the jurisdiction (roster), for rates. */
  cadresInOffice: z.number().int().nonnegative(),
  /** Applied matters per 1,000 cadres in office, two decimals. */
  applicationsPer1000Cadres: DerivedFigure,
  indicators: Indicators,
  /** The other procedures' counters in the same jurisdiction, one entry per procedure. */
  procedures: z.array(ProcedureCounters),
});
export type StatsOverview = z.infer<typeof StatsOverview>;

export const CountyStats = z.object({
  jurisdiction: JurisdictionRef,
  cadresInOffice: z.number().int().nonnegative(),
  applicationsPer1000Cadres: DerivedFigure,
  indicators: Indicators,
});
export type CountyStats = z.infer<typeof CountyStats>;

/** The supervisor's comparison: every county under the jurisdiction, ordered by code. */
export const CountyComparison = z.object({
  jurisdiction: JurisdictionRef,
  period: Period,
  asOf: z.string(),
  suppressed: z.boolean(),
  items: z.array(CountyStats),
});
export type CountyComparison = z.infer<typeof CountyComparison>;
