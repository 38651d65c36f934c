import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.ts';
import { acceptUpload } from './accept.ts';
import { attachmentDisposition, extensionOf, sanitizeFilename } from './filename.ts';
import { ole2With, ooxmlWith, tinyPdf, tinyPng } from './test-files.ts';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('acceptUpload', () => {
  it('accepts a file whose extension belongs to the detected family, case-insensitively', () => {
    expect(acceptUpload(tinyPdf(), '核实材料.PDF')).toMatchObject({
      filename: '核实材料.PDF',
      file: { type: 'pdf' },
    });
    expect(acceptUpload(tinyPng(), 'photo.jpg').file.type).toBe('png');
    expect(acceptUpload(ooxmlWith('word'), 'old-name.doc').file.type).toBe('docx');
    expect(acceptUpload(ole2With(['Workbook']), '台账.xls').file.type).toBe('xls');
    expect(acceptUpload(new TextEncoder().encode('a,b\n1,2\n'), '名单.csv').file.type).toBe('text');
  });

  it('refuses a name that claims another family, naming both', () => {
    const error = refusal(() => acceptUpload(tinyPng(), 'scan.pdf'));
    expect(error.code).toBe('upload.extension_mismatch');
    expect(error.details).toEqual({ declared: 'pdf', detected: 'PNG' });
    expect(error.messageZh).toBe('文件扩展名 .pdf 与文件实际类型（PNG）不符');
    expect(refusal(() => acceptUpload(new TextEncoder().encode('echo hi'), 'run.bat')).code).toBe(
      'upload.extension_mismatch',
    );
    expect(refusal(() => acceptUpload(ooxmlWith('xl'), 'sheet.docx')).details).toEqual({
      declared: 'docx',
      detected: 'XLSX',
    });
  });

  it('refuses HTML even when it is named .pdf, naming what was detected', () => {
    const error = refusal(() =>
      acceptUpload(new TextEncoder().encode('<html><script>alert(1)</script></html>'), 'decision.pdf'),
    );
    expect(error.code).toBe('upload.type_refused');
    expect(error.details).toEqual({ detected: 'HTML' });
    expect(error.messageEn).toContain('HTML');
    expect(error.field).toBe('file');
  });

  it('gives a file without an extension the detected one', () => {
    expect(acceptUpload(tinyPdf(), 'scan').filename).toBe('scan.pdf');
    expect(acceptUpload(tinyPng(), 'x'.repeat(300)).filename).toBe(`${'x'.repeat(196)}.png`);
  });
});

describe('sanitizeFilename', () => {
  it('keeps the last path segment only', () => {
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFilename('C:\\Users\\张明\\Desktop\\说明.docx')).toBe('说明.docx');
  });

  it('strips control characters and direction overrides', () => {
    expect(sanitizeFilename('a\u0000b\r\nc\u0085.txt')).toBe('abc.txt');
    expect(sanitizeFilename('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
  });

  it('drops leading dots and trailing dots and spaces; empty becomes "file"', () => {
    expect(sanitizeFilename('..hidden.txt')).toBe('hidden.txt');
    expect(sanitizeFilename('report.pdf. . ')).toBe('report.pdf');
    expect(sanitizeFilename('/\u0001/')).toBe('file');
    expect(sanitizeFilename('')).toBe('file');
  });

  it('cuts to 200 characters keeping the extension and whole characters', () => {
    const long = `${'𠀀'.repeat(250)}.pdf`;
    const cut = sanitizeFilename(long);
    expect([...cut]).toHaveLength(200);
    expect(cut.endsWith('𠀀.pdf')).toBe(true);
    expect(sanitizeFilename(`${'名'.repeat(200)}`)).toBe('名'.repeat(200));
  });

  it('extensionOf', () => {
    expect(extensionOf('a.Tar.GZ')).toBe('gz');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('noext')).toBe('');
    expect(extensionOf('a.b c')).toBe('');
  });
});

describe('attachmentDisposition', () => {
  it('is always an attachment, with an ASCII fallback and the exact name in filename*', () => {
    const header = attachmentDisposition('核实 材料(1)\'s "v2".pdf');
    expect(header.startsWith('attachment; ')).toBe(true);
    expect(header).toContain(`filename="__ __(1)'s _v2_.pdf"`);
    expect(header).toContain(
      `filename*=UTF-8''%E6%A0%B8%E5%AE%9E%20%E6%9D%90%E6%96%99%281%29%27s%20%22v2%22.pdf`,
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('核实 材料(1)\'s "v2".pdf');
  });
});
