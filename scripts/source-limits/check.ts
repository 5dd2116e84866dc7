/**
 * The size limits of the sources (docs/ARCHITECTURE.md, Conventions): no file over 400 lines and
 * no function over 80 lines, outside generated or kernel code. Tests, end-to-end specs and
 * declaration files are not sources. `node --import tsx scripts/source-limits/check.ts` prints
 * every excess; scripts/source-limits.test.ts fails on any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { tokenize } from './lexer.ts';
import { findFunctions } from './functions.ts';

export const MAX_FILE_LINES = 400;
export const MAX_FUNCTION_LINES = 80;

/**
 * Functions allowed past MAX_FUNCTION_LINES, as `path#name`. Only generated or kernel code
 * belongs here, each with the reason it cannot be split without harm.
 */
export const ALLOWED_LONG_FUNCTIONS: ReadonlyMap<string, string> = new Map<string, string>([
  // The DIS inverse search, the optical-flow kernel: one patch's sampling (unrolled for 8x8) and
  // the sweep over the patch grid are each one hot loop; splitting them would add calls per patch
  // and per pixel, and the AssemblyScript kernel below mirrors them line by line.
  ['electron/engine/flow/patch-search.ts#samplePatch', 'DIS kernel: unrolled 8x8 patch sampling'],
  ['electron/engine/flow/patch-search.ts#patchInverseSearch', 'DIS kernel: the patch-grid sweeps'],
  // WebAssembly SIMD kernels (AssemblyScript, compiled to dis-kernels.wasm): one exported entry
  // point per hot loop, its scratch laid out by hand in linear memory.
  ['electron/engine/flow/wasm/assembly/patch-search.ts#patchSearch', 'WASM kernel: DIS inverse search'],
  ['electron/engine/flow/wasm/assembly/labels.ts#labelRows', 'WASM kernel: bilinear label/confidence rows'],
]);


const ROOTS = ['bin', 'electron', 'renderer', 'scripts', 'native-models'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'e2e', 'training-runs']);
const SOURCE = /\.(ts|tsx|mts|cts|mjs|cjs|js)$/;
const NOT_SOURCE = /\.(test|spec)\.[cm]?tsx?$|\.d\.[cm]?ts$/;

export interface Excess {
  /** Repository-relative path with forward slashes. */
  file: string;
  line: number;
  what: string;
  lines: number;
  limit: number;
}

/** Every non-test source file under the roots, repository-relative. */
export function sourceFiles(repo: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try { names = readdirSync(dir); } catch { return; }
    for (const name of names.sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(path);
      } else if (SOURCE.test(name) && !NOT_SOURCE.test(name)) {
        out.push(relative(repo, path).split(sep).join('/'));
      }
    }
  };
  for (const root of ROOTS) walk(join(repo, root));
  return out;
}

/** The excesses of one file's text (allow-list not applied). */
export function excessesOf(file: string, text: string): Excess[] {
  const out: Excess[] = [];
  const lineCount = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
  if (lineCount > MAX_FILE_LINES) {
    out.push({ file, line: 1, what: 'file', lines: lineCount, limit: MAX_FILE_LINES });
  }
  for (const fn of findFunctions(tokenize(text))) {
    if (fn.lines > MAX_FUNCTION_LINES) {
      out.push({ file, line: fn.start, what: fn.name, lines: fn.lines, limit: MAX_FUNCTION_LINES });
    }
  }
  return out;
}

/** Every excess in the repository that the allow-list does not cover. */
export function checkSources(repo: string): Excess[] {
  return sourceFiles(repo)
    .flatMap((file) => excessesOf(file, readFileSync(join(repo, file), 'utf8')))
    .filter((e) => e.what === 'file' || !ALLOWED_LONG_FUNCTIONS.has(`${e.file}#${e.what}`));
}

export function formatExcess(e: Excess): string {
  const kind = e.what === 'file' ? 'file' : `function ${e.what}`;
  return `${e.file}:${e.line} ${kind} has ${e.lines} lines (limit ${e.limit})`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const excesses = checkSources(process.cwd());
  for (const e of excesses) console.log(formatExcess(e));
  process.exitCode = excesses.length ? 1 : 0;
}
