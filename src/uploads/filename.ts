/**
 * File names from uploads are untrusted text: paths, control characters and bidi overrides (which
 * make "evil‮fdp.exe" read as "evilexe.pdf") are removed before a name is stored or sent back.
 */

/** Longest stored file name, in characters (code points). */
export const MAX_FILENAME_CHARS = 200;

// C0 and C1 controls, DEL, and the Unicode direction marks, embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The extension of a name, lowercased, or '' when it has none ('.bashrc' has none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return '';
  const extension = name.slice(dot + 1).toLowerCase();
  return /^[a-z0-9]{1,10}$/.test(extension) ? extension : '';
}

/**
 * A safe display and download name: the last path segment only, no control or direction
 * characters, no leading dots or trailing dots and spaces (Windows drops them), at most 200
 * characters with the extension kept; 'file' when nothing is left.
 */
export function sanitizeFilename(raw: string): string {
  const lastSegment = raw.normalize('NFC').split(/[/\\]/).at(-1) ?? '';
  const cleaned = lastSegment
    .replace(UNSAFE, '')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const chars = [...cleaned];
  if (chars.length === 0) return 'file';
  if (chars.length <= MAX_FILENAME_CHARS) return cleaned;
  const extension = extensionOf(cleaned);
  const suffix = extension ? `.${extension}` : '';
  // Cut by code points so a character outside the BMP is never split in half.
  return (
    chars
      .slice(0, MAX_FILENAME_CHARS - suffix.length)
      .join('')
      .replace(/[\s.]+$/, '') + suffix
  );
}

/** RFC 5987 ext-value characters: attr-char is ALPHA / DIGIT / "!#$&+-.^_`|~". */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `Content-Disposition` for a download: always `attachment` (never rendered inline), an ASCII
 * fallback name for old clients and the exact name as RFC 5987 `filename*`.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}
