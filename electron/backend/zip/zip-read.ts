/**
 * A minimal ZIP reader (stored and deflated entries, no ZIP64, no encryption) for importing
 * label archives. Entry names are checked: absolute paths, drive letters, backslashes and ".."
 * segments are refused, so nothing read from an archive can name a file outside it. Sizes are
 * bounded and checked against the inflated data (a "zip bomb" fails with a one-line error).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { crc32 } from 'node:zlib';
import { VssError } from '../../core/errors.ts';

/** Largest uncompressed entry (bytes): far above any label PNG or annotation file. */
export const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  packed: number;
  size: number;
  offset: number;
}

/** Refuses entry names that could leave the archive's folder. */
export function checkEntryName(name: string, where: string): string {
  const bad = name === '' || name.includes('\\') || name.includes('\0') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').some((s) => s === '..');
  if (bad) throw new VssError('BAD_REQUEST', `${where}: entry "${name}" is not a safe relative path (it could leave the archive)`);
  return name;
}

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const b = Buffer.alloc(len);
  const { bytesRead } = await fh.read(b, 0, len, pos);
  return b.subarray(0, bytesRead);
}

export class ZipReader {
  private constructor(
    private readonly fh: FileHandle,
    readonly path: string,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  static async open(path: string): Promise<ZipReader> {
    let fh: FileHandle;
    try {
      fh = await open(path, 'r');
    } catch {
      throw new VssError('NOT_FOUND', `cannot read ${path}`);
    }
    try {
      return new ZipReader(fh, path, await ZipReader.directory(fh, path));
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  private static async directory(fh: FileHandle, path: string): Promise<Map<string, ZipEntry>> {
    const size = (await fh.stat()).size;
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = await readAt(fh, size - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    if (eocd < 0) throw new VssError('CORRUPT', `${path} is not a ZIP archive (no end of central directory)`);
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw new VssError('UNSUPPORTED', `${path} is a ZIP64 archive, which is not supported: unpack it and import the folder`);
    if (cdOffset + cdSize > size) throw new VssError('CORRUPT', `${path}: the ZIP central directory is truncated`);
    const cd = await readAt(fh, cdOffset, cdSize);
    const entries = new Map<string, ZipEntry>();
    for (let p = 0, n = 0; n < count; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new VssError('CORRUPT', `${path}: damaged ZIP central directory`);
      const flags = cd.readUInt16LE(p + 8);
      const nameLen = cd.readUInt16LE(p + 28);
      const extra = cd.readUInt16LE(p + 30);
      const comment = cd.readUInt16LE(p + 32);
      const name = cd.subarray(p + 46, p + 46 + nameLen).toString('utf8');
      if (flags & 1) throw new VssError('UNSUPPORTED', `${path}: entry "${name}" is encrypted`);
      const e: ZipEntry = { name, method: cd.readUInt16LE(p + 10), crc: cd.readUInt32LE(p + 16), packed: cd.readUInt32LE(p + 20), size: cd.readUInt32LE(p + 24), offset: cd.readUInt32LE(p + 42) };
      p += 46 + nameLen + extra + comment;
      if (name.endsWith('/')) continue; // a folder
      checkEntryName(name, path);
      entries.set(name, e);
    }
    return entries;
  }

  async read(name: string): Promise<Buffer> {
    const e = this.entries.get(name);
    if (!e) throw new VssError('NOT_FOUND', `${this.path} has no entry "${name}"`);
    if (e.size > MAX_ENTRY_BYTES) throw new VssError('BAD_REQUEST', `${this.path}: entry "${name}" is larger than ${MAX_ENTRY_BYTES} bytes`);
    const head = await readAt(this.fh, e.offset, 30);
    if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) throw new VssError('CORRUPT', `${this.path}: damaged local header of "${name}"`);
    const start = e.offset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    const packed = await readAt(this.fh, start, e.packed);
    let data: Buffer;
    try {
      if (e.method === 0) data = packed;
      else if (e.method === 8) data = inflateRawSync(packed, { maxOutputLength: Math.max(1, e.size) });
      else throw new VssError('UNSUPPORTED', `${this.path}: entry "${name}" uses compression method ${e.method} (only stored and deflated are supported)`);
    } catch (err) {
      if (err instanceof VssError) throw err;
      throw new VssError('CORRUPT', `${this.path}: entry "${name}" cannot be inflated`);
    }
    if (data.length !== e.size || crc32(data) !== e.crc) throw new VssError('CORRUPT', `${this.path}: entry "${name}" is damaged (size or CRC mismatch)`);
    return data;
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}
