/**
 * Reads one named entry from a ZIP archive (a .docx), enough to pull docProps/custom.xml out of an
 * uploaded file without a ZIP dependency of our own. Handles stored and deflated entries, refuses
 * ZIP64 and anything larger than `maxBytes` once inflated (an uploaded file is untrusted).
 */
import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** The entry's bytes, or null when the archive is unreadable or has no such entry. */
export function readZipEntry(
  archive: Uint8Array,
  name: string,
  maxBytes = 4 * 1024 * 1024,
): Uint8Array | null {
  const zip = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  try {
    const end = findEndOfCentralDirectory(zip);
    if (end < 0) return null;
    const entryCount = zip.readUInt16LE(end + 10);
    let offset = zip.readUInt32LE(end + 16);
    for (let i = 0; i < entryCount; i += 1) {
      if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) return null;
      const method = zip.readUInt16LE(offset + 10);
      const compressedSize = zip.readUInt32LE(offset + 20);
      const size = zip.readUInt32LE(offset + 24);
      const nameLength = zip.readUInt16LE(offset + 28);
      const extraLength = zip.readUInt16LE(offset + 30);
      const commentLength = zip.readUInt16LE(offset + 32);
      const localOffset = zip.readUInt32LE(offset + 42);
      const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
      if (entryName === name) {
        if (size > maxBytes || compressedSize === 0xffffffff) return null;
        return readLocalEntry(zip, localOffset, method, compressedSize, maxBytes);
      }
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return null;
  } catch {
    // Offsets pointing outside the buffer, corrupt deflate data, output over the limit …
    return null;
  }
}

/** The entry names of a ZIP archive in central-directory order, or null when it is not a readable ZIP. */
export function zipEntryNames(archive: Uint8Array): string[] | null {
  const zip = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  try {
    const end = findEndOfCentralDirectory(zip);
    if (end < 0) return null;
    const names: string[] = [];
    let offset = zip.readUInt32LE(end + 16);
    for (let i = 0; i < zip.readUInt16LE(end + 10); i += 1) {
      if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) return null;
      const nameLength = zip.readUInt16LE(offset + 28);
      names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
      offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    }
    return names;
  } catch {
    return null;
  }
}

function readLocalEntry(
  zip: Buffer,
  offset: number,
  method: number,
  compressedSize: number,
  maxBytes: number,
): Uint8Array | null {
  if (zip.readUInt32LE(offset) !== LOCAL_FILE_HEADER) return null;
  const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
  const data = zip.subarray(start, start + compressedSize);
  if (data.length !== compressedSize) return null;
  if (method === 0) return new Uint8Array(data);
  if (method === 8) return new Uint8Array(inflateRawSync(data, { maxOutputLength: maxBytes }));
  return null;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= lowest; i -= 1) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  return -1;
}
