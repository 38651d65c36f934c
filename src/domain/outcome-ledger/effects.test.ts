import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../calendar/local-date.ts';
import { describeEffect, headlineOf, plainText } from './describe.ts';
import {
  blocksOf,
  chainKeyOf,
  clearFromOf,
  EVALUATION_AREAS,
  ledgerContent,
  type LedgerFacts,
} from './effects.ts';

const d = (s: string) => s as LocalDate;
const tolerance = (
  outcome: 'exempt' | 'mitigate' | 'refuse',
  measure: string | null = null,
): LedgerFacts => ({
  kind: 'tolerance_decision',
  outcome,
  measure,
  basis: 'decision',
  matterTitle: '在老旧小区改造中先行垫资启动施工',
});

describe('outcome ledger effects (DOMAIN §5.1, §9)', () => {
  it('exempt: no liability, no negative evaluation in assessment, commendation and promotion, no block', () => {
    const c = ledgerContent(tolerance('exempt'), d('2026-03-02'));
    expect(c.effects.map((e) => e.code)).toEqual([
      'liability_exempted',
      'no_negative_evaluation',
      'no_influence_block',
    ]);
    const areas = c.effects.find((e) => e.code === 'no_negative_evaluation')!.areas;
    expect(areas).toEqual([...EVALUATION_AREAS]);
    expect(areas).toEqual(expect.arrayContaining(['annual_assessment', 'commendation', 'promotion']));
    expect(c).toMatchObject({
      effectiveFrom: '2026-03-02',
      effectiveUntil: null,
      scope: '在老旧小区改造中先行垫资启动施工',
    });
    expect(c.effects.every((e) => e.from === '2026-03-02' && e.until === null)).toBe(true);
  });

  it('mitigate: the measure named, still no negative evaluation and no block from the tolerance itself', () => {
    const c = ledgerContent(tolerance('mitigate', '予以诫勉谈话'), d('2026-03-02'));
    expect(c.effects[0]).toMatchObject({ code: 'liability_mitigated', detail: '予以诫勉谈话' });
    expect(c.effects.map((e) => e.code)).toContain('no_influence_block');
    expect(describeEffect(c.effects[0]!, tolerance('mitigate', '予以诫勉谈话')).zh).toBe(
      '从轻、减轻处理：予以诫勉谈话',
    );
  });

  it('refuse: liability pursued, and no relief of any kind (no area, no "no block")', () => {
    const c = ledgerContent(tolerance('refuse'), d('2026-03-02'));
    expect(c.effects.map((e) => e.code)).toEqual(['liability_pursued']);
    expect(headlineOf(tolerance('refuse'), null)).toEqual({ zh: '不予容错', en: 'Tolerance refused' });
  });

  it('a sanction blocks from its effective day to the last day of its period, by category and type', () => {
    const facts: LedgerFacts = {
      kind: 'sanction',
      sanctionType: 'public_demerit',
      category: 'public_office',
      label: { zh: '记过', en: 'Demerit' },
      effect: { zh: '十二个月内不得晋升职务、职级、级别', en: 'for twelve months no promotion' },
      months: 12,
      reusable: true,
      decidedBy: '县监委',
    };
    const c = ledgerContent(facts, d('2025-03-10'), d('2026-03-09'));
    expect(c).toMatchObject({ effectiveFrom: '2025-03-10', effectiveUntil: '2026-03-09' });
    expect(c.effects).toEqual([
      {
        code: 'influence_period',
        blocks: ['inspection_listing', 'promotion', 'rank_promotion', 'salary_step'],
        from: '2025-03-10',
        until: '2026-03-09',
        detail: '十二个月内不得晋升职务、职级、级别',
      },
    ]);
    expect(describeEffect(c.effects[0]!, facts).zh).toBe(
      '影响期 2025-03-10 至 2026-03-09：不得列为考察对象，不得提拔或者进一步使用，不得晋升职务、职级、级别，不得晋升工资档次',
    );
    expect(plainText(facts, c.effects, null).zh).toContain('您受到记过，影响期自 2025-03-10 至 2026-03-09');
    expect(blocksOf('party_discipline', 'party_warning')).toEqual([
      'inspection_listing',
      'promotion',
      'party_post',
    ]);
    expect(blocksOf('public_office', 'public_warning')).toEqual([
      'inspection_listing',
      'promotion',
      'rank_promotion',
    ]);
    expect(blocksOf('organisational', 'admonishment')).toEqual(['inspection_listing', 'promotion']);
  });

  it('an expulsion bars for good and rules reuse out', () => {
    const facts: LedgerFacts = {
      kind: 'sanction',
      sanctionType: 'public_expulsion',
      category: 'public_office',
      label: { zh: '开除', en: 'Expulsion from public office' },
      effect: { zh: '解除与所在单位的人事关系', en: 'employment ends' },
      months: null,
      reusable: false,
      decidedBy: '县监委',
    };
    const c = ledgerContent(facts, d('2025-05-01'), null);
    expect(c.effects.map((e) => [e.code, e.until])).toEqual([
      ['influence_period', null],
      ['reuse_barred', null],
    ]);
    expect(plainText(facts, c.effects, null).zh).toContain('依规不得重新使用');
  });

  it('a reuse recommendation applies once the influence period is over, never earlier', () => {
    const during: LedgerFacts = {
      kind: 'reuse_decision',
      recommended: true,
      grade: 'good',
      suggestedUse: '可提拔担任乡镇副职',
      sanctionLabel: { zh: '党内警告', en: 'Party warning' },
      clearFrom: clearFromOf(d('2026-03-09')),
    };
    expect(ledgerContent(during, d('2026-01-15')).effects).toEqual([
      { code: 'reuse_recommended', from: '2026-03-10', until: null, detail: '可提拔担任乡镇副职' },
    ]);
    const after = { ...during, clearFrom: d('2025-12-01') };
    expect(ledgerContent(after, d('2026-01-15')).effects[0]!.from).toBe('2026-01-15');
    const declined: LedgerFacts = { ...during, recommended: false, suggestedUse: null };
    expect(ledgerContent(declined, d('2026-01-15')).effects.map((e) => e.code)).toEqual([
      'reuse_not_recommended',
    ]);
    expect(clearFromOf(null)).toBeNull();
  });

  it('a correction is its own entry with its deadline; closing it is a later entry of the same chain', () => {
    const ordered: LedgerFacts = {
      kind: 'correction_ordered',
      title: '补办审批手续',
      responsibleUnit: '城关镇',
      responsiblePerson: '李华',
      measures: ['补办手续'],
      deadline: d('2026-03-16'),
      withDecision: 'K纪容〔2026〕3号',
    };
    expect(ledgerContent(ordered, d('2026-03-02'))).toMatchObject({
      effectiveUntil: '2026-03-16',
      effects: [{ code: 'correction_required', until: '2026-03-16', detail: '城关镇（李华）' }],
    });
    expect(chainKeyOf('correction_ordered', { matterId: 'm1' })).toBe(
      chainKeyOf('correction_closed', { matterId: 'm1' }),
    );
    expect(chainKeyOf('tolerance_decision', { matterId: 'm1' })).not.toBe(
      chainKeyOf('correction_ordered', { matterId: 'm1' }),
    );
    expect(chainKeyOf('reuse_decision', { sanctionId: 's1' })).not.toBe(
      chainKeyOf('sanction', { sanctionId: 's1' }),
    );
  });

  it('a name clearing names its forms and reach, and the untrue allegation counts nowhere', () => {
    const facts: LedgerFacts = {
      kind: 'name_cleared',
      forms: ['written', 'meeting'],
      scope: 'unit',
      clearedOn: d('2026-02-10'),
      onTime: true,
    };
    const c = ledgerContent(facts, d('2026-02-10'));
    expect(c.effects.map((e) => e.code)).toEqual(['reputation_cleared', 'allegation_disregarded']);
    expect(describeEffect(c.effects[0]!, facts)).toEqual({
      zh: '已澄清正名（书面澄清、会议澄清；本人所在单位范围内）',
      en: 'Name cleared (in writing and at a meeting; within the cadre’s unit)',
    });
  });

  it('tells the cadre in plain words, and that a superseded entry no longer applies', () => {
    const c = ledgerContent(tolerance('exempt'), d('2026-03-02'));
    const text = plainText(tolerance('exempt'), c.effects, null);
    expect(text.zh).toBe(
      '经纪委常委会集体研究，对您“在老旧小区改造中先行垫资启动施工”一事予以容错免责。您在年度考核、评先评优、选拔任用、职级晋升、后备干部及代表委员资格中不会因此受到负面评价，容错认定也不产生影响期。',
    );
    expect(text.en).toContain(
      'will not count against you in annual assessment, commendations, selection and promotion',
    );
    expect(plainText(tolerance('exempt'), c.effects, '2026-04-01').zh).toContain(
      '此项已被 2026-04-01 的新决定取代',
    );
  });
});
