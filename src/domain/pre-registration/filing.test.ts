import { describe, expect, it } from 'vitest';
import { day } from '../tolerance/test-matter.ts';
import { FILING_FORMAT, filingCanonicalText, type SealedFiling } from './filing.ts';

const sealed: SealedFiling = {
  number: 'K备〔2026〕1号',
  title: '村集体经济组织试行土地经营权入股',
  description: '拟以村集体土地经营权入股农业企业。',
  filer: { kind: 'unit', name: '城关镇', unit: '城关镇' },
  filing: {
    category: '改革创新',
    legalGap: '土地经营权入股的具体程序尚无县级规定',
    risks: [{ risk: '入股企业经营失败', controls: '设置保底收益并经村民代表大会表决' }],
    collectiveDecision: { body: '城关镇党委会', heldOn: day('2026-02-26'), reference: '城党会〔2026〕3号' },
    plannedStartOn: day('2026-03-20'),
    responsiblePerson: '李华',
  },
  attachments: [
    { filename: '会议纪要.pdf', digest: 'b'.repeat(64) },
    { filename: '风险评估.pdf', digest: 'a'.repeat(64) },
  ],
  filedOn: day('2026-03-02'),
};

describe('the sealed text of a filing', () => {
  it('is canonical: keys sorted, attachments ordered by digest, the format named', () => {
    const text = filingCanonicalText(sealed);
    const parsed = JSON.parse(text);
    expect(parsed.format).toBe(FILING_FORMAT);
    expect(parsed.attachments.map((a: { filename: string }) => a.filename)).toEqual([
      '风险评估.pdf',
      '会议纪要.pdf',
    ]);
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    expect(text).not.toMatch(/\n| {2}/);
  });

  it('does not depend on the order attachments were uploaded in', () => {
    const reversed = { ...sealed, attachments: [...sealed.attachments].reverse() };
    expect(filingCanonicalText(reversed)).toBe(filingCanonicalText(sealed));
  });

  it('changes with any word of the filing or any attachment', () => {
    const base = filingCanonicalText(sealed);
    const risk = { ...sealed.filing, risks: [{ risk: '入股企业经营失败', controls: '设置保底收益' }] };
    expect(filingCanonicalText({ ...sealed, filing: risk })).not.toBe(base);
    const swapped = [{ filename: '会议纪要.pdf', digest: 'c'.repeat(64) }, sealed.attachments[1]!];
    expect(filingCanonicalText({ ...sealed, attachments: swapped })).not.toBe(base);
  });
});
