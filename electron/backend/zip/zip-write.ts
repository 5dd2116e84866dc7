/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3, no ZIP64): every file of a folder, paths relative to
 * it with "/" separators, PNGs stored (they are already deflated) and other files deflated. The
 * archive is written to a temp file beside the target and renamed into place (atomic).
 */
import { open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { VssError } from '../../core/errors.ts';
import { TEMP_MARK, fsyncDir } from '../project/atomic.ts';

const LIMIT = 0xffffffff;

/** Files under `dir`, relative with "/" separators, sorted (folders first by path). */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(join(dir, prefix), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

/** MS-DOS date and time of `d` (local time, 2-second resolution), as ZIP stores them. */
function dosTime(d: Date): { time: number; date: number } {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2);
  const date = ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return { time, date };
}

interface Entry {
  name: Buffer;
  crc: number;
  method: number;
  size: number;
  packed: number;
  offset: number;
}

/** The fields local and central headers share, in the same order (method .. name length), from `at`. */
function entryFields(h: Buffer, at: number, e: Entry, t: { time: number; date: number }): void {
  h.writeUInt16LE(e.method, at);
  h.writeUInt16LE(t.time, at + 2);
  h.writeUInt16LE(t.date, at + 4);
  h.writeUInt32LE(e.crc, at + 6);
  h.writeUInt32LE(e.packed, at + 10);
  h.writeUInt32LE(e.size, at + 14);
  h.writeUInt16LE(e.name.length, at + 18);
}

function localHeader(e: Entry, t: { time: number; date: number }): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  entryFields(h, 8, e, t);
  return Buffer.concat([h, e.name]);
}

function centralHeader(e: Entry, t: { time: number; date: number }): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  entryFields(h, 10, e, t);
  h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
  h.writeUInt32LE(e.offset, 42);
  return Buffer.concat([h, e.name]);
}

/** Zips every file under `dir` into `zipPath` (atomically: temp file, fsync, rename). */
export async function zipFolder(dir: string, zipPath: string, onFile?: () => void): Promise<number> {
  const files = await listFiles(dir);
  const tmp = join(dirname(zipPath), `${TEMP_MARK}${basename(zipPath)}.${randomBytes(4).toString('hex')}`);
  const fh = await open(tmp, 'w');
  const t = dosTime(new Date());
  const entries: Entry[] = [];
  let offset = 0;
  try {
    for (const rel of files) {
      const data = await readFile(join(dir, rel));
      const store = /\.png$/i.test(rel);
      const packed = store ? data : deflateRawSync(data);
      const e: Entry = { name: Buffer.from(rel, 'utf8'), crc: crc32(data), method: store ? 0 : 8, size: data.length, packed: packed.length, offset };
      if (offset + packed.length > LIMIT || entries.length >= 0xffff) throw new VssError('BAD_REQUEST', 'the export is too large for a ZIP without ZIP64 (over 4 GiB or 65535 files): export a folder instead');
      const head = localHeader(e, t);
      await fh.write(head);
      await fh.write(packed);
      offset += head.length + packed.length;
      entries.push(e);
      onFile?.();
    }
    const central = Buffer.concat(entries.map((e) => centralHeader(e, t)));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(central.length, 12);
    end.writeUInt32LE(offset, 16);
    await fh.write(Buffer.concat([central, end]));
    await fh.sync();
    await fh.close();
    await rename(tmp, zipPath);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dirname(zipPath));
  return entries.length;
}
