import { crc32, inflateRawSync } from "node:zlib";

/**
 * Reads a ZIP archive's files through its central directory (PKZIP APPNOTE), checking each file's
 * CRC-32, so tests can look inside an export without a ZIP library.
 */
export function readZip(archive: Buffer): Map<string, Buffer> {
  const endAt = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error("No end-of-central-directory record");
  const count = archive.readUInt16LE(endAt + 10);
  let at = archive.readUInt32LE(endAt + 16);
  const files = new Map<string, Buffer>();
  for (let index = 0; index < count; index += 1) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error(`Bad central directory entry ${index}`);
    const method = archive.readUInt16LE(at + 10);
    const checksum = archive.readUInt32LE(at + 16);
    const compressedSize = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localAt = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    if (archive.readUInt32LE(localAt) !== 0x04034b50) throw new Error(`Bad local header for ${name}`);
    const dataAt = localAt + 30 + archive.readUInt16LE(localAt + 26) + archive.readUInt16LE(localAt + 28);
    const stored = archive.subarray(dataAt, dataAt + compressedSize);
    const content = method === 8 ? inflateRawSync(stored) : method === 0 ? Buffer.from(stored) : null;
    if (!content) throw new Error(`Unsupported method ${method} for ${name}`);
    if ((crc32(content) >>> 0) !== checksum) throw new Error(`CRC mismatch for ${name}`);
    files.set(name, content);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
