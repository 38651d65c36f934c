import { describe, expect, it } from 'vitest';
import { caseSubject, composeCaseDraft } from './compose.ts';

describe('the first draft of a typical case', () => {
  it('takes the subject of the matter title', () => {
    expect(caseSubject('关于农产品产销对接活动先行垫付费用的容错申请')).toBe(
      '农产品产销对接活动先行垫付费用',
    );
    expect(caseSubject('对问责线索开展容错情形审查（财政资金拨付）')).toBe('财政资金拨付');
    expect(caseSubject('住建局老旧小区改造容错审查')).toBe('住建局老旧小区改造');
  });

  it('writes facts, handling and the outcome with its month', () => {
    const draft = composeCaseDraft({
      title: '关于合作社扶持资金提前拨付的容错申请',
      summary: '为赶农时，提前拨付扶持资金。',
      findings: '经调阅材料，查明未谋取私利。\n资金已收回。',
      analysis: '出于公心，程序存在瑕疵。',
      outcome: 'mitigate',
      measure: '对其进行批评教育，免予问责。',
      correctionMeasures: ['补办手续', '完善制度；'],
      decidingBody: '县纪委监委',
      decidedOn: '2026-03-05',
    });
    expect(draft).toEqual({
      title: '合作社扶持资金提前拨付获容错减责',
      facts: '为赶农时，提前拨付扶持资金。\n经调阅材料，查明未谋取私利。资金已收回。',
      handling:
        '出于公心，程序存在瑕疵。\n2026年3月，经县纪委监委常委会集体研究，决定予以容错减责，对其进行批评教育，免予问责。同时责令纠错：补办手续；完善制度。',
      significance: '',
    });
  });
});
