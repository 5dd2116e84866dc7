// Which build of the `vss` CLI bin/vss.mjs runs:
//   - dist/electron/vss.mjs (built JavaScript, `npm run build:electron`) when it exists and, in a
//     development checkout, is newer than every source file under electron/;
//   - otherwise, in a development checkout (electron/ sources and the tsx dev dependency present),
//     the TypeScript sources through tsx, so `npx vss` works right after `npm ci`;
//   - VSS_CLI_FROM=dist or VSS_CLI_FROM=source forces one.
// An installed or packaged copy has no sources and runs the bundle.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_EXT = /\.(ts|mts|mjs|cjs|js|wasm|json)$/;

/** Newest modification time (ms) of the source files under `dir` (tests excluded). */
export function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !SOURCE_EXT.test(entry.name) || entry.name.includes('.test.')) continue;
    const parent = entry.parentPath ?? entry.path;
    newest = Math.max(newest, statSync(join(parent, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * @param {string} root the package root
 * @param {Record<string, string | undefined>} env
 * @returns {{ from: 'dist' | 'source', path: string } | { error: string }}
 */
export function chooseCli(root, env = process.env) {
  const bundle = join(root, 'dist', 'electron', 'vss.mjs');
  const sources = join(root, 'electron', 'cli', 'entry.ts');
  const hasBundle = existsSync(bundle);
  const hasSources = existsSync(sources) && existsSync(join(root, 'node_modules', 'tsx'));
  const want = env.VSS_CLI_FROM;
  if (want !== undefined && want !== '' && want !== 'dist' && want !== 'source') {
    return { error: `VSS_CLI_FROM must be "dist" or "source", got "${want}"` };
  }
  if (want === 'dist' || (want !== 'source' && !hasSources)) {
    return hasBundle ? { from: 'dist', path: bundle } : { error: `the CLI is not built (${bundle} is missing): run npm run build:electron` };
  }
  if (want === 'source' || !hasBundle) {
    return hasSources ? { from: 'source', path: sources } : { error: 'VSS_CLI_FROM=source needs the electron/ sources and the tsx dev dependency' };
  }
  const current = statSync(bundle).mtimeMs >= newestSource(join(root, 'electron'));
  return current ? { from: 'dist', path: bundle } : { from: 'source', path: sources };
}
