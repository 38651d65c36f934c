/**
 * Page geometry and type sizes after GB/T 9704-2012 (党政机关公文格式), shared by the PDF and DOCX
 * renderers. Sizes are in points unless named otherwise.
 */

/** Points per millimetre. */
export const MM = 72 / 25.4;

/** A4 portrait. */
export const PAGE = { width: 210 * MM, height: 297 * MM };

/** 天头 37 mm, 订口 28 mm: a 156 × 225 mm 版心. */
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 };

export const TEXT_WIDTH = PAGE.width - (MARGINS_MM.left + MARGINS_MM.right) * MM;

/** 22 lines in the 225 mm 版心: 28.95 pt per line (Word's "固定值 28.95 磅"). */
export const LINE_PITCH = 28.95;

/** 号 → points: 二号 22, 三号 16, 四号 14, 五号 10.5. */
export const SIZE = { title: 22, body: 16, footnote: 14, small: 10.5 };

/** The red of the header, separator line and seal outline. */
export const RED = '#E60012';

/** The header (发文机关标志) as large as fits, at most 小初-ish 36 pt, at least 22 pt. */
export function headerFontSize(lines: readonly string[]): number {
  const longest = Math.max(...lines.map(visualWidthInEm));
  return Math.max(22, Math.min(36, Math.floor((TEXT_WIDTH * 0.92) / longest)));
}

/** Width in em of mixed text: CJK and full-width forms 1, everything else about ½. */
export function visualWidthInEm(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFF60\u3000-\u303F]/.test(ch) ? 1 : 0.55;
  return width;
}

/** A shortened digest for print: '66c7f0f4 62eeedd9 … 8f4ba8e0'. */
export function shortDigest(digestHex: string): string {
  const hex = digestHex.toLowerCase();
  return `${hex.slice(0, 8)} ${hex.slice(8, 16)} … ${hex.slice(-8)}`;
}
