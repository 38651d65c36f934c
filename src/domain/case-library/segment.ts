/**
 * Chinese full-text search without a database extension (DESIGN §4: core PostgreSQL only, the same
 * on PGlite and PostgreSQL, no zhparser). The JavaScript runtime segments the text — Node ships full
 * ICU, whose word break iterator has a Chinese dictionary — and the database indexes the tokens with
 * the plain `simple` configuration.
 *
 * Two token streams are stored for each case:
 * - words: the segmenter's word tokens (高标准|农田|建设), which rank a match;
 * - characters: every Chinese character on its own (non-Chinese tokens kept whole), which make a
 *   query a substring match whatever the segmenter did with the sentence — ICU splits 垫资 into
 *   垫|资 and 县城关镇 into 县城|关|镇, so a query segmented on its own can disagree with the same
 *   words segmented in context. A phrase of characters (垫 <-> 资) finds 垫资 wherever it stands.
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** One CJK ideograph (the basic block and extension A, plus compatibility ideographs). */
const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/u;

export function isHan(char: string): boolean {
  return HAN.test(char);
}

/** A segment of text with its offset (UTF-16 code units, as JavaScript indexes strings). */
export type Segment = { text: string; index: number; wordLike: boolean };

/** The segmenter's segments of `text`, punctuation and spaces included (wordLike false). */
export function segments(text: string): Segment[] {
  return [...segmenter.segment(text)].map((s) => ({
    text: s.segment,
    index: s.index,
    wordLike: s.isWordLike === true,
  }));
}

/** Word tokens of `text`, lower-cased (the `simple` configuration lower-cases too). */
export function words(text: string): string[] {
  return segments(text)
    .filter((s) => s.wordLike)
    .map((s) => s.text.toLowerCase());
}

/** Character tokens: each Chinese character alone, any other word token whole. */
export function characters(text: string): string[] {
  const out: string[] = [];
  for (const token of words(text)) {
    if ([...token].every(isHan)) out.push(...token);
    else {
      // A token mixing scripts (K县): Chinese characters alone, runs of anything else together.
      let run = '';
      for (const char of token) {
        if (isHan(char)) {
          if (run) out.push(run);
          run = '';
          out.push(char);
        } else run += char;
      }
      if (run) out.push(run);
    }
  }
  return out;
}

/** The space-joined token streams the database turns into tsvectors with to_tsvector('simple', …). */
export type SearchDocument = {
  titleWords: string;
  bodyWords: string;
  titleChars: string;
  bodyChars: string;
};

export function searchDocument(title: string, body: readonly string[]): SearchDocument {
  const text = body.join('\n');
  return {
    titleWords: words(title).join(' '),
    bodyWords: words(text).join(' '),
    titleChars: characters(title).join(' '),
    bodyChars: characters(text).join(' '),
  };
}

/**
 * One term of a query: all terms must match (AND). `chars` is matched as a phrase against the
 * character stream (a substring match); `words` ranks it against the word stream; `text` is what
 * the result list highlights.
 */
export type QueryTerm = { text: string; words: string; chars: string };

/** Longest term kept as one phrase; a longer run of Chinese is split into its words (each AND-ed). */
const PHRASE_MAX = 4;
const TERMS_MAX = 8;

function termOf(text: string): QueryTerm | null {
  const w = words(text);
  if (w.length === 0) return null;
  return { text, words: w.join(' '), chars: characters(text).join(' ') };
}

/**
 * Reads a query the way a search box is expected to behave: terms separated by spaces must all
 * match; "quoted text" is one exact phrase; a short run of Chinese (垫资, 城关镇) is a substring;
 * a long one (农产品销售困难问题) is split into its words, each of which must appear.
 */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const pattern = /"([^"]*)"|“([^”]*)”|(\S+)/gu;
  for (const match of query.normalize('NFKC').matchAll(pattern)) {
    const quoted = match[1] ?? match[2];
    if (quoted !== undefined) {
      const term = termOf(quoted.trim());
      if (term) terms.push(term);
      continue;
    }
    const raw = match[3]!;
    const hanCount = [...raw].filter(isHan).length;
    if (hanCount <= PHRASE_MAX) {
      const term = termOf(raw);
      if (term) terms.push(term);
    } else {
      // A single character is too common to search on its own: it joins the word after it (农|产品
      // → 农产品), or the one before at the end.
      const parts: string[] = [];
      let pending = '';
      for (const word of segments(raw).filter((s) => s.wordLike)) {
        if ([...word.text].length === 1 && isHan(word.text)) pending += word.text;
        else {
          parts.push(pending + word.text);
          pending = '';
        }
      }
      if (pending && parts.length > 0) parts[parts.length - 1] += pending;
      else if (pending) parts.push(pending);
      for (const part of parts) {
        const term = termOf(part);
        if (term) terms.push(term);
      }
    }
  }
  // The same term twice adds nothing; a query of hundreds of words is not a search.
  const seen = new Set<string>();
  return terms.filter((t) => !seen.has(t.chars) && seen.add(t.chars)).slice(0, TERMS_MAX);
}

/** A highlighted range of a text (start inclusive, end exclusive, UTF-16 offsets). */
export type Range = { start: number; end: number };

/** Where the terms occur in `text` (case-insensitive), merged and in order. */
export function termRanges(text: string, terms: readonly QueryTerm[]): Range[] {
  const lower = text.toLowerCase();
  const found: Range[] = [];
  for (const term of terms) {
    const needle = term.text.toLowerCase();
    if (!needle) continue;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length))
      found.push({ start: at, end: at + needle.length });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of found) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * A passage of `text` around the first hit (or its beginning), at most `max` characters, with the
 * hits inside it: what a result list shows under a title.
 */
export function snippet(
  text: string,
  terms: readonly QueryTerm[],
  max = 120,
): { text: string; highlights: Range[] } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const hits = termRanges(flat, terms);
  const first = hits[0];
  let start = first ? Math.max(0, first.start - Math.floor(max / 3)) : 0;
  if (start + max > flat.length) start = Math.max(0, flat.length - max);
  const end = Math.min(flat.length, start + max);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${flat.slice(start, end)}${suffix}`,
    highlights: hits
      .filter((h) => h.start >= start && h.end <= end)
      .map((h) => ({ start: h.start + shift, end: h.end + shift })),
  };
}
