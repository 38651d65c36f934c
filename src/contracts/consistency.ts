/**
 * 认定尺度统一 (consistency, issue 8 item 5), shared by server and web.
 *
 * - `GET /api/matters/:id/similar?limit=` — for a matter whose facts are recorded, the most similar
 *   decided matters in the viewer's scope and published typical cases, each with its outcome, year and
 *   place (named only where the viewer may read the matter; a place outside the scope generalised),
 *   and the settled practice the divergence alert reads (`practice`). → `SimilarMatters`.
 * - `GET /api/stats/consistency?jurisdictionId=&from=&to=` — the supervisor's outcome mix of decided
 *   matters by the cadre's unit, by the officer who proposed and by the leader who issued the
 *   decision, with small cells withheld and the groups far above the scope's norm flagged.
 *   → `OutcomeMix`.
 */
import { z } from 'zod';
import { Cell, DerivedFigure, StatsQuery } from './stats.ts';

const Outcome = z.enum(['exempt', 'mitigate', 'refuse']);
const Label = z.object({ zh: z.string(), en: z.string() });
const OutcomeFlags = z.object({ exempt: z.boolean(), mitigate: z.boolean(), refuse: z.boolean() });
const OutcomeCounts = z.object({
  exempt: z.number().int(),
  mitigate: z.number().int(),
  refuse: z.number().int(),
});

export const SimilarQuery = z.object({ limit: z.coerce.number().int().min(1).max(20).default(8) }).strict();
export type SimilarQuery = z.infer<typeof SimilarQuery>;

export const SimilarItem = z.object({
  rank: z.number().int(),
  /** Set only when the viewer may read the matter itself. */
  matterId: z.uuid().nullable(),
  number: z.string().nullable(),
  title: z.string().nullable(),
  subject: z.string().nullable(),
  unit: z.string().nullable(),
  /** The published typical case made from it (its public page), if any. */
  case: z.object({ id: z.uuid(), number: z.string().nullable(), title: z.string() }).nullable(),
  jurisdiction: z.object({ name: z.string(), generalised: z.boolean() }),
  year: z.number().int(),
  outcome: Outcome,
  outcomeLabel: Label,
  similarity: z.object({
    /** Structured similarity in percent (one decimal): gates 50, situations 25, exclusions 25. */
    structure: z.number(),
    parts: z.object({ gates: z.number().int(), situations: z.number().int(), exclusions: z.number().int() }),
    /** Text similarity of the facts, percent (one decimal). */
    text: z.number(),
    identical: z.boolean(),
    gatesDiffer: z.array(z.string()),
    situationsShared: z.array(z.string()),
    exclusionsShared: z.array(z.string()),
  }),
  /** Among the neighbours the divergence rule counts. */
  counted: z.boolean(),
});
export type SimilarItem = z.infer<typeof SimilarItem>;

export const SimilarMatters = z.object({
  matterId: z.uuid(),
  /** False while no facts are recorded: nothing to compare. */
  factsRecorded: z.boolean(),
  items: z.array(SimilarItem),
  practice: z.object({
    /** k nearest with the same gates and exclusions; at least minNeighbours of them for a practice. */
    rule: z.object({ k: z.number().int(), minNeighbours: z.number().int() }),
    counted: z.number().int(),
    mix: OutcomeCounts,
    majority: Outcome.nullable(),
    /** Which outcomes would raise the divergence alert. */
    divergesFor: OutcomeFlags,
    /** The outcome proposed (认定意见), if any, and whether it diverges now. */
    proposed: Outcome.nullable(),
    /** The outcome the committee's votes carry now (deliberating), if any. */
    carried: Outcome.nullable(),
  }),
});
export type SimilarMatters = z.infer<typeof SimilarMatters>;

export const OutcomeMixQuery = StatsQuery;
export type OutcomeMixQuery = z.infer<typeof OutcomeMixQuery>;

const MixRow = z.object({
  /** Unit or user id; null where none was recorded. */
  id: z.uuid().nullable(),
  name: z.string().nullable(),
  decided: Cell,
  outcomes: z.object({ exempt: Cell, mitigate: Cell, refuse: Cell }),
  /** Share tolerated (exempt or mitigated), 0–1. */
  rate: DerivedFigure,
  /** Far above the rest of the scope (binomial test, see `test`). */
  flagged: z.boolean(),
  pValue: z.number().nullable(),
});

const MixTable = z.object({
  rows: z.array(MixRow),
  total: z.object({
    decided: Cell,
    outcomes: z.object({ exempt: Cell, mitigate: Cell, refuse: Cell }),
    rate: DerivedFigure,
  }),
});

export const OutcomeMix = z.object({
  jurisdiction: z.object({ id: z.uuid(), name: z.string() }),
  period: z.object({ from: z.string(), to: z.string() }),
  suppressed: z.boolean(),
  test: z.object({ alpha: z.number(), minDifference: z.number(), minDecided: z.number().int() }),
  byUnit: MixTable,
  byProposer: MixTable,
  byDecider: MixTable,
});
export type OutcomeMix = z.infer<typeof OutcomeMix>;
