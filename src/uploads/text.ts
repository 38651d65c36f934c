/**
 * Plain text uploads: UTF-8 or GB18030 (what Chinese-locale Windows writes), no NUL or stray control
 * bytes. Markup a browser would run (HTML, SVG, XML carrying script) and scripts (#!) are told
 * apart from text here, because a file that is "just text" to a parser can be a page to a browser.
 */
import iconv from 'iconv-lite';

/** Plain text with its encoding, or why it is not acceptable text. */
export type TextVerdict =
  | { kind: 'text'; charset: 'utf-8' | 'gb18030' }
  | { kind: 'html' | 'svg' | 'xml_script' | 'script' | 'rtf' | 'binary' };

/** How much of the start of a file markup is looked for in, like browsers' own sniffing window. */
const HEAD_CHARS = 4096;

// Tags that make a browser run or load something, wherever they appear near the start.
const ACTIVE_TAG =
  /<(?:!doctype\s+html|html|head|body|script|iframe|frame|frameset|object|embed|applet|meta|style|link|base|form|svg|math)[\s/>]/;
// WHATWG MIME sniffing: a file that *starts* with one of these is HTML (tag followed by space or >).
const LEADING_TAG = /^<(?:h1|div|font|table|a|title|b|br|p|!--)[\s>]/;
const XML_SCRIPT =
  /<(?:[a-z0-9_-]+:)?script[\s/>]|xmlns(?::[a-z0-9_-]+)?\s*=\s*["']http:\/\/www\.w3\.org\/1999\/xhtml|javascript:/;

/** Control bytes that never occur in text: everything below 0x20 but tab, LF, FF and CR; and DEL. */
function hasControlBytes(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte === 0x7f || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d))
      return true;
  }
  return false;
}

function decode(bytes: Uint8Array): { text: string; charset: 'utf-8' | 'gb18030' } | null {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), charset: 'utf-8' };
  } catch {
    if (hasBom) return null;
    // iconv-lite replaces undecodable sequences with U+FFFD instead of throwing.
    const text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'gb18030');
    return text.includes('\uFFFD') ? null : { text, charset: 'gb18030' };
  }
}

/** Whether the bytes are plain text, and if not, what kind of refused text they are. */
export function classifyText(bytes: Uint8Array): TextVerdict {
  if (hasControlBytes(bytes)) return { kind: 'binary' };
  const decoded = decode(bytes);
  if (!decoded) return { kind: 'binary' };
  const head = decoded.text.slice(0, HEAD_CHARS).trimStart().toLowerCase();
  if (head.startsWith('#!')) return { kind: 'script' };
  // RTF can embed OLE objects and is a classic carrier of document exploits; Word saves .docx anyway.
  if (head.startsWith('{\\rtf')) return { kind: 'rtf' };
  if (/<svg[\s/>]/.test(head)) return { kind: 'svg' };
  if (head.startsWith('<') && XML_SCRIPT.test(head))
    return { kind: head.startsWith('<?xml') ? 'xml_script' : 'html' };
  if (ACTIVE_TAG.test(head) || LEADING_TAG.test(head)) return { kind: 'html' };
  return { kind: 'text', charset: decoded.charset };
}
