/** Locates the built renderer and builds it with Vite's API when it is missing (first `vss serve`). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../shared/package-root.ts';

export const REPO_ROOT = packageRoot();
export const RENDERER_DIST = join(REPO_ROOT, 'dist', 'renderer');

export async function ensureRendererBuilt(dist: string = RENDERER_DIST, log: (line: string) => void = () => {}): Promise<string> {
  if (existsSync(join(dist, 'index.html'))) return dist;
  log('building the UI (first start)…');
  const { build } = await import('vite');
  await build({ configFile: join(REPO_ROOT, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`UI build did not produce ${dist}`);
  return dist;
}
