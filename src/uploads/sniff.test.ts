import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { sniff } from './sniff.ts';
import { ole2With, ooxmlWith, tinyPdf, tinyPng, zipWith } from './test-files.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (s: string) => new TextEncoder().encode(s);
const padded = (head: Uint8Array, size = 600) => {
  const out = new Uint8Array(Math.max(size, head.length));
  out.set(head);
  return out;
};

describe('sniff: accepted types', () => {
  it.each([
    ['PDF', tinyPdf(), 'pdf', 'application/pdf'],
    ['PNG', tinyPng(), 'png', 'image/png'],
    ['JPEG', padded(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46)), 'jpeg', 'image/jpeg'],
    ['GIF87a', padded(text('GIF87a')), 'gif', 'image/gif'],
    ['GIF89a', padded(text('GIF89a')), 'gif', 'image/gif'],
    ['WebP', padded(text('RIFF\x24\x00\x00\x00WEBPVP8 ')), 'webp', 'image/webp'],
    [
      'OOXML word',
      ooxmlWith('word'),
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'OOXML spreadsheet',
      ooxmlWith('xl'),
      'xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    [
      'OLE2 WordDocument',
      ole2With(['WordDocument', '1Table', '\u0005SummaryInformation']),
      'doc',
      'application/msword',
    ],
    ['OLE2 Workbook', ole2With(['Workbook']), 'xls', 'application/vnd.ms-excel'],
    ['OLE2 Book (Excel 5)', ole2With(['Book']), 'xls', 'application/vnd.ms-excel'],
  ])('%s', (_name, file, type, mime) => {
    expect(sniff(file)).toMatchObject({ accepted: true, type, mime });
  });

  it('a real .docx and .xlsx written by the libraries we use', async () => {
    const docx = new Uint8Array(
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('核实材料')] }] })),
    );
    expect(sniff(docx)).toMatchObject({ accepted: true, type: 'docx', family: 'word' });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表1').addRow(['姓名', '单位']);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(sniff(xlsx)).toMatchObject({ accepted: true, type: 'xlsx', family: 'excel' });
  });

  it('plain text in UTF-8 (with or without BOM) and GB18030', () => {
    expect(sniff(text('谈话笔录\r\n时间：2026年3月2日\t地点：县纪委\n'))).toMatchObject({
      accepted: true,
      type: 'text',
      mime: 'text/plain; charset=utf-8',
    });
    expect(sniff(Uint8Array.from([0xef, 0xbb, 0xbf, ...text('姓名,单位\n')]))).toMatchObject({
      mime: 'text/plain; charset=utf-8',
    });
    const gb = new Uint8Array(iconv.encode('情况说明：经集体研究决定。𠀀', 'gb18030'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    expect(sniff(gb)).toMatchObject({ accepted: true, type: 'text', mime: 'text/plain; charset=gb18030' });
  });

  it('XML without script is text; a text file that merely starts with "MZ" is text', () => {
    expect(sniff(text('<?xml version="1.0"?><rows><row>1</row></rows>'))).toMatchObject({
      accepted: true,
      type: 'text',
    });
    expect(sniff(text('MZ 是某某的缩写'))).toMatchObject({ accepted: true, type: 'text' });
    expect(sniff(text('若 a<b 且 c>d，则……'))).toMatchObject({ accepted: true, type: 'text' });
  });
});

describe('sniff: refused types name what they are', () => {
  it.each([
    ['empty', new Uint8Array(0), 'empty', 'empty'],
    ['HTML with doctype', text('<!DOCTYPE html><html><body>hi</body></html>'), 'html', 'HTML'],
    ['HTML after whitespace, upper case', text('\n\n  <HTML><HEAD></HEAD></HTML>'), 'html', 'HTML'],
    ['HTML fragment starting with <p>', text('<p>hello</p>'), 'html', 'HTML'],
    ['a script tag deep in text', text(`${'说明'.repeat(100)}<script>alert(1)</script>`), 'html', 'HTML'],
    [
      'an iframe in GB18030 text',
      new Uint8Array(iconv.encode('材料<iframe src=x>', 'gb18030')),
      'html',
      'HTML',
    ],
    ['SVG', text('<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>'), 'svg', 'SVG'],
    [
      'SVG with XML prolog',
      text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'svg',
      'SVG',
    ],
    [
      'XML with a namespaced script',
      text('<?xml version="1.0"?><x:y xmlns:h="http://www.w3.org/1999/xhtml"><h:script>1</h:script></x:y>'),
      'xml_script',
      'XML (script)',
    ],
    [
      'XML with a javascript: link',
      text('<?xml version="1.0"?><a href="javascript:alert(1)"/>'),
      'xml_script',
      'XML (script)',
    ],
    ['shell script', text('#!/bin/sh\nrm -rf /\n'), 'script', 'script (#!)'],
    ['RTF', text('{\\rtf1\\ansi hello}'), 'rtf', 'RTF'],
    ['Windows executable', padded(bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00)), 'executable', 'EXE'],
    ['ELF', padded(bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01)), 'executable', 'ELF'],
    ['Mach-O', padded(bytes(0xcf, 0xfa, 0xed, 0xfe)), 'executable', 'Mach-O'],
    ['plain ZIP', zipWith({ 'a.txt': 'x', 'b/c.exe': 'MZ' }), 'zip', 'ZIP'],
    ['empty ZIP', bytes(0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)), 'zip', 'ZIP'],
    [
      'truncated ZIP',
      zipWith({ '[Content_Types].xml': 'x', 'word/document.xml': 'y' }).subarray(0, 40),
      'zip',
      'ZIP',
    ],
    ['word/ without [Content_Types].xml', zipWith({ 'word/document.xml': '<x/>' }), 'zip', 'ZIP'],
    [
      'macro-enabled Word',
      ooxmlWith('word', { 'word/vbaProject.bin': 'vba' }),
      'office_macro',
      'Office (macro)',
    ],
    ['PowerPoint', ooxmlWith('ppt'), 'office_other', 'PPTX'],
    ['OLE2 with macros', ole2With(['WordDocument', 'Macros']), 'office_macro', 'Office (macro)'],
    ['OLE2 installer-like', ole2With(['\u4840\u3f3f']), 'office_other', 'OLE2'],
    ['GZIP', padded(bytes(0x1f, 0x8b, 0x08)), 'archive', 'GZIP'],
    ['RAR', padded(text('Rar!\x1a\x07\x00')), 'archive', 'RAR'],
    ['7z', padded(bytes(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)), 'archive', '7Z'],
    ['binary noise with NUL', bytes(0x01, 0x02, 0x00, 0x7f, 0x10), 'unknown', 'unknown'],
    ['UTF-16 text', new Uint8Array(iconv.encode('\ufeff谈话笔录', 'utf-16le')), 'unknown', 'unknown'],
    ['invalid in both UTF-8 and GB18030', bytes(0x41, 0x81, 0x20, 0x42), 'unknown', 'unknown'],
  ])('%s', (_name, file, type, label) => {
    expect(sniff(file)).toEqual({ accepted: false, type, label });
  });
});
