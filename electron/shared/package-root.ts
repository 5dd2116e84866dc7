/**
 * The installation's root folder, found the same way from the TypeScript sources, the bundles in
 * dist/electron/ (main, workers, the `vss` CLI) and a packaged app (resources/app.asar or
 * app.asar.unpacked): the nearest folder above `from` that holds package.json, or the unpacked app
 * folder. Paths like native-models/ and dist/renderer/ hang off it, so they do not depend on how
 * deep the running file sits.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) || basename(dir) === 'app.asar.unpacked') return dir;
    if (dirname(dir) === dir) return from;
  }
}
