/** The CLI's version and default model, resolved from the installation root (shared/package-root.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../shared/package-root.ts';

/** Replaced by the bundler with the package version (scripts/build-electron.mjs). */
declare const VSS_BUILD_VERSION: string | undefined;

export function cliVersion(): string {
  if (typeof VSS_BUILD_VERSION === 'string') return VSS_BUILD_VERSION;
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
