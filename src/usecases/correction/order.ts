/**
 * The correction order as `matters.decision` stores it (jsonb) on a correction matter: what was
 * ordered, of whom, by when, and the determination it came with. What happened since (reports,
 * acceptance, escalation, look-back) is in the matter's records; the clocks say where time stands.
 */
import type { LocalDate } from '../../domain/calendar/local-date.ts';
import type { CorrectionRoute } from '../../domain/correction/procedure.ts';

export type StoredCorrectionOrder = {
  origin: CorrectionRoute;
  measures: string[];
  /** 责任单位. */
  responsibleUnit: { id: string; name: string };
  /** 整改责任人, as printed. */
  responsiblePerson: string;
  deadlineWorkingDays: number;
  orderedOn: LocalDate;
  /** The last day as ordered; a later reorder runs a new clock (see the matter's records). */
  deadline: LocalDate;
  /** The determination the order came with; null for a standalone order. */
  determination: { id: string; number: string; title: string } | null;
};

/** The stored order of a correction matter; throws if there is none (every correction has one). */
export function storedOrder(decision: unknown): StoredCorrectionOrder {
  if (decision === null || typeof decision !== 'object' || !('measures' in decision))
    throw new Error('correction matter has no stored order');
  return decision as StoredCorrectionOrder;
}
