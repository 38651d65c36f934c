/**
 * 实施力度评价 — the county scorecard's API shapes (server and web). Definitions of every figure,
 * the scoring method and the suppression rule travel with each answer, so the page and the Excel
 * export explain exactly what was computed.
 */
import { z } from 'zod';
import { isLocalDate } from '../domain/calendar/local-date.ts';
import {
  CELL_KEYS,
  INDICATOR_KEYS,
  type CellKey,
  type IndicatorKey,
} from '../domain/stats/scorecard-indicators.ts';
import { Cell, DerivedFigure } from './stats.ts';
import { Text } from './common.ts';

export const ScorecardQuery = z
  .object({
    /** 2025 · 2025-Q1 · 2025-03 · 2025-01-01..2025-06-30; default: this calendar year. */
    period: z.string().max(40).optional(),
    /** A jurisdiction id (county, city or province) within the viewer's scope; default: the viewer's own. */
    scope: z.uuid().optional(),
  })
  .strict();
export type ScorecardQuery = z.infer<typeof ScorecardQuery>;

const Label = z.object({ zh: z.string(), en: z.string() });
const Level = z.enum(['province', 'city', 'county', 'township']);
const JurisdictionRef = z.object({ id: z.uuid(), code: z.string(), name: z.string(), level: Level });

const ShownIndicator = z.object({
  /** The figure, '<5' when withheld, null when there is nothing to compute it from. */
  value: DerivedFigure,
  /** 0–100 within the compared set; null when not rated. */
  score: z.number().nullable(),
});

const record = <K extends string, T extends z.ZodType>(keys: readonly K[], value: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, T>);

export const ScorecardRow = z.object({
  /** The jurisdiction's id ('<id>:own' for the counts recorded at the scope's own level). */
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: Level,
  kind: z.enum(['jurisdiction', 'own']),
  cadres: z.number().int().nonnegative(),
  cells: record<CellKey, typeof Cell>(CELL_KEYS, Cell),
  indicators: record<IndicatorKey, typeof ShownIndicator>(INDICATOR_KEYS, ShownIndicator),
  /** Weighted mean of the scores, 0–100; null with too little rated. */
  composite: z.number().nullable(),
  /** 1 = strongest implementation in the compared set. */
  rank: z.number().int().positive().nullable(),
  /** Whether the viewer can open this row as a scope of its own. */
  drillable: z.boolean(),
});
export type ScorecardRow = z.infer<typeof ScorecardRow>;

export const Scorecard = z.object({
  scope: JurisdictionRef,
  /** To go back up: the scope's parent, when the viewer may open it. */
  parent: JurisdictionRef.nullable(),
  period: z.object({
    kind: z.enum(['year', 'quarter', 'month', 'range']),
    key: z.string(),
    from: z.string(),
    to: z.string(),
    label: Label,
  }),
  asOf: z.string(),
  /** True when some cells were withheld for this viewer. */
  suppressed: z.boolean(),
  rows: z.array(ScorecardRow),
  total: ScorecardRow,
  rankedOutOf: z.number().int().positive().nullable(),
  weights: z.object({
    values: z.record(z.string(), z.number()),
    setBy: z
      .object({
        jurisdiction: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
        effectiveFrom: z.string(),
        reason: z.string(),
      })
      .nullable(),
  }),
  definitions: z.object({
    indicators: z.array(
      z.object({
        key: z.string(),
        label: Label,
        short: Label,
        definition: Label,
        direction: z.enum(['higher', 'lower', 'neutral']),
        unit: z.enum(['per1000', 'percent', 'days']),
        weight: z.number(),
      }),
    ),
    cells: z.array(z.object({ key: z.string(), label: Label })),
    method: z.array(Label),
  }),
});
export type Scorecard = z.infer<typeof Scorecard>;

const LocalDateString = z
  .string()
  .refine(isLocalDate, { message: '应为 YYYY-MM-DD 格式的真实日期\u241Emust be a real date as YYYY-MM-DD' });

export const ScorecardWeightsBody = z
  .object({
    /** The city or province whose comparisons use these weights. */
    jurisdictionId: z.uuid(),
    effectiveFrom: LocalDateString,
    /** Indicator key → whole number 0–100; indicators left out weigh 0. */
    weights: z.record(z.string().max(40), z.number()),
    reason: Text(500).refine((s) => s.trim().length > 0, { message: '请说明调整理由\u241Egive a reason' }),
  })
  .strict();
export type ScorecardWeightsBody = z.infer<typeof ScorecardWeightsBody>;

export const ScorecardWeightsSet = z.object({
  id: z.uuid(),
  jurisdiction: JurisdictionRef,
  effectiveFrom: z.string(),
  weights: z.record(z.string(), z.number()),
  reason: z.string(),
});
