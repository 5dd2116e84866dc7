// Type-checks each project of the repository. Each project is a boundary (docs/ARCHITECTURE.md):
// the core sees no Node and no DOM types and only its own files; the engine sees only itself and
// the core; the renderer sees only itself, the core and the contract. An import across a boundary
// fails here. Composite projects keep build info, so it is deleted first: a stale file could hide
// a new file from the check.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export const PROJECTS = ['tsconfig.node.json', 'electron/core/tsconfig.json', 'electron/engine/tsconfig.json', 'renderer/tsconfig.json', 'renderer/tsconfig.tools.json'];
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

/** Runs tsc on one project; returns its exit status and output. */
export function typecheck(project) {
  rmSync('.cache/tsc', { recursive: true, force: true });
  const r = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], { encoding: 'utf8' });
  return { status: r.status ?? 1, output: (r.stdout ?? '') + (r.stderr ?? '') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let failed = 0;
  for (const p of PROJECTS) {
    const { status, output } = typecheck(p);
    if (output) process.stdout.write(output);
    if (status !== 0) {
      console.error(`typecheck: ${p} failed`);
      failed++;
    }
  }
  process.exit(failed ? 1 : 0);
}
