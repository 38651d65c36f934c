import { describe, expect, it } from 'vitest';
import { similarityTerms } from './terms.ts';

describe('similarity terms', () => {
  it('keeps words and adjacent character pairs, not single characters or function words', () => {
    const terms = similarityTerms('镇财政先行垫资启动施工的项目');
    expect(terms).toContain('垫资');
    expect(terms).toContain('施工');
    expect(terms).not.toContain('的');
    expect(terms.every((t) => [...t].length >= 2)).toBe(true);
  });

  it('matches the same phrase however the segmenter split it in context', () => {
    const a = new Set(similarityTerms('先行垫资启动施工'));
    const b = new Set(similarityTerms('由镇财政垫资'));
    expect([...b].filter((t) => a.has(t))).toContain('垫资');
  });

  it('does not pair characters across punctuation and keeps other scripts as words', () => {
    const terms = similarityTerms('拨付资金。项目K2025');
    expect(terms).not.toContain('金项');
    expect(terms).toContain('k2025');
  });

  it('is bounded', () => {
    const long = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + (i % 2000))).join('');
    expect(similarityTerms(long).length).toBe(400);
  });
});

describe('stored term sets', () => {
  it('encode sorted and distinct, and count what two sets share in one pass', async () => {
    const { encodeTermSet, sharedTerms, termSetSize } = await import('./terms.ts');
    const a = encodeTermSet([5, -1, 3, 3, 0x7fffffff]);
    // -1 is 0xffffffff unsigned: last.
    expect([...a]).toEqual([0, 0, 0, 3, 0, 0, 0, 5, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(termSetSize(a)).toBe(4);
    const b = encodeTermSet([3, 4, 0xffffffff, 9]);
    expect(sharedTerms(a, b)).toBe(2);
    expect(sharedTerms(b, a)).toBe(2);
    expect(sharedTerms(a, new Uint8Array())).toBe(0);
    // A view into a larger buffer (as a database driver may hand back) reads the same.
    const padded = new Uint8Array(a.length + 3);
    padded.set(a, 3);
    expect(sharedTerms(padded.subarray(3), b)).toBe(2);
  });
});
