/**
 * Typefaces for the two output formats.
 *
 * PDF embeds real fonts: Noto CJK from Debian's fonts-noto-cjk (STACK §5). Noto Serif CJK stands in
 * for 仿宋 (body) and, in bold, for 小标宋 (title and red header); Noto Sans CJK stands in for 黑体
 * (headings). The collections are selected by PostScript name.
 *
 * DOCX only names fonts; Word resolves them on the reader's machine. The names are the ones every
 * Chinese Windows has (simfang/simhei/simsun), written as Chinese Word writes them. Where a name is
 * missing (LibreOffice on Linux), the application falls back to an installed CJK font, so text still
 * shows correctly; it just looks less like a 公文.
 */

/** A face inside a font file (a .ttc collection needs the PostScript name). */
export type FontFace = { path: string; postscriptName?: string };

/** The faces renderPdf needs. */
export type PdfFonts = { serif: FontFace; serifBold: FontFace; sans: FontFace };

/** Where Debian's fonts-noto-cjk puts the collections. */
export const NOTO_CJK_DIR = '/usr/share/fonts/opentype/noto';

/** The default PDF faces, from `dir` (NOTO_CJK_DIR unless configured otherwise). */
export function notoCjkFonts(dir: string = NOTO_CJK_DIR): PdfFonts {
  return {
    serif: { path: `${dir}/NotoSerifCJK-Regular.ttc`, postscriptName: 'NotoSerifCJKsc-Regular' },
    serifBold: { path: `${dir}/NotoSerifCJK-Bold.ttc`, postscriptName: 'NotoSerifCJKsc-Bold' },
    sans: { path: `${dir}/NotoSansCJK-Regular.ttc`, postscriptName: 'NotoSansCJKsc-Regular' },
  };
}

/** Font names written into the .docx (eastAsia is what Word uses for Chinese characters). */
export const DOCX_FONTS = {
  /** 仿宋 (FangSong): GB/T 9704 body text. */
  body: '仿宋',
  /** 黑体 (SimHei): first-level headings. */
  heading: '黑体',
  /** 宋体 (SimSun), bold: red header and title. 方正小标宋简体 is the norm, but is often not installed. */
  title: '宋体',
  /** Latin letters and digits. */
  latin: 'Times New Roman',
} as const;
