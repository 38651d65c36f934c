import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.ts';
import { decodeCsvBytes, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and LF', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line1\r\nline2"\n1,,3';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\r\nline2'],
      ['1', '', '3'],
    ]);
  });

  it('keeps blank lines as records so row numbers match the spreadsheet, and adds none for a final newline', () => {
    expect(parseCsv('h\r\n\r\nv\r\n')).toEqual([['h'], [''], ['v']]);
  });

  it('keeps an empty quoted last field and a lone CR line ending', () => {
    expect(parseCsv('a,""\rb,c')).toEqual([
      ['a', ''],
      ['b', 'c'],
    ]);
  });

  it('uses tabs when the first line is tab-separated', () => {
    expect(parseCsv('姓名\t性别\n张三\t男')).toEqual([
      ['姓名', '性别'],
      ['张三', '男'],
    ]);
  });
});

describe('decodeCsvBytes', () => {
  const text = '姓名,单位\r\n欧阳娜,城关镇\r\n';

  it('reads UTF-8 with and without BOM', () => {
    const plain = new TextEncoder().encode(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeCsvBytes(plain, 'a.csv')).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsvBytes(withBom, 'a.csv')).toEqual({ text, encoding: 'utf-8' });
  });

  it('falls back to GB18030 (what Chinese Excel saves) when the bytes are not UTF-8', () => {
    const gbk = new Uint8Array(iconv.encode(text + '𠀀', 'gb18030'));
    expect(decodeCsvBytes(gbk, 'a.csv')).toEqual({ text: text + '𠀀', encoding: 'gb18030' });
  });

  it('refuses binary content such as an old .xls or UTF-16 text', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const utf16 = new Uint8Array(iconv.encode('姓名,性别', 'utf-16le'));
    for (const bytes of [ole, utf16]) {
      expect(() => decodeCsvBytes(bytes, 'a.xls')).toThrow(DomainError);
      try {
        decodeCsvBytes(bytes, 'a.xls');
      } catch (error) {
        expect((error as DomainError).code).toBe('import.unsupported_file');
      }
    }
  });
});
