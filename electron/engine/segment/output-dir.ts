/**
 * Atomic output folder: everything is written into a sibling `<out>.tmp-<pid>-<rand>` and renamed
 * to `<out>` only at the very end, so an interrupted or failed run never leaves a complete-looking
 * `<out>`. An existing non-empty `<out>` is refused unless `force`; then it is renamed away, the new
 * one renamed in, and the old one deleted.
 */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { VssError } from '../../core/errors.ts';

export interface OutputDir {
  /** Final path. */
  out: string;
  /** Temporary sibling everything is written into. */
  tmp: string;
  /** Renames tmp to out (replacing an old out when force). */
  commit(): Promise<void>;
  /** Deletes tmp (idempotent). */
  abort(): Promise<void>;
}

async function isNonEmptyDir(p: string): Promise<boolean | 'file'> {
  const st = await stat(p).catch(() => undefined);
  if (!st) return false;
  if (!st.isDirectory()) return 'file';
  return (await readdir(p)).length > 0;
}

export async function checkOutput(out: string, force: boolean): Promise<void> {
  const state = await isNonEmptyDir(out);
  if (state === 'file') throw new VssError('BAD_REQUEST', `--out ${out} is a file, not a folder`);
  if (state && !force) throw new VssError('BAD_REQUEST', `--out ${out} exists and is not empty (use --force to replace it)`);
}

export async function openOutputDir(outPath: string, force: boolean): Promise<OutputDir> {
  const out = resolve(outPath);
  await checkOutput(out, force);
  const parent = dirname(out);
  await mkdir(parent, { recursive: true });
  const tmp = join(parent, `${basename(out)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(tmp);
  let done = false;
  return {
    out,
    tmp,
    async commit() {
      await checkOutput(out, force);
      const old = join(parent, `${basename(out)}.old-${process.pid}-${randomBytes(4).toString('hex')}`);
      const exists = await stat(out).then(() => true, () => false);
      if (exists) await rename(out, old);
      try {
        await rename(tmp, out);
      } catch (e) {
        if (exists) await rename(old, out).catch(() => undefined);
        throw e;
      }
      done = true;
      if (exists) await rm(old, { recursive: true, force: true });
    },
    async abort() {
      // Retries cover a file landing in a subfolder while rm walks it (ENOTEMPTY).
      if (!done) await rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    },
  };
}
