/**
 * Renders an OfficialDocument as an editable .docx with the same layout as the PDF (GB/T 9704,
 * adapted): exact 28.95 pt lines, two-character first-line indents, red header and separator, a
 * floating dashed seal placeholder over the signature, page numbers '— n —' (odd right, even left).
 * The canonical content is embedded as custom document properties (embedded.ts).
 */
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph } from 'docx';
import {
  copyToParagraph,
  font,
  LINE,
  mmToTwips,
  pageNumberFooter,
  RED_HEX,
  run,
  signature,
  TWIPS_PER_PT,
  verificationTable,
} from './docx-parts.ts';
import { embeddedProperties } from './embedded.ts';
import { DOCX_FONTS } from './fonts.ts';
import { MARGINS_MM, MM, SIZE, headerFontSize } from './layout.ts';
import type { DocumentBlock, OfficialDocument } from './model.ts';
import { verificationQrPng } from './qr.ts';

const CHAR_TWIPS = SIZE.body * TWIPS_PER_PT;

/** Renders `doc` to .docx bytes. */
export async function renderDocx(doc: OfficialDocument): Promise<Uint8Array> {
  const qrPng = doc.verification ? await verificationQrPng(doc.verification.url) : null;
  const document = new Document({
    title: doc.title,
    subject: doc.documentNumber,
    creator: doc.issuingBody.zh,
    description: 'Rongcuo 容错纠错',
    customProperties: Object.entries(embeddedProperties(doc)).map(([name, value]) => ({ name, value })),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(DOCX_FONTS.body), size: SIZE.body * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM * TWIPS_PER_PT), height: Math.round(297 * MM * TWIPS_PER_PT) },
            margin: {
              top: mmToTwips(MARGINS_MM.top),
              bottom: mmToTwips(MARGINS_MM.bottom),
              left: mmToTwips(MARGINS_MM.left),
              right: mmToTwips(MARGINS_MM.right),
              // The page number's line sits ~7 mm below the 版心.
              footer: mmToTwips(MARGINS_MM.bottom - 7 - 6),
            },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [
          ...head(doc),
          ...body(doc),
          ...signature(doc),
          ...(doc.verification && qrPng ? [verificationTable(doc.verification, qrPng)] : []),
          ...(doc.copyTo?.length ? [copyToParagraph(doc.copyTo)] : []),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function head(doc: OfficialDocument): Paragraph[] {
  const lines = [doc.issuingBody.zh, ...(doc.issuingBody.jointWith ?? [])];
  const size = headerFontSize(lines);
  return [
    ...lines.map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: Math.round(size * 1.3 * TWIPS_PER_PT), lineRule: LineRuleType.EXACT },
          children: [run(line, { font: font(DOCX_FONTS.title), size: size * 2, bold: true, color: RED_HEX })],
        }),
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: LINE, line: LINE, lineRule: LineRuleType.EXACT },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED_HEX, space: 11 } },
      children: [run(doc.documentNumber)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: {
        before: LINE,
        after: Math.round(LINE * 0.6),
        line: 36 * TWIPS_PER_PT,
        lineRule: LineRuleType.EXACT,
      },
      children: [run(doc.title, { font: font(DOCX_FONTS.title), size: SIZE.title * 2, bold: true })],
    }),
  ];
}

function body(doc: OfficialDocument): Paragraph[] {
  const addressee = doc.addressee ? [bodyParagraph(`${doc.addressee}：`, { indent: false })] : [];
  // Headings keep with what follows; the last paragraph keeps with the signature block, so no page
  // holds the seal and date alone (GB/T 9704 §7.3.5.4).
  const last = doc.paragraphs.length - 1;
  return [...addressee, ...doc.paragraphs.map((block, i) => blockParagraph(block, i === last))];
}

function blockParagraph(block: DocumentBlock, keepNext: boolean): Paragraph {
  if (typeof block === 'string') return bodyParagraph(block, { keepNext });
  return bodyParagraph(block.heading, { font: DOCX_FONTS.heading, keepNext: true });
}

function bodyParagraph(
  text: string,
  options: { indent?: boolean; font?: string; keepNext?: boolean } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: options.indent === false ? undefined : { firstLine: 2 * CHAR_TWIPS, firstLineChars: 200 },
    keepNext: options.keepNext,
    children: [run(text, options.font ? { font: font(options.font) } : {})],
  });
}
