import { describe, expect, it } from 'vitest';
import { outcomeLetter, type OutcomeLetterInput } from './outcome-letter.ts';

const base: OutcomeLetterInput = {
  issuer: { name: '中共K县纪律检查委员会', jointWith: ['K县监察委员会'] },
  documentNumber: 'K纪〔2026〕7号',
  date: '2026-03-09',
  recipient: '中共K县委组织部',
  cadre: { name: '张明', unit: '县农业农村局', position: '副局长' },
  matter: '在老旧小区改造中先行垫资启动施工',
  outcome: 'exempt',
  determination: {
    documentNumber: 'K纪〔2026〕5号',
    title: '关于张明同志容错免责的认定决定书',
    date: '2026-03-05',
  },
  deliberation: { body: '中共K县纪律检查委员会常务委员会', date: '2026-03-04' },
  policy: { id: 'k-county', title: 'K县容错纠错实施方案', version: '2019年版', clauses: [] },
};
const text = (input: OutcomeLetterInput) => outcomeLetter(input).paragraphs.join('\n');

describe('结果告知函 to the organisation department', () => {
  it('reports an exemption with the determination it rests on and its "no negative evaluation" effect', () => {
    const letter = outcomeLetter(base);
    expect(letter).toMatchObject({
      kind: 'outcome_letter',
      title: '关于张明同志容错认定结果的告知函',
      addressee: '中共K县委组织部',
      documentNumber: 'K纪〔2026〕7号',
    });
    expect(text(base)).toContain(
      '我委于2026年3月5日对县农业农村局副局长张明同志在老旧小区改造中先行垫资启动施工一事作出《关于张明同志容错免责的认定决定书》（K纪〔2026〕5号）。',
    );
    expect(text(base)).toContain(
      '经中共K县纪律检查委员会常务委员会于2026年3月4日集体研究，决定对张明同志予以容错免责，不追究其相关责任。',
    );
    expect(text(base)).toContain(
      '根据《K县容错纠错实施方案》（2019年版）的规定，该认定结果在年度考核、评先评优、选拔任用等方面不作负面评价',
    );
    expect(letter.paragraphs.at(-1)).toBe('特此函告。');
  });

  it('names the measure of a mitigation, keeps correction separate, and never calls a refusal tolerance', () => {
    const mitigated = {
      ...base,
      outcome: 'mitigate' as const,
      mitigatedMeasure: '对其进行诫勉谈话',
      correction: { responsible: '城关镇人民政府', measures: ['补办手续'], deadline: '2026-03-20' },
    };
    expect(text(mitigated)).toContain('决定对张明同志予以容错减责，对其进行诫勉谈话。');
    expect(text(mitigated)).toContain('责令城关镇人民政府于2026年3月20日前完成整改');
    expect(() => outcomeLetter({ ...base, outcome: 'mitigate' })).toThrow(/mitigatedMeasure/);
    const refused = text({ ...base, outcome: 'refuse' });
    expect(refused).toContain('决定对张明同志不予容错');
    expect(refused).not.toContain('不作负面评价');
  });
});
