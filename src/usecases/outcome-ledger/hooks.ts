/**
 * The ledger entry of each outcome, built from what the deciding step has at hand and written in its
 * transaction (record.ts). One function per kind of outcome, called at the point the outcome takes
 * effect: the tolerance decision when its determination is issued (at the decision, or on the higher
 * level's approval), its review, a correction ordered / closed / ended, a name clearing carried out,
 * a sanction recorded, a reuse decision sent to the organisation department.
 */
import type { Transaction } from 'kysely';
import type { Database, Matter } from '../../db/schema.ts';
import type { Principal } from '../../domain/access.ts';
import type { LocalDate } from '../../domain/calendar/local-date.ts';
import type { ClearingForm, ClearingScope } from '../../domain/name-clearing/scope.ts';
import { chainKeyOf, clearFromOf } from '../../domain/outcome-ledger/effects.ts';
import type { InfluencePeriodRule, Outcome, SanctionType } from '../../domain/policy/types.ts';
import type { VisitGrade } from '../../domain/follow-up/procedure.ts';
import { chainHead, recordLedgerEntry } from './record.ts';

type Writer = { trx: Transaction<Database>; user: Principal; now: Date };

/**
 * 容错认定 in force: the decision (or, when the matter was reopened, the decision taken again —
 * it supersedes the earlier entry), or a review's answer, with the document that states it.
 */
export async function ledgerToleranceDecision(
  w: Writer & { policy: { id: string; version: string } },
  matter: Pick<Matter, 'id' | 'title' | 'subject_cadre_id' | 'jurisdiction_id'>,
  decision: { outcome: Outcome; measure: string | null },
  on: LocalDate,
  documentId: string,
  review?: 'upheld' | 'varied',
): Promise<string> {
  const earlier = review
    ? null
    : await chainHead(w.trx, chainKeyOf('tolerance_decision', { matterId: matter.id }));
  return recordLedgerEntry(
    w.trx,
    w.user,
    {
      cadreId: matter.subject_cadre_id!,
      jurisdictionId: matter.jurisdiction_id,
      facts: {
        kind: 'tolerance_decision',
        outcome: decision.outcome,
        measure: decision.outcome === 'mitigate' ? decision.measure : null,
        basis:
          review === 'upheld'
            ? 'review_upheld'
            : review === 'varied'
              ? 'review_varied'
              : earlier
                ? 'redecision'
                : 'decision',
        matterTitle: matter.title,
      },
      on,
      source: { matterId: matter.id, documentId },
      policy: w.policy,
    },
    w.now,
  );
}

/** 责令纠错: a correction order about a cadre (an order about a unit alone has no cadre's ledger). */
export async function ledgerCorrectionOrdered(
  w: Writer,
  order: {
    matterId: string;
    cadreId: string;
    jurisdictionId: string;
    title: string;
    responsibleUnit: string;
    responsiblePerson: string;
    measures: string[];
    orderedOn: LocalDate;
    deadline: LocalDate;
    determinationNumber: string | null;
    documentId: string;
    policy: { id: string; version: string };
  },
): Promise<string> {
  return recordLedgerEntry(
    w.trx,
    w.user,
    {
      cadreId: order.cadreId,
      jurisdictionId: order.jurisdictionId,
      facts: {
        kind: 'correction_ordered',
        title: order.title,
        responsibleUnit: order.responsibleUnit,
        responsiblePerson: order.responsiblePerson,
        measures: order.measures,
        deadline: order.deadline,
        withDecision: order.determinationNumber,
      },
      on: order.orderedOn,
      source: { matterId: order.matterId, documentId: order.documentId },
      policy: order.policy,
    },
    w.now,
  );
}

/** 销号 or 终止: the end of a correction order about a cadre, superseding its order's entry. */
export async function ledgerCorrectionEnded(
  w: Writer,
  matter: Pick<
    Matter,
    'id' | 'title' | 'subject_cadre_id' | 'jurisdiction_id' | 'policy_id' | 'policy_version'
  >,
  end: 'closed' | { terminated: 'tolerance_reopened' | 'leader_ended' },
  on: LocalDate,
): Promise<string | null> {
  if (!matter.subject_cadre_id) return null;
  return recordLedgerEntry(
    w.trx,
    w.user,
    {
      cadreId: matter.subject_cadre_id,
      jurisdictionId: matter.jurisdiction_id,
      facts:
        end === 'closed'
          ? { kind: 'correction_closed', title: matter.title }
          : { kind: 'correction_terminated', title: matter.title, reason: end.terminated },
      on,
      source: { matterId: matter.id },
      policy: { id: matter.policy_id!, version: matter.policy_version! },
    },
    w.now,
  );
}

/** 澄清正名 carried out, with the clearing letter. */
export async function ledgerNameCleared(
  w: Writer & { policy: { id: string; version: string } },
  matter: Pick<Matter, 'id' | 'subject_cadre_id' | 'jurisdiction_id'>,
  clearing: { forms: readonly ClearingForm[]; scope: ClearingScope; executedOn: LocalDate; onTime: boolean },
  documentId: string,
): Promise<string> {
  return recordLedgerEntry(
    w.trx,
    w.user,
    {
      cadreId: matter.subject_cadre_id!,
      jurisdictionId: matter.jurisdiction_id,
      facts: {
        kind: 'name_cleared',
        forms: [...clearing.forms],
        scope: clearing.scope,
        clearedOn: clearing.executedOn,
        onTime: clearing.onTime,
      },
      on: clearing.executedOn,
      source: { matterId: matter.id, documentId },
      policy: w.policy,
    },
    w.now,
  );
}

/** 处分 recorded, with its influence period as fixed when recorded. */
export async function ledgerSanction(
  w: Writer,
  sanction: {
    id: string;
    cadreId: string;
    jurisdictionId: string;
    type: SanctionType;
    rule: InfluencePeriodRule;
    effectiveOn: LocalDate;
    endsOn: LocalDate | null;
    decidedBy: string;
    documentNumber: string | null;
    sourceMatterId: string | null;
    policy: { id: string; version: string };
  },
): Promise<string> {
  const rule = sanction.rule;
  return recordLedgerEntry(
    w.trx,
    w.user,
    {
      cadreId: sanction.cadreId,
      jurisdictionId: sanction.jurisdictionId,
      facts: {
        kind: 'sanction',
        sanctionType: sanction.type,
        category: rule.category,
        label: { zh: rule.labelZh, en: rule.labelEn },
        effect: { zh: rule.effectZh, en: rule.effectEn },
        months: rule.months,
        reusable: rule.reusable,
        decidedBy: sanction.decidedBy,
      },
      on: sanction.effectiveOn,
      until: sanction.endsOn,
      source: {
        sanctionId: sanction.id,
        matterId: sanction.sourceMatterId,
        documentNumber: sanction.documentNumber,
      },
      policy: sanction.policy,
    },
    w.now,
  );
}

/** 重新使用建议 sent to the organisation department with the signed register form. */
export async function ledgerReuseDecision(
  w: Writer,
  followUp: { matterId: string; documentId: string; deliveredOn: LocalDate },
  sanction: {
    id: string;
    cadre_id: string;
    jurisdiction_id: string;
    influence_ends_on: string | null;
    policy_id: string;
    policy_version: string;
  },
  rule: InfluencePeriodRule,
  reuse: { recommended: boolean; suggestedUse: string | null },
  grade: VisitGrade | null,
): Promise<string> {
  return recordLedgerEntry(
    w.trx,
    w.user,
    {
      cadreId: sanction.cadre_id,
      jurisdictionId: sanction.jurisdiction_id,
      facts: {
        kind: 'reuse_decision',
        recommended: reuse.recommended,
        grade,
        suggestedUse: reuse.suggestedUse,
        sanctionLabel: { zh: rule.labelZh, en: rule.labelEn },
        clearFrom: clearFromOf(sanction.influence_ends_on as LocalDate | null),
      },
      on: followUp.deliveredOn,
      source: { matterId: followUp.matterId, sanctionId: sanction.id, documentId: followUp.documentId },
      policy: { id: sanction.policy_id, version: sanction.policy_version },
    },
    w.now,
  );
}
