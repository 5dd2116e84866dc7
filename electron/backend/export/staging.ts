/**
 * Exports are written into a temp folder next to the destination and renamed into place only
 * when complete, so a half-finished export never looks like a finished one.
 */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { VssError } from '../../core/errors.ts';
import { TEMP_MARK, fsyncDir } from '../project/atomic.ts';

export async function prepareStaging(out: string, overwrite: boolean): Promise<string> {
  try {
    const s = await stat(out);
    if (!s.isDirectory()) throw new VssError('BAD_REQUEST', `output ${out} exists and is not a folder`);
    if ((await readdir(out)).length > 0 && !overwrite) throw new VssError('BAD_REQUEST', `output folder ${out} is not empty (use overwrite)`);
  } catch (e) {
    if (e instanceof VssError) throw e;
  }
  return stagingDir(out);
}

/** A new temp folder beside `out`, named after it. */
export async function stagingDir(out: string): Promise<string> {
  await mkdir(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `${TEMP_MARK}export-${basename(out)}-${randomBytes(4).toString('hex')}`);
  await mkdir(tmp);
  return tmp;
}

/** The archive path of a zipped export (".zip" added when missing), checked like a folder output. */
export async function zipOutPath(out: string, overwrite: boolean): Promise<string> {
  const zip = /\.zip$/i.test(out) ? out : `${out}.zip`;
  try {
    const s = await stat(zip);
    if (s.isDirectory()) throw new VssError('BAD_REQUEST', `output ${zip} is a folder, not a ZIP file`);
    if (!overwrite) throw new VssError('BAD_REQUEST', `output file ${zip} exists (choose overwrite to replace it)`);
  } catch (e) {
    if (e instanceof VssError) throw e;
  }
  return zip;
}

/** Moves the finished temp folder to `out` (replacing an existing one). */
export async function commitStaging(tmp: string, out: string): Promise<void> {
  let old: string | null = null;
  try {
    await stat(out);
    old = join(dirname(out), `${TEMP_MARK}old-${basename(out)}-${randomBytes(4).toString('hex')}`);
    await rename(out, old);
  } catch {
    old = null;
  }
  await rename(tmp, out);
  await fsyncDir(dirname(out));
  if (old) await rm(old, { recursive: true, force: true });
}

/** Deletes the temp folder; never throws (the export's own error is what the user must see). */
export async function discardStaging(tmp: string): Promise<void> {
  // Retries cover a file landing while rm walks the folder (ENOTEMPTY).
  await rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch(() => undefined);
}
