/**
 * Peeks inside the two container formats Office files use, without unpacking anything: the entry
 * names of a ZIP archive (OOXML: .docx, .xlsx) and the stream names of an OLE2 compound file (legacy
 * .doc, .xls). Names are enough to tell a Word file from a spreadsheet, an installer or a macro
 * carrier; the bytes themselves are never inflated here.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
/** Far more entries than any real document has; a bomb of tiny entries stops here. */
const MAX_ZIP_ENTRIES = 20_000;

/** Entry names of a ZIP archive from its central directory, or null when it cannot be read. */
export function zipEntryNames(archive: Uint8Array): string[] | null {
  const zip = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  try {
    const end = findEndOfCentralDirectory(zip);
    if (end < 0) return null;
    const count = zip.readUInt16LE(end + 10);
    if (count > MAX_ZIP_ENTRIES) return null;
    let offset = zip.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i += 1) {
      if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) return null;
      const nameLength = zip.readUInt16LE(offset + 28);
      const extraLength = zip.readUInt16LE(offset + 30);
      const commentLength = zip.readUInt16LE(offset + 32);
      if (offset + 46 + nameLength > zip.length) return null;
      names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  } catch {
    // An offset pointing outside the buffer: a truncated or forged archive.
    return null;
  }
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= lowest; i -= 1) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  return -1;
}

const OLE2_HEADER_BYTES = 512;
const DIRECTORY_ENTRY_BYTES = 128;
const STORAGE = 1;
const STREAM = 2;
const ROOT = 5;

/**
 * Names of the storages and streams of an OLE2 compound file (MS-CFB). Directory entries are 128
 * bytes and every sector starts on a 128-byte boundary after the 512-byte header, so scanning those
 * boundaries for well-formed entries finds them without following the FAT chains.
 */
export function ole2StreamNames(bytes: Uint8Array): Set<string> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = new Set<string>();
  for (let at = OLE2_HEADER_BYTES; at + DIRECTORY_ENTRY_BYTES <= buf.length; at += DIRECTORY_ENTRY_BYTES) {
    const nameBytes = buf.readUInt16LE(at + 0x40);
    const type = buf[at + 0x42];
    const colour = buf[at + 0x43];
    // Name length counts the UTF-16 terminator; at most 32 characters including it.
    if (nameBytes < 4 || nameBytes > 64 || nameBytes % 2 !== 0) continue;
    if (type !== STORAGE && type !== STREAM && type !== ROOT) continue;
    if (colour !== 0 && colour !== 1) continue;
    if (buf.readUInt16LE(at + nameBytes - 2) !== 0) continue;
    const name = buf.toString('utf16le', at, at + nameBytes - 2);
    if (/^[\u0001-\u0006]?[\x20-\x7e]+$/.test(name)) names.add(name.replace(/^[\u0001-\u0006]/, ''));
  }
  return names;
}
