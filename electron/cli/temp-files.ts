/**
 * Files the CLI writes atomically (temp file beside the target, then rename), and the list of
 * temp files in flight, so an interrupted process removes them before it exits (see entry.ts).
 */
import { rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const inFlight = new Set<string>();

/** Writes to a temp file beside `path`, then renames over it: readers never see half a file. */
export async function writeAtomic(path: string, data: Buffer): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  inFlight.add(tmp);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    inFlight.delete(tmp);
  }
}

/** Removes every temp file still being written (synchronously: called right before exit). */
export function removeTempFilesSync(): void {
  for (const tmp of inFlight) rmSync(tmp, { force: true });
  inFlight.clear();
}
