import { describe, expect, it } from 'vitest';
import { canonicalContent, canonicalJson, parseCanonicalContent } from './canonical.ts';
import type { OfficialDocument } from './model.ts';

const doc: OfficialDocument = {
  kind: 'tolerance_exempt',
  issuingBody: { zh: '中共K县纪律检查委员会' },
  documentNumber: 'K纪〔2026〕3号',
  title: '关于张某某同志容错免责的认定决定书',
  addressee: '张某某同志',
  paragraphs: ['正文第一段。', { heading: '一、基本事实' }, '正文第二段。'],
  signatureBlock: { body: '中共K县纪律检查委员会', date: '2026-11-27' },
};

describe('canonical content', () => {
  it('is JSON with sorted keys at every level and no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }], e: undefined } as never)).toBe(
      '{"a":[{"c":null,"d":"x"}],"b":1}',
    );
    const text = canonicalContent(doc);
    expect(text.startsWith('{"document":{"addressee":"张某某同志","documentNumber":"K纪〔2026〕3号",')).toBe(
      true,
    );
    expect(text.endsWith('"format":"rongcuo.official-document.v1"}')).toBe(true);
  });

  it('does not depend on key order, and leaves the verification block out', () => {
    const reordered = Object.fromEntries(Object.entries(doc).reverse()) as OfficialDocument;
    const verified = {
      ...doc,
      verification: { code: 'AAAA-AAAA-AAAA-AAAA', digestHex: '00'.repeat(32), url: 'https://x/verify' },
    };
    expect(canonicalContent(reordered)).toBe(canonicalContent(doc));
    expect(canonicalContent(verified)).toBe(canonicalContent(doc));
  });

  it('changes when any character of the document changes', () => {
    expect(canonicalContent({ ...doc, title: doc.title.replace('免责', '减责') })).not.toBe(
      canonicalContent(doc),
    );
    expect(canonicalContent({ ...doc, paragraphs: [...doc.paragraphs, ''] })).not.toBe(canonicalContent(doc));
  });

  it('parses back exactly canonical text only', () => {
    const text = canonicalContent(doc);
    expect(parseCanonicalContent(text)).toEqual(doc);
    expect(parseCanonicalContent(text.replace('{"document"', '{ "document"'))).toBeNull();
    expect(parseCanonicalContent(text.replace('rongcuo.official-document.v1', 'other'))).toBeNull();
    expect(
      parseCanonicalContent(
        canonicalJson({ format: 'rongcuo.official-document.v1', document: { title: 'x' } }),
      ),
    ).toBeNull();
    expect(parseCanonicalContent('not json')).toBeNull();
  });
});
