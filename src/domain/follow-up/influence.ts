/**
 * 影响期 — the influence period of a sanction (DOMAIN §5.1, §13.4) and the block it puts on promotion
 * and appointment: while any period runs the cadre may not be listed for inspection, promoted or put
 * to further use (《党政领导干部选拔任用工作条例》第二十四条第（六）项). The period per sanction type is
 * policy data (`influencePeriods`); this module counts it on the calendar and stacks several.
 *
 * Counting: the period runs from the day the sanction takes effect, that day included, and ends the
 * day before the same calendar day `months` later (a 1-year warning effective 2025-03-10 bars until
 * 2026-03-09; the cadre may be proposed again on 2026-03-10). Where that month has no such day the
 * month's last day stands for it (民法典 第二百零二条), so 08-31 + 6 months bars until 02-27.
 * Stacking: the longest block wins (同时受到党纪政务处分的，按照影响期长的执行); a sanction with no end
 * (开除) bars for good and rules out reuse.
 */
import { addCalendarDays, addMonths, type LocalDate } from '../calendar/local-date.ts';
import { DomainError } from '../errors.ts';
import type { InfluencePeriodRule, SanctionType } from '../policy/types.ts';

/** The rule of a sanction type in a policy's table. */
export function influenceRule(
  rules: readonly InfluencePeriodRule[],
  type: SanctionType,
): InfluencePeriodRule {
  const rule = rules.find((r) => r.id === type);
  if (!rule) throw new DomainError('sanction.type_not_in_policy', { type }, 'type');
  return rule;
}

/** The last day of a period of `months` from `effectiveOn` (inclusive); null when it has no end. */
export function influenceEndsOn(effectiveOn: LocalDate, months: number | null): LocalDate | null {
  if (months === null) return null;
  return addCalendarDays(addMonths(effectiveOn, months), -1);
}

/** One sanction's block: from the effective date to the last barred day (null: no end). */
export type InfluenceBlock = {
  sanctionId: string;
  type: SanctionType;
  label: { zh: string; en: string };
  effectiveOn: LocalDate;
  endsOn: LocalDate | null;
  reusable: boolean;
};

/** The block a sanction of `type` effective on `effectiveOn` puts on the cadre, under `rules`. */
export function influenceBlock(
  rules: readonly InfluencePeriodRule[],
  sanction: { id: string; type: SanctionType; effectiveOn: LocalDate },
): InfluenceBlock {
  const rule = influenceRule(rules, sanction.type);
  return {
    sanctionId: sanction.id,
    type: sanction.type,
    label: { zh: rule.labelZh, en: rule.labelEn },
    effectiveOn: sanction.effectiveOn,
    endsOn: influenceEndsOn(sanction.effectiveOn, rule.months),
    reusable: rule.reusable,
  };
}

/** Whether a block bars the cadre on `day`: from its effective date to its last day, or for good. */
export function blockRunsOn(block: InfluenceBlock, day: LocalDate): boolean {
  return block.effectiveOn <= day && (block.endsOn === null || day <= block.endsOn);
}

/** Where a cadre stands on a day, all their sanctions taken together. */
export type BlockStatus = {
  /** Some period runs today: no promotion, appointment or listing for inspection. */
  blocked: boolean;
  /** A period with no end runs (开除): blocked for good. */
  permanent: boolean;
  /** The last barred day of the longest running period; null when not blocked or blocked for good. */
  until: LocalDate | null;
  /** The first day a promotion may be recorded again (the day after `until`). */
  clearFrom: LocalDate | null;
  /** False once any sanction rules reuse out (开除), whenever it was. */
  reusable: boolean;
  /** The periods running today, the longest first (no end counts as longest). */
  running: InfluenceBlock[];
};

/** Stacks a cadre's blocks: the longest running one decides. */
export function blockStatus(blocks: readonly InfluenceBlock[], today: LocalDate): BlockStatus {
  const running = blocks
    .filter((b) => blockRunsOn(b, today))
    .sort((a, b) =>
      a.endsOn === b.endsOn
        ? 0
        : a.endsOn === null
          ? -1
          : b.endsOn === null
            ? 1
            : a.endsOn > b.endsOn
              ? -1
              : 1,
    );
  const permanent = running.some((b) => b.endsOn === null);
  const until = permanent ? null : (running[0]?.endsOn ?? null);
  return {
    blocked: running.length > 0,
    permanent,
    until,
    clearFrom: until ? addCalendarDays(until, 1) : null,
    reusable: blocks.every((b) => b.reusable),
    running,
  };
}

/**
 * Refuses a promotion or appointment proposed on `today` while a period runs, naming the end date
 * and the sanctions behind it.
 * @throws DomainError('appointment.blocked' | 'appointment.barred')
 */
export function assertAppointable(status: BlockStatus): void {
  if (!status.blocked) return;
  const sanctions = status.running.map((b) => b.label.zh);
  const sanctionsEn = status.running.map((b) => b.label.en);
  if (status.permanent) throw new DomainError('appointment.barred', { sanctions, sanctionsEn });
  throw new DomainError('appointment.blocked', {
    until: status.until,
    clearFrom: status.clearFrom,
    sanctions,
    sanctionsEn,
  });
}
