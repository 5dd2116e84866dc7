/**
 * Atomic file writes: write a temp file in the same folder, fsync it, rename it over the target,
 * then fsync the folder (where the platform allows) so the rename itself survives a crash.
 * A reader therefore sees either the old file or the new one, never a torn one.
 */
import { open, readdir, rename, rm, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Marker in temp names, so openProject can sweep leftovers of a crash. */
export const TEMP_MARK = '.vss-tmp-';

export async function fsyncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    // Windows cannot open or fsync a directory; the rename is still atomic there.
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** Writes `data` to `path` atomically; `mode` sets the new file's permissions (e.g. 0o600). */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode?: number): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `${TEMP_MARK}${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}`);
  const fh = await open(tmp, 'w', mode);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw e;
  }
  await fh.close();
  try {
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dir);
}

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n');
}

/** Removes temp files and folders left by an interrupted write under `dir` (recursively). */
export async function sweepTemps(dir: string, depth = 3): Promise<number> {
  let removed = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.name.startsWith(TEMP_MARK)) {
      await rm(p, { recursive: true, force: true });
      removed++;
    } else if (e.isDirectory() && depth > 0) removed += await sweepTemps(p, depth - 1);
  }
  return removed;
}
