/** Test helpers: paths of the committed tiny bundles and a scratch copy to break. */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TINY_ROOT = fileURLToPath(new URL('../../../native-models/test-tiny/', import.meta.url));
export const TINY_SPLIT = join(TINY_ROOT, 'split');
export const TINY_SINGLE = join(TINY_ROOT, 'single');
export const TINY_ECHO = join(TINY_ROOT, 'echo');

/** Copies a tiny bundle into a fresh temp folder and applies `edit` to its parsed model.json. */
export async function brokenCopy(src: string, edit: (m: Record<string, unknown>) => void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vss-bundle-'));
  await cp(src, dir, { recursive: true });
  const m = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as Record<string, unknown>;
  edit(m);
  await writeFile(join(dir, 'model.json'), JSON.stringify(m, null, 2));
  return dir;
}
