/**
 * Renders an OfficialDocument as an A4 PDF in the layout of GB/T 9704 (adapted): red issuing-body
 * header, document number, red separator, title, addressee, body, signature block over a seal
 * placeholder, then the verification footer and 版记 at the foot of the last page, page numbers
 * '— n —' on every page. The canonical content is embedded in the Info dictionary (embedded.ts).
 */
import PDFDocument from 'pdfkit';
import { chineseDate } from './chinese-date.ts';
import { embeddedProperties } from './embedded.ts';
import { notoCjkFonts, type PdfFonts } from './fonts.ts';
import { LINE_PITCH, MARGINS_MM, MM, PAGE, RED, SIZE, TEXT_WIDTH, headerFontSize } from './layout.ts';
import type { DocumentBlock, OfficialDocument } from './model.ts';
import {
  drawCopyTo,
  drawPageNumbers,
  drawSeal,
  drawVerification,
  footerHeights,
  SEAL_RADIUS,
} from './pdf-parts.ts';
import { verificationQrPng } from './qr.ts';

export type PdfRenderOptions = {
  /** Font files; defaults to Noto CJK under /usr/share/fonts/opentype/noto. */
  fonts?: PdfFonts;
  /** Creation date written into the PDF metadata; defaults to now. */
  creationDate?: Date;
};

type Pdf = PDFKit.PDFDocument;

const LEFT = MARGINS_MM.left * MM;
const TOP = MARGINS_MM.top * MM;
const BOTTOM_LIMIT = PAGE.height - MARGINS_MM.bottom * MM;
const CHAR = SIZE.body; // one character of body text, the unit of GB/T 9704 indents
const SIGNATURE_GAP = LINE_PITCH * 0.5;
const SIGNATURE_BLOCK_HEIGHT = SIGNATURE_GAP + 2 * SEAL_RADIUS;

/** Renders `doc` to PDF bytes. */
export async function renderPdf(doc: OfficialDocument, options: PdfRenderOptions = {}): Promise<Uint8Array> {
  const info: Record<string, unknown> = {
    Title: doc.title,
    Author: doc.issuingBody.zh,
    Subject: doc.documentNumber,
    Creator: 'Rongcuo 容错纠错',
    CreationDate: options.creationDate ?? new Date(),
    ...embeddedProperties(doc),
  };
  const pdf: Pdf = new PDFDocument({
    size: 'A4',
    margins: { top: TOP, bottom: MARGINS_MM.bottom * MM, left: LEFT, right: MARGINS_MM.right * MM },
    bufferPages: true,
    info: info as PDFKit.DocumentInfo,
    lang: 'zh-CN',
    displayTitle: true,
  });
  const fonts = options.fonts ?? notoCjkFonts();
  pdf.registerFont('serif', fonts.serif.path, fonts.serif.postscriptName);
  pdf.registerFont('serif-bold', fonts.serifBold.path, fonts.serifBold.postscriptName);
  pdf.registerFont('sans', fonts.sans.path, fonts.sans.postscriptName);
  const qrPng = doc.verification ? await verificationQrPng(doc.verification.url) : null;
  const done = collect(pdf);

  drawHead(pdf, doc);
  drawBody(pdf, doc);
  drawSignatureBlock(pdf, doc);
  drawFooterBlocks(pdf, doc, qrPng);
  drawPageNumbers(pdf);
  pdf.end();
  return done;
}

/** 版头: red issuing body, document number, red separator line; then the title. */
function drawHead(pdf: Pdf, doc: OfficialDocument): void {
  const lines = [doc.issuingBody.zh, ...(doc.issuingBody.jointWith ?? [])];
  const size = headerFontSize(lines);
  pdf.font('serif-bold').fontSize(size).fillColor(RED);
  let y = TOP;
  for (const line of lines) {
    pdf.text(line, LEFT, y, {
      width: TEXT_WIDTH,
      align: 'center',
      lineBreak: false,
      characterSpacing: size * 0.05,
    });
    y += size * 1.3;
  }
  y += LINE_PITCH;
  pdf.font('serif').fontSize(SIZE.body).fillColor('black');
  pdf.text(doc.documentNumber, LEFT, y, { width: TEXT_WIDTH, align: 'center' });
  y = pdf.y + 4 * MM;
  pdf
    .moveTo(LEFT, y)
    .lineTo(LEFT + TEXT_WIDTH, y)
    .lineWidth(1.5)
    .strokeColor(RED)
    .stroke();

  pdf.font('serif-bold').fontSize(SIZE.title).fillColor('black');
  pdf.text(doc.title, LEFT, y + LINE_PITCH, { width: TEXT_WIDTH, align: 'center', lineGap: 6 });
  pdf.y += LINE_PITCH * 0.6;
}

/** 主送机关 flush left, then paragraphs with a two-character first-line indent. */
function drawBody(pdf: Pdf, doc: OfficialDocument): void {
  pdf.fontSize(SIZE.body);
  const lineGap = bodyLineGap(pdf);
  if (doc.addressee) {
    pdf.font('serif').text(`${doc.addressee}：`, LEFT, pdf.y, { width: TEXT_WIDTH, lineGap });
  }
  // The last paragraph, with its heading if one leads into it, stays with the signature block.
  const last = doc.paragraphs.length - 1;
  const tailStart = last > 0 && typeof doc.paragraphs[last - 1] !== 'string' ? last - 1 : last;
  const options = { width: TEXT_WIDTH, indent: 2 * CHAR, lineGap };
  doc.paragraphs.forEach((block, i) => {
    // A heading never ends a page: it needs room for itself and two lines of what follows.
    if (typeof block !== 'string' && pdf.y + 3 * LINE_PITCH > BOTTOM_LIMIT) pdf.addPage();
    if (i === tailStart) keepWithSignature(pdf, blocksHeight(pdf, doc.paragraphs.slice(tailStart), options));
    setBlockFont(pdf, block);
    pdf.text(blockText(block), LEFT, pdf.y, options);
  });
}

function blocksHeight(
  pdf: Pdf,
  blocks: readonly DocumentBlock[],
  options: PDFKit.Mixins.TextOptions,
): number {
  return blocks.reduce(
    (sum, block) => sum + setBlockFont(pdf, block).heightOfString(blockText(block), options),
    0,
  );
}

/** Body text in serif (仿宋's stand-in), headings in sans (黑体's). */
function setBlockFont(pdf: Pdf, block: DocumentBlock): Pdf {
  return pdf.font(typeof block === 'string' ? 'serif' : 'sans');
}

const blockText = (block: DocumentBlock) => (typeof block === 'string' ? block : block.heading);

/**
 * A page may not hold the seal and date without body text (GB/T 9704 §7.3.5.4): when the last
 * paragraph fits on this page but the signature block after it would not, both go to the next.
 */
function keepWithSignature(pdf: Pdf, lastParagraphHeight: number): void {
  const room = BOTTOM_LIMIT - pdf.y;
  if (lastParagraphHeight <= room && lastParagraphHeight + SIGNATURE_BLOCK_HEIGHT > room) pdf.addPage();
}

/**
 * 发文机关署名 centred over 成文日期, the date four characters from the right edge, and the seal
 * area centred on both so they sit just below its middle (GB/T 9704 §7.3.5.1).
 */
function drawSignatureBlock(pdf: Pdf, doc: OfficialDocument): void {
  pdf.font('serif').fontSize(SIZE.body);
  const date = chineseDate(doc.signatureBlock.date);
  const dateWidth = pdf.widthOfString(date);
  const centreX = LEFT + TEXT_WIDTH - 4 * CHAR - dateWidth / 2;
  let sealTop = pdf.y + SIGNATURE_GAP;
  if (pdf.y + SIGNATURE_BLOCK_HEIGHT > BOTTOM_LIMIT) {
    pdf.addPage();
    sealTop = TOP + LINE_PITCH;
  }
  const centreY = sealTop + SEAL_RADIUS;
  // Name and date sit just below the seal's middle (their glyphs start ~0.3 em into the line box).
  const nameY = centreY - SIZE.body * 0.3;
  const dateY = nameY + LINE_PITCH;
  drawSeal(pdf, centreX, centreY, doc.signatureBlock.body);
  pdf.font('serif').fontSize(SIZE.body).fillColor('black');
  const nameWidth = pdf.widthOfString(doc.signatureBlock.body);
  pdf.text(doc.signatureBlock.body, centreX - nameWidth / 2, nameY, { lineBreak: false });
  pdf.text(date, centreX - dateWidth / 2, dateY, { lineBreak: false });
  pdf.x = LEFT;
  pdf.y = Math.max(centreY + SEAL_RADIUS, dateY + LINE_PITCH);
}

/** Verification footer and 版记 at the foot of the last page, on a new page if they do not fit. */
function drawFooterBlocks(pdf: Pdf, doc: OfficialDocument, qrPng: Buffer | null): void {
  const heights = footerHeights(pdf, doc);
  const total = heights.verification + heights.copyTo;
  if (total === 0) return;
  if (pdf.y + LINE_PITCH * 0.5 + total > BOTTOM_LIMIT) pdf.addPage();
  let y = BOTTOM_LIMIT - total;
  if (doc.verification && qrPng) y = drawVerification(pdf, doc.verification, qrPng, y);
  if (doc.copyTo?.length) drawCopyTo(pdf, doc.copyTo, y);
}

/** Extra gap so body lines fall on the 28.95 pt grid whatever the font's own line height. */
function bodyLineGap(pdf: Pdf): number {
  return Math.max(0, LINE_PITCH - pdf.currentLineHeight(true));
}

function collect(pdf: Pdf): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
}
