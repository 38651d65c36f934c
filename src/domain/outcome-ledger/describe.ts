/**
 * The outcome ledger in words, in both languages: a short headline and one line per effect for the
 * organisation department's list and export, and a plain-language paragraph addressed to the cadre
 * ("您…") for their own view — so nobody has to decode effect codes.
 */
import { FORM_LABELS, SCOPE_LABELS } from '../name-clearing/scope.ts';
import {
  AREA_LABELS,
  BLOCK_LABELS,
  type Bilingual,
  type EvaluationArea,
  type LedgerEffect,
  type LedgerFacts,
} from './effects.ts';

const OUTCOME_LABELS = {
  exempt: { zh: '容错免责', en: 'Exempted (tolerance)' },
  mitigate: { zh: '容错减责', en: 'Mitigated (tolerance)' },
  refuse: { zh: '不予容错', en: 'Tolerance refused' },
} as const;

const BASIS_LABELS = {
  decision: { zh: '', en: '' },
  review_upheld: { zh: '（复核维持）', en: ' (upheld on review)' },
  review_varied: { zh: '（复核变更）', en: ' (varied on review)' },
  redecision: { zh: '（重新研究后决定）', en: ' (decided again after reopening)' },
} as const;

const GRADE_LABELS = {
  good: { zh: '好', en: 'good' },
  average: { zh: '一般', en: 'average' },
  poor: { zh: '较差', en: 'poor' },
} as const;

function list(items: string[], language: 'zh' | 'en'): string {
  if (language === 'zh') return items.join('、');
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const areas = (a: readonly EvaluationArea[] | undefined, language: 'zh' | 'en') =>
  list(
    (a ?? []).map((x) => AREA_LABELS[x][language]),
    language,
  );

/** The clearing's forms and reach, from the facts (the stored detail is the Chinese wording). */
function clearingDetail(facts: LedgerFacts): Bilingual | null {
  if (facts.kind !== 'name_cleared') return null;
  return {
    zh: `${facts.forms.map((f) => FORM_LABELS[f].zh).join('、')}；${SCOPE_LABELS[facts.scope].zh}`,
    en: `${list(
      facts.forms.map((f) => FORM_LABELS[f].en.toLowerCase()),
      'en',
    )}; ${SCOPE_LABELS[facts.scope].en.toLowerCase()}`,
  };
}

/** One effect as a line of the ledger. */
export function describeEffect(effect: LedgerEffect, facts: LedgerFacts): Bilingual {
  const detail = effect.detail ?? '';
  switch (effect.code) {
    case 'liability_exempted':
      return { zh: '免予追究责任', en: 'Exempted from liability' };
    case 'liability_mitigated':
      return {
        zh: detail ? `从轻、减轻处理：${detail}` : '从轻、减轻处理',
        en: detail ? `Liability mitigated: ${detail}` : 'Liability mitigated',
      };
    case 'liability_pursued':
      return {
        zh: '不予容错，相关责任依规依纪依法追究（所受处分的影响期另行登记）',
        en: 'No tolerance: liability pursued under the ordinary rules (any sanction’s influence period is recorded separately)',
      };
    case 'no_negative_evaluation':
      return {
        zh: `在${areas(effect.areas, 'zh')}中不作负面评价`,
        en: `No negative evaluation in ${areas(effect.areas, 'en')}`,
      };
    case 'no_influence_block':
      return {
        zh: '不产生影响期，不作为选拔任用的限制',
        en: 'Creates no influence period and no bar on appointment',
      };
    case 'correction_required':
      return {
        zh: `限期整改，${effect.until} 前完成：${detail}`,
        en: `Rectification due by ${effect.until}: ${detail}`,
      };
    case 'correction_completed':
      return { zh: '整改到位，已验收销号', en: 'Rectification accepted and closed' };
    case 'correction_ended':
      return { zh: '纠错通知已终止', en: 'The correction order has ended' };
    case 'reputation_cleared': {
      const d = clearingDetail(facts) ?? { zh: detail, en: detail };
      return { zh: `已澄清正名（${d.zh}）`, en: `Name cleared (${d.en})` };
    }
    case 'allegation_disregarded':
      return {
        zh: `失实举报不作为${areas(effect.areas, 'zh')}的依据`,
        en: `The untrue allegation does not count in ${areas(effect.areas, 'en')}`,
      };
    case 'influence_period': {
      const blocks = effect.blocks ?? [];
      const zhBlocks = blocks.map((b) => BLOCK_LABELS[b].zh).join('，');
      const enBlocks = list(
        blocks.map((b) => BLOCK_LABELS[b].en),
        'en',
      );
      return effect.until
        ? {
            zh: `影响期 ${effect.from} 至 ${effect.until}：${zhBlocks}`,
            en: `Influence period ${effect.from} to ${effect.until}: ${enBlocks}`,
          }
        : {
            zh: `自 ${effect.from} 起无期限：${zhBlocks}`,
            en: `From ${effect.from}, with no end: ${enBlocks}`,
          };
    }
    case 'reuse_barred':
      return { zh: '不得重新使用', en: 'May not be reused' };
    case 'reuse_recommended':
      return {
        zh: `建议使用${detail ? `（${detail}）` : ''}，${effect.from} 起可按程序使用`,
        en: `Reuse recommended${detail ? ` (${detail})` : ''}; may be used from ${effect.from} under the usual procedure`,
      };
    case 'reuse_not_recommended':
      return { zh: '暂不建议使用', en: 'Reuse not recommended for now' };
  }
}

/** A short headline of the entry (the outcome, the order's deadline, the sanction …). */
export function headlineOf(facts: LedgerFacts, effectiveUntil: string | null): Bilingual {
  switch (facts.kind) {
    case 'tolerance_decision': {
      const o = OUTCOME_LABELS[facts.outcome];
      const b = BASIS_LABELS[facts.basis];
      return { zh: `${o.zh}${b.zh}`, en: `${o.en}${b.en}` };
    }
    case 'correction_ordered':
      return { zh: `责令纠错（${facts.deadline} 前）`, en: `Correction ordered (due ${facts.deadline})` };
    case 'correction_closed':
      return { zh: '纠错已销号', en: 'Correction closed' };
    case 'correction_terminated':
      return facts.reason === 'tolerance_reopened'
        ? { zh: '纠错终止（容错认定重新研究）', en: 'Correction ended (decision reopened)' }
        : { zh: '纠错终止', en: 'Correction ended' };
    case 'name_cleared':
      return { zh: '澄清正名', en: 'Name cleared' };
    case 'sanction':
      return effectiveUntil
        ? {
            zh: `${facts.label.zh}（影响期至 ${effectiveUntil}）`,
            en: `${facts.label.en} (period until ${effectiveUntil})`,
          }
        : { zh: `${facts.label.zh}（无期限）`, en: `${facts.label.en} (no end)` };
    case 'reuse_decision':
      return facts.recommended
        ? { zh: '建议重新使用', en: 'Reuse recommended' }
        : { zh: '暂不建议使用', en: 'Reuse not recommended' };
  }
}

/**
 * What the entry means for the cadre, addressed to them in plain words. `supersededOn` is the day a
 * later entry replaced it (the cadre is told the earlier one no longer applies).
 */
export function plainText(
  facts: LedgerFacts,
  effects: readonly LedgerEffect[],
  supersededOn: string | null,
): Bilingual {
  const parts = plainParts(facts, effects);
  if (supersededOn)
    return {
      zh: `${parts.zh}（此项已被 ${supersededOn} 的新决定取代，以新决定为准。）`,
      en: `${parts.en} (Replaced by a later decision of ${supersededOn}, which now applies.)`,
    };
  return parts;
}

function plainParts(facts: LedgerFacts, effects: readonly LedgerEffect[]): Bilingual {
  const effect = (code: LedgerEffect['code']) => effects.find((e) => e.code === code);
  switch (facts.kind) {
    case 'tolerance_decision': {
      const review = facts.basis === 'review_upheld' || facts.basis === 'review_varied';
      const how = review
        ? { zh: '经复核，', en: 'On review, ' }
        : { zh: '经纪委常委会集体研究，', en: 'After collective deliberation, ' };
      if (facts.outcome === 'refuse')
        return {
          zh: `${how.zh}对您“${facts.matterTitle}”一事不予容错，相关责任将依规依纪依法处理。如受到处分，其影响期另行登记。`,
          en: `${how.en}tolerance was refused for “${facts.matterTitle}”: liability will be dealt with under the ordinary rules. Any sanction and its influence period are recorded separately.`,
        };
      const areasEffect = effect('no_negative_evaluation');
      const which =
        facts.outcome === 'exempt'
          ? { zh: '予以容错免责', en: 'you were exempted from liability (tolerance)' }
          : {
              zh: `予以容错减责${facts.measure ? `（${facts.measure}）` : ''}`,
              en: `your liability was mitigated (tolerance)${facts.measure ? ` (${facts.measure})` : ''}`,
            };
      return {
        zh: `${how.zh}对您“${facts.matterTitle}”一事${which.zh}。您在${areas(areasEffect?.areas, 'zh')}中不会因此受到负面评价，容错认定也不产生影响期。`,
        en: `${how.en}${which.en} for “${facts.matterTitle}”. This will not count against you in ${areas(areasEffect?.areas, 'en')}, and the decision creates no influence period.`,
      };
    }
    case 'correction_ordered':
      return {
        zh: `责令纠错：“${facts.title}”，由${facts.responsibleUnit}在 ${facts.deadline} 前整改到位。纠错与容错认定分开记录，不改变容错认定的效力。`,
        en: `Correction ordered: “${facts.title}”, to be rectified by ${facts.responsibleUnit} by ${facts.deadline}. Correction is recorded separately and does not change the tolerance decision.`,
      };
    case 'correction_closed':
      return {
        zh: `“${facts.title}”已整改到位，经验收和回头看后销号。`,
        en: `“${facts.title}” has been rectified, checked and closed.`,
      };
    case 'correction_terminated':
      return facts.reason === 'tolerance_reopened'
        ? {
            zh: `“${facts.title}”的纠错通知已终止，相关容错认定将重新研究。`,
            en: `The correction order “${facts.title}” has ended; the tolerance decision it came with is being reconsidered.`,
          }
        : {
            zh: `“${facts.title}”的纠错通知已终止。`,
            en: `The correction order “${facts.title}” has ended.`,
          };
    case 'name_cleared': {
      const d = clearingDetail(facts)!;
      return {
        zh: `经核查，针对您的举报失实，已于 ${facts.clearedOn} 为您澄清正名（${d.zh}）。失实举报不作为对您考核评价和选拔任用的依据。`,
        en: `The accusation against you was found untrue, and your name was cleared on ${facts.clearedOn} (${d.en}). It will not be held against you in assessment or appointment.`,
      };
    }
    case 'sanction': {
      const period = effect('influence_period');
      const reuse = effect('reuse_barred');
      const base = period?.until
        ? {
            zh: `您受到${facts.label.zh}，影响期自 ${period.from} 至 ${period.until}：期间${(period.blocks ?? []).map((b) => BLOCK_LABELS[b].zh).join('，')}。${clearFromText(period.until).zh}`,
            en: `You received a ${facts.label.en.toLowerCase()}; its influence period runs from ${period.from} to ${period.until}. Meanwhile: ${list(
              (period.blocks ?? []).map((b) => BLOCK_LABELS[b].en),
              'en',
            )}. ${clearFromText(period.until).en}`,
          }
        : {
            zh: `您受到${facts.label.zh}，自 ${period?.from ?? ''} 起影响期无期限。`,
            en: `You received ${facts.label.en.toLowerCase()}, with no end to its influence period from ${period?.from ?? ''}.`,
          };
      return reuse ? { zh: `${base.zh}依规不得重新使用。`, en: `${base.en} Reuse is ruled out.` } : base;
    }
    case 'reuse_decision': {
      const grade = facts.grade ? GRADE_LABELS[facts.grade] : null;
      const gradeText = grade
        ? { zh: `回访教育评定为“${grade.zh}”，`, en: `Your follow-up visit was graded ${grade.en}; ` }
        : { zh: '', en: '' };
      if (!facts.recommended)
        return {
          zh: `${gradeText.zh}纪委监委暂不建议组织部门使用。`,
          en: `${gradeText.en}the commission does not recommend reuse for now.`,
        };
      const r = effect('reuse_recommended');
      return {
        zh: `${gradeText.zh}纪委监委已向组织部门建议对您予以使用${facts.suggestedUse ? `（${facts.suggestedUse}）` : ''}，${r?.from ?? ''} 起可按程序使用。`,
        en: `${gradeText.en}the commission has recommended you to the organisation department for reuse${facts.suggestedUse ? ` (${facts.suggestedUse})` : ''}; you may be considered from ${r?.from ?? ''}.`,
      };
    }
  }
}

function clearFromText(until: string): Bilingual {
  return {
    zh: `影响期满后（${until} 之后）可按程序提拔使用。`,
    en: `After ${until} you may be considered for promotion again.`,
  };
}
