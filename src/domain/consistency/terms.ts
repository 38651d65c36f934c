/**
 * The terms two accounts of facts are compared by: the segmenter's words (domain/case-library/
 * segment.ts, the same Intl.Segmenter the case library indexes with) plus every pair of adjacent
 * Chinese characters. The pairs make the comparison robust where the segmenter splits the same
 * phrase differently in two sentences (垫资 as 垫|资 in one, 垫资 in the other); single characters
 * and the commonest function words are left out, as they say nothing about the facts.
 */
import { isHan, segments } from '../case-library/segment.ts';

/** Function words and boilerplate of written accounts that would make every two matters look alike. */
const STOP = new Set([
  '的',
  '了',
  '在',
  '和',
  '与',
  '及',
  '或',
  '是',
  '为',
  '对',
  '于',
  '将',
  '把',
  '被',
  '由',
  '等',
  '并',
  '其',
  '该',
  '此',
  '我们',
  '进行',
  '有关',
  '相关',
  '情况',
  '一个',
  '没有',
  '已经',
  '因为',
  '所以',
  '但是',
  '以及',
  '通过',
]);

/** Most terms kept per text: enough for an account of several pages, bounded for storage. */
export const MAX_TERMS = 400;

/** The distinct terms of `text`, in order of first appearance, at most MAX_TERMS. */
export function similarityTerms(text: string): string[] {
  const out = new Set<string>();
  const add = (term: string) => {
    if (out.size < MAX_TERMS && !STOP.has(term)) out.add(term);
  };
  let run = '';
  const flushRun = () => {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i += 1) add(`${chars[i]}${chars[i + 1]}`);
    run = '';
  };
  for (const s of segments(text.normalize('NFKC'))) {
    const word = s.text.toLowerCase();
    const han = [...word].every(isHan);
    if (s.wordLike && [...word].length >= 2) add(word);
    // Character pairs run across word boundaries but not across punctuation or other scripts.
    if (s.wordLike && han) run += word;
    else flushRun();
  }
  flushRun();
  return [...out];
}

/**
 * A term set as stored: each term's 32-bit digest, unsigned, big-endian, in ascending order, four
 * bytes apiece — compact, and two sets are intersected by one merge pass (`sharedTerms`).
 */
export function encodeTermSet(digests: readonly number[]): Uint8Array {
  const sorted = [...new Set(digests.map((d) => d >>> 0))].sort((a, b) => a - b);
  const bytes = new Uint8Array(sorted.length * 4);
  const view = new DataView(bytes.buffer);
  sorted.forEach((d, i) => view.setUint32(i * 4, d));
  return bytes;
}

export function termSetSize(set: Uint8Array): number {
  return Math.floor(set.byteLength / 4);
}

/** How many terms two encoded sets share (both sorted: one merge pass). */
export function sharedTerms(a: Uint8Array, b: Uint8Array): number {
  const va = new DataView(a.buffer, a.byteOffset, a.byteLength);
  const vb = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const na = termSetSize(a);
  const nb = termSetSize(b);
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < na && j < nb) {
    const x = va.getUint32(i * 4);
    const y = vb.getUint32(j * 4);
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return shared;
}
