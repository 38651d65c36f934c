import { describe, expect, it } from 'vitest';
import { characters, parseQuery, searchDocument, segments, snippet, termRanges, words } from './segment.ts';

describe('Chinese segmentation in the JavaScript runtime', () => {
  it('has the ICU dictionary (full ICU): Chinese text is split into words, not characters', () => {
    expect(Intl.Segmenter.supportedLocalesOf(['zh'])).toEqual(['zh']);
    expect(words('高标准农田建设项目提前开工')).toEqual([
      '高',
      '标准',
      '农田',
      '建设',
      '项目',
      '提前',
      '开工',
    ]);
    expect(segments('村民代表大会').map((s) => s.text)).toEqual(['村民', '代表', '大会']);
  });

  it('keeps Chinese characters alone and other tokens whole in the character stream', () => {
    expect(characters('K县先行垫资2026年')).toEqual(['k', '县', '先', '行', '垫', '资', '2026', '年']);
  });

  it('builds the token streams the database indexes', () => {
    expect(searchDocument('先行垫资', ['启动施工。', '已收回'])).toEqual({
      titleWords: '先行 垫 资',
      bodyWords: '启动 施工 已 收回',
      titleChars: '先 行 垫 资',
      bodyChars: '启 动 施 工 已 收 回',
    });
  });
});

describe('reading a query', () => {
  it('keeps a short Chinese term as one phrase, however the segmenter splits it', () => {
    expect(parseQuery('垫资')).toEqual([{ text: '垫资', words: '垫 资', chars: '垫 资' }]);
    expect(parseQuery('城关镇')[0]!.chars).toBe('城 关 镇');
  });

  it('ANDs space-separated terms, splits a long run into words, keeps quoted phrases whole', () => {
    expect(parseQuery('垫资  施工').map((t) => t.text)).toEqual(['垫资', '施工']);
    expect(parseQuery('农产品销售困难问题').map((t) => t.text)).toEqual(['农产品', '销售', '困难', '问题']);
    expect(parseQuery('"先行垫资启动施工"').map((t) => t.chars)).toEqual(['先 行 垫 资 启 动 施 工']);
  });

  it('drops punctuation-only terms, repeats and anything past eight terms', () => {
    expect(parseQuery('，。！ ?')).toEqual([]);
    expect(parseQuery('垫资 垫资')).toHaveLength(1);
    expect(parseQuery('一 二 三 四 五 六 七 八 九 十')).toHaveLength(8);
  });
});

describe('highlighting hits', () => {
  const terms = parseQuery('垫资 施工');
  it('finds every occurrence, merged and in order', () => {
    expect(termRanges('先行垫资启动施工，垫资已收回', terms)).toEqual([
      { start: 2, end: 4 },
      { start: 6, end: 8 },
      { start: 9, end: 11 },
    ]);
  });

  it('cuts a passage around the first hit, with the hits inside it', () => {
    const text = `${'前文'.repeat(40)}由镇财政先行垫资启动施工${'后文'.repeat(40)}`;
    const s = snippet(text, terms, 30);
    expect(s.text.startsWith('…') && s.text.endsWith('…')).toBe(true);
    expect(s.highlights.map((h) => s.text.slice(h.start, h.end))).toEqual(['垫资', '施工']);
  });
});
