/** Copies (or moves) an engine run's files into a track folder, each file atomically. */
import { copyFile, mkdir, rename, rm, open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { TEMP_MARK, fsyncDir } from './atomic.ts';

/** Copies src to dest via a temp file in dest's folder + fsync + rename. */
export async function copyFileAtomic(src: string, dest: string): Promise<void> {
  await mkdir(dirname(dest), { recursive: true });
  const tmp = join(dirname(dest), `${TEMP_MARK}${basename(dest)}.${randomBytes(4).toString('hex')}`);
  await copyFile(src, tmp);
  const fh = await open(tmp, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, dest);
}

async function moveOrCopy(src: string, dest: string, move: boolean): Promise<void> {
  if (move) {
    try {
      await mkdir(dirname(dest), { recursive: true });
      await rename(src, dest);
      return;
    } catch {
      // different file system: fall back to copy + delete
    }
  }
  await copyFileAtomic(src, dest);
  if (move) await rm(src, { force: true });
}

export interface CopyRunOptions {
  stems: readonly string[];
  move?: boolean;
  /** Per copied frame, for progress. */
  onFrame?: (done: number, total: number) => void;
}

/** Copies labels/, confidence/ (when present) and summary.json of `runDir` into `destDir`. */
export async function copyRunFiles(runDir: string, destDir: string, opts: CopyRunOptions): Promise<void> {
  let done = 0;
  for (const stem of opts.stems) {
    await moveOrCopy(join(runDir, 'labels', `${stem}.png`), join(destDir, 'labels', `${stem}.png`), opts.move ?? false);
    try {
      await moveOrCopy(join(runDir, 'confidence', `${stem}.png`), join(destDir, 'confidence', `${stem}.png`), opts.move ?? false);
    } catch {
      // runs without confidence maps are fine
    }
    opts.onFrame?.(++done, opts.stems.length);
  }
  try {
    await copyFileAtomic(join(runDir, 'summary.json'), join(destDir, 'summary.json'));
  } catch {
    // summary is optional
  }
  await fsyncDir(join(destDir, 'labels'));
}
