/**
 * The PDF's fixed furniture: the seal placeholder, the verification footer, the 版记 (抄送) and the
 * page numbers. Kept apart from render-pdf.ts, which lays out the flowing text.
 */
import { MARGINS_MM, MM, PAGE, RED, SIZE, TEXT_WIDTH, shortDigest } from './layout.ts';
import type { DocumentVerification, OfficialDocument } from './model.ts';

type Pdf = PDFKit.PDFDocument;

const LEFT = MARGINS_MM.left * MM;
/** A 42 mm circle: the usual size of a county commission's seal. */
export const SEAL_RADIUS = 21 * MM;
/** The name runs over the upper 160° of the circle, clear of the signature text at its middle. */
const ARC_SPAN = 160;
const QR_SIZE = 24 * MM;

/**
 * The seal area: a dashed red circle with the body's name along the upper arc and 印章位置 in the
 * middle. Dashed and labelled, so it can never pass for an applied seal; the real seal (or an
 * electronic seal) is added by the commission.
 */
export function drawSeal(pdf: Pdf, cx: number, cy: number, body: string): void {
  pdf.save();
  pdf.circle(cx, cy, SEAL_RADIUS).lineWidth(1.2).dash(5, { space: 3 }).strokeColor(RED).stroke().undash();
  const chars = [...body];
  const roughArcLength = (SEAL_RADIUS - 9) * ((ARC_SPAN * Math.PI) / 180);
  const size = Math.min(14, roughArcLength / Math.max(chars.length - 1, 1) / 1.1);
  const arcRadius = SEAL_RADIUS - size * 0.75;
  const span = Math.min(ARC_SPAN, ((size * 1.1) / arcRadius) * (180 / Math.PI) * (chars.length - 1));
  pdf.font('serif-bold');
  const font = glyphSource(pdf);
  const scale = size / font.unitsPerEm;
  chars.forEach((ch, i) => {
    // Clockwise along the top, each glyph turned so its top faces outwards: at angle θ (y down)
    // the glyph's up vector (0, −1) must become (cos θ, sin θ), a clockwise turn of θ + 90°.
    const theta = 270 - span / 2 + (chars.length === 1 ? 0 : (span * i) / (chars.length - 1));
    const radians = (theta * Math.PI) / 180;
    const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
    pdf.save();
    pdf.translate(cx + arcRadius * Math.cos(radians), cy + arcRadius * Math.sin(radians));
    pdf.rotate(theta + 90);
    // Outlines, not text: the seal is a mark, and curved text would garble the page's text layer.
    // An ideograph's em box spans −0.12…0.88 em around the baseline, so its middle is 0.38 em up.
    pdf.translate((-glyph.advanceWidth * scale) / 2, 0.38 * size).scale(scale, -scale);
    pdf.path(glyph.path.toSVG()).fill(RED);
    pdf.restore();
  });
  pdf.font('serif').fontSize(9).fillColor(RED, 0.8);
  const label = '（印章位置）';
  pdf.text(label, cx - pdf.widthOfString(label) / 2, cy - SEAL_RADIUS * 0.3, { lineBreak: false });
  pdf.restore();
  pdf.fillColor('black', 1);
}

type GlyphFont = {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number; path: { toSVG(): string } };
};

/** The fontkit font behind pdfkit's current embedded font (pdfkit keeps it as `_font.font`). */
function glyphSource(pdf: Pdf): GlyphFont {
  const font = (pdf as unknown as { _font?: { font?: Partial<GlyphFont> } })._font?.font;
  // A private field: fail loudly (and in the render tests) if a pdfkit upgrade moves it.
  if (typeof font?.glyphForCodePoint !== 'function')
    throw new Error('pdfkit no longer exposes glyph outlines');
  return font as GlyphFont;
}

/** Heights the footer blocks take at the foot of the last page. */
export function footerHeights(pdf: Pdf, doc: OfficialDocument): { verification: number; copyTo: number } {
  const verification = doc.verification
    ? Math.max(QR_SIZE, rowsHeight(pdf, verificationRows(doc.verification))) + 12
    : 0;
  let copyTo = 0;
  if (doc.copyTo?.length) {
    pdf.font('serif').fontSize(SIZE.footnote);
    copyTo =
      pdf.heightOfString(copyToText(doc.copyTo), { width: TEXT_WIDTH - 2 * SIZE.footnote, lineGap: 4 }) + 14;
  }
  return { verification, copyTo };
}

type Row = { font: 'serif' | 'sans'; size: number; text: string; color: string };

function verificationRows(verification: DocumentVerification): Row[] {
  return [
    {
      font: 'serif',
      size: 9,
      color: '#444444',
      text: '本文书附国密（SM2/SM3）电子签名。扫描左侧二维码，或登录核验网址输入验证码，可核验真伪。',
    },
    { font: 'sans', size: 12, color: 'black', text: `验证码：${verification.code}` },
    { font: 'serif', size: 9, color: '#444444', text: `SM3 摘要：${shortDigest(verification.digestHex)}` },
    { font: 'serif', size: 9, color: '#444444', text: `核验网址：${verification.url}` },
  ];
}

const ROWS_X = LEFT + QR_SIZE + 4 * MM;
const ROWS_WIDTH = TEXT_WIDTH - QR_SIZE - 4 * MM;

function rowsHeight(pdf: Pdf, rows: readonly Row[]): number {
  return rows.reduce((sum, row) => sum + rowHeight(pdf, row), 0);
}

function rowHeight(pdf: Pdf, row: Row): number {
  pdf.font(row.font).fontSize(row.size);
  return pdf.heightOfString(row.text, { width: ROWS_WIDTH, lineGap: 1 }) + 3;
}

/** QR code on the left, code / digest / URL on the right; returns the y below it. */
export function drawVerification(
  pdf: Pdf,
  verification: DocumentVerification,
  qrPng: Buffer,
  top: number,
): number {
  pdf
    .moveTo(LEFT, top)
    .lineTo(LEFT + TEXT_WIDTH, top)
    .lineWidth(0.5)
    .strokeColor('#888888')
    .stroke();
  const rows = verificationRows(verification);
  const height = Math.max(QR_SIZE, rowsHeight(pdf, rows));
  pdf.image(qrPng, LEFT, top + 6, { width: QR_SIZE, height: QR_SIZE });
  let y = top + 6 + (height - rowsHeight(pdf, rows)) / 2;
  for (const row of rows) {
    const rowTop = y;
    y += rowHeight(pdf, row); // also sets the row's font and size
    pdf.fillColor(row.color).text(row.text, ROWS_X, rowTop, { width: ROWS_WIDTH, lineGap: 1 });
  }
  pdf.fillColor('black');
  return top + height + 12;
}

/** 版记: 抄送 between a thick and a thin rule, indented one character on each side. */
export function drawCopyTo(pdf: Pdf, copyTo: readonly string[], top: number): void {
  const text = copyToText(copyTo);
  pdf.font('serif').fontSize(SIZE.footnote).fillColor('black');
  const height = pdf.heightOfString(text, { width: TEXT_WIDTH - 2 * SIZE.footnote, lineGap: 4 });
  pdf
    .moveTo(LEFT, top + 2)
    .lineTo(LEFT + TEXT_WIDTH, top + 2)
    .lineWidth(1)
    .strokeColor('black')
    .stroke();
  pdf.text(text, LEFT + SIZE.footnote, top + 8, { width: TEXT_WIDTH - 2 * SIZE.footnote, lineGap: 4 });
  const bottom = top + 12 + height;
  pdf
    .moveTo(LEFT, bottom)
    .lineTo(LEFT + TEXT_WIDTH, bottom)
    .lineWidth(1)
    .strokeColor('black')
    .stroke();
}

/** '— n —' 7 mm below the 版心: odd pages right, even pages left, one character in (GB/T 9704 §7.5). */
export function drawPageNumbers(pdf: Pdf): void {
  const range = pdf.bufferedPageRange();
  const y = PAGE.height - MARGINS_MM.bottom * MM + 7 * MM;
  for (let i = range.start; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i);
    const bottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // writing below the margin must not start a new page
    const label = `— ${i + 1} —`;
    pdf.font('serif').fontSize(SIZE.footnote).fillColor('black');
    const width = pdf.widthOfString(label);
    const x = (i + 1) % 2 === 1 ? LEFT + TEXT_WIDTH - SIZE.footnote - width : LEFT + SIZE.footnote;
    pdf.text(label, x, y, { lineBreak: false });
    pdf.page.margins.bottom = bottomMargin;
  }
}

function copyToText(copyTo: readonly string[]): string {
  return `抄送：${copyTo.join('，')}。`;
}
