/**
 * The .docx furniture: signature block with the floating seal placeholder, verification table,
 * 版记 and page-number footers, plus the run and unit helpers render-docx.ts shares.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  ImageRun,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { ShapeRun } from 'docx/shapes';
import { chineseDate } from './chinese-date.ts';
import { DOCX_FONTS } from './fonts.ts';
import { LINE_PITCH, MM, RED, SIZE, TEXT_WIDTH, shortDigest, visualWidthInEm } from './layout.ts';
import type { DocumentVerification, OfficialDocument } from './model.ts';

export const TWIPS_PER_PT = 20;
const EMU_PER_PT = 12700;
const PX_PER_PT = 96 / 72;
export const RED_HEX = RED.slice(1);
/** One body line, 28.95 pt = 579 twips. */
export const LINE = Math.round(LINE_PITCH * TWIPS_PER_PT);
const SEAL_DIAMETER = 42 * MM;

/** 署名 centred over the date (date 4 characters from the right), the seal placeholder over both. */
export function signature(doc: OfficialDocument): Paragraph[] {
  const date = chineseDate(doc.signatureBlock.date);
  const dateWidth = visualWidthInEm(date) * SIZE.body;
  const nameWidth = visualWidthInEm(doc.signatureBlock.body) * SIZE.body;
  const centreFromRight = 4 * SIZE.body + dateWidth / 2;
  const sealLeft = TEXT_WIDTH - centreFromRight - SEAL_DIAMETER / 2;
  const seal = new ShapeRun({
    type: 'ellipse',
    transformation: { width: SEAL_DIAMETER * PX_PER_PT, height: SEAL_DIAMETER * PX_PER_PT },
    line: { color: RED_HEX, width: 1.2, dash: 'dash' },
    textOptions: { verticalAlignment: 'top', margins: { top: 14 } },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run('（印章位置）', { size: 18, color: RED_HEX })],
      }),
    ],
    altText: { name: 'seal-placeholder', description: `${doc.signatureBlock.body}印章位置` },
    floating: {
      horizontalPosition: { relative: 'margin', offset: Math.round(sealLeft * EMU_PER_PT) },
      // The name line sits just below the circle's middle.
      verticalPosition: {
        relative: 'paragraph',
        offset: Math.round(-(SEAL_DIAMETER / 2 - LINE_PITCH * 0.4) * EMU_PER_PT),
      },
      wrap: { type: 0 },
      allowOverlap: true,
      zIndex: 10,
    },
  });
  const rightAligned = (text: string, rightIndentPt: number, children: (TextRun | ShapeRun)[] = []) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      keepNext: true,
      keepLines: true,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      indent: { right: Math.round(rightIndentPt * TWIPS_PER_PT) },
      children: [...children, run(text)],
    });
  return [
    new Paragraph({
      keepNext: true,
      spacing: { line: LINE * 2, lineRule: LineRuleType.EXACT },
      children: [],
    }),
    rightAligned(doc.signatureBlock.body, centreFromRight - nameWidth / 2, [seal]),
    rightAligned(date, 4 * SIZE.body),
    new Paragraph({ spacing: { line: LINE * 2, lineRule: LineRuleType.EXACT }, children: [] }),
  ];
}

export function verificationTable(verification: DocumentVerification, qrPng: Buffer): Table {
  const qrSize = 24 * MM * PX_PER_PT;
  const small = (text: string, options: IRunOptions = {}) =>
    new Paragraph({
      spacing: { after: 40 },
      children: [run(text, { size: 18, color: '444444', ...options })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...TableBorders.NONE, top: { style: BorderStyle.SINGLE, size: 4, color: '888888' } },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: 22, type: WidthType.PERCENTAGE },
            children: [
              new Paragraph({
                children: [
                  new ImageRun({
                    type: 'png',
                    data: qrPng,
                    transformation: { width: qrSize, height: qrSize },
                  }),
                ],
              }),
            ],
          }),
          new TableCell({
            width: { size: 78, type: WidthType.PERCENTAGE },
            children: [
              small(
                '本文书附国密（SM2/SM3）电子签名。扫描左侧二维码，或登录核验网址输入验证码，可核验真伪。',
              ),
              small(`验证码：${verification.code}`, {
                size: 24,
                color: '000000',
                font: font(DOCX_FONTS.heading),
              }),
              small(`SM3 摘要：${shortDigest(verification.digestHex)}`),
              small(`核验网址：${verification.url}`),
            ],
          }),
        ],
      }),
    ],
  });
}

/** 版记: 抄送 between two rules, one character in from each side, 四号. */
export function copyToParagraph(copyTo: readonly string[]): Paragraph {
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  return new Paragraph({
    spacing: { before: LINE },
    indent: { left: SIZE.footnote * TWIPS_PER_PT, right: SIZE.footnote * TWIPS_PER_PT },
    border: { top: rule, bottom: rule },
    children: [run(`抄送：${copyTo.join('，')}。`, { size: SIZE.footnote * 2 })],
  });
}

export function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = SIZE.footnote * TWIPS_PER_PT;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: SIZE.footnote * 2,
            font: font(DOCX_FONTS.title),
          }),
        ],
      }),
    ],
  });
}

export function run(text: string, options: IRunOptions = {}): TextRun {
  return new TextRun({ text, font: font(DOCX_FONTS.body), size: SIZE.body * 2, ...options });
}

export function font(eastAsia: string) {
  return { ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia };
}

export function mmToTwips(mm: number): number {
  return Math.round(mm * MM * TWIPS_PER_PT);
}
