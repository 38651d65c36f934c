/**
 * The upload gate: the bytes must be an accepted type, and the name must not claim another one
 * (a PNG named .pdf, a text file named .exe). A file uploaded without an extension gets the one
 * its content calls for, so downloads open in the right program.
 */
import { DomainError } from '../domain/errors.ts';
import { extensionOf, MAX_FILENAME_CHARS, sanitizeFilename } from './filename.ts';
import { sniff, type AcceptedFile, type FileFamily } from './sniff.ts';

/** Extensions a file of each family may carry. A .doc that is really a .docx is still Word. */
export const FAMILY_EXTENSIONS: Record<FileFamily, readonly string[]> = {
  pdf: ['pdf'],
  image: ['png', 'jpg', 'jpeg', 'jpe', 'jfif', 'gif', 'webp'],
  word: ['doc', 'docx'],
  excel: ['xls', 'xlsx'],
  text: ['txt', 'text', 'csv', 'tsv', 'log', 'md', 'xml'],
};

/** The detected type and the name to store. */
export type AcceptedUpload = { file: AcceptedFile; filename: string };

/**
 * Sniffs the bytes and checks the name against them.
 * @returns the detected type and the sanitised name (with the detected extension when it had none).
 * @throws DomainError('upload.type_refused') naming what was detected;
 *   DomainError('upload.extension_mismatch') when the name's extension belongs to another family.
 */
export function acceptUpload(bytes: Uint8Array, rawFilename: string): AcceptedUpload {
  const file = sniff(bytes);
  if (!file.accepted) throw new DomainError('upload.type_refused', { detected: file.label }, 'file');
  const filename = sanitizeFilename(rawFilename);
  const declared = extensionOf(filename);
  if (!declared) {
    const base = [...filename].slice(0, MAX_FILENAME_CHARS - file.extension.length - 1).join('');
    return { file, filename: `${base}.${file.extension}` };
  }
  if (!FAMILY_EXTENSIONS[file.family].includes(declared)) {
    throw new DomainError('upload.extension_mismatch', { declared, detected: file.label }, 'file');
  }
  return { file, filename };
}
