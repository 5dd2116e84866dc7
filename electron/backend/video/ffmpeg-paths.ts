/**
 * Where the ffmpeg and ffprobe binaries are. One place for it:
 *   FFMPEG_PATH / FFPROBE_PATH (environment) override,
 *   else @ffmpeg-installer/ffmpeg and @ffprobe-installer/ffprobe (never ffmpeg-static).
 * A binary that exists but lacks the exec bit is reported as such, in one line.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { VssError } from '../../core/errors.ts';

export type Tool = 'ffmpeg' | 'ffprobe';

const require = createRequire(import.meta.url);
const resolved = new Map<Tool, string>();

function fromInstaller(tool: Tool): string {
  const pkg = tool === 'ffmpeg' ? '@ffmpeg-installer/ffmpeg' : '@ffprobe-installer/ffprobe';
  try {
    const mod = require(pkg) as { path?: unknown };
    if (typeof mod.path === 'string') return mod.path.replace('app.asar', 'app.asar.unpacked');
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new VssError('INTERNAL', `${tool} not found (${pkg}: ${why.split('\n')[0]}); set ${envName(tool)}`);
  }
  throw new VssError('INTERNAL', `${tool} not found in ${pkg}; set ${envName(tool)}`);
}

function envName(tool: Tool): string {
  return tool === 'ffmpeg' ? 'FFMPEG_PATH' : 'FFPROBE_PATH';
}

/** Checks that `path` is an executable file; throws a one-line VssError otherwise. */
export function checkExecutable(tool: Tool, path: string): void {
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new VssError('INTERNAL', `${tool} not found at ${path} (check ${envName(tool)})`);
  }
  if (!isFile) throw new VssError('INTERNAL', `${tool} at ${path} is not a file (check ${envName(tool)})`);
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new VssError('INTERNAL', `${tool} at ${path} is not executable (missing exec bit: chmod +x it)`);
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o111) === 0) {
    throw new VssError('INTERNAL', `${tool} at ${path} is not executable (missing exec bit: chmod +x it)`);
  }
}

/** Absolute path of the binary, checked once per process (env changes are honoured). */
export function toolPath(tool: Tool): string {
  const env = process.env[envName(tool)];
  const path = env && env.trim() !== '' ? env : (resolved.get(tool) ?? fromInstaller(tool));
  if (resolved.get(tool) !== path) {
    checkExecutable(tool, path);
    resolved.set(tool, path);
  }
  return path;
}
