/**
 * The files electron-builder would put into an installer, computed from package.json "build" and
 * the tree with electron-builder's own matchers (builder-lib.ts), for one platform and arch:
 *   - app files: getMainFileMatchers over the app folder (node_modules excluded, as there);
 *   - node modules: the production dependency closure, each file filtered by
 *     getNodeModuleFileMatcher with the path it gets inside the app (node_modules/<name>/...);
 *   - which of those are unpacked beside app.asar (asarUnpack);
 *   - extraResources (copied into the resources folder).
 * Not replicated: electron-builder's fixed clean-up of node modules (READMEs, CHANGELOGs, .d.ts,
 * test folders), so the node-module part is a superset; and dependency collection uses Node's
 * resolution over node_modules instead of `npm ls` (the same tree for a hoisted npm install).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileMatchers, macroExpander, packagerInfo, type BuildConfig, type Filter, type FilterStat } from './builder-lib.ts';

export type PackPlatform = 'linux' | 'mac' | 'win';
export interface PackTarget {
  platform: PackPlatform;
  arch: 'x64' | 'arm64';
}

export interface PackedFiles {
  /** Paths inside the app (app.asar plus app.asar.unpacked), '/'-separated. */
  app: Set<string>;
  /** The subset of `app` unpacked beside app.asar. */
  unpacked: Set<string>;
  /** Paths inside the resources folder (extraResources). */
  resources: Set<string>;
}

const DEST = '/packed-app'; // any absolute destination: only paths relative to it are used

const posix = (p: string): string => p.split(sep).join('/');
const stat = (isDir: boolean, moduleFullFilePath?: string): FilterStat => ({ isDirectory: () => isDir, ...(moduleFullFilePath ? { moduleFullFilePath } : {}) });

/** Files under dir (following symlinks) that pass filter; the filter also prunes directories, as electron-builder's walk does. */
function walk(dir: string, filter: (abs: string, isDir: boolean) => boolean, skip: (name: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (skip(name)) continue;
    const abs = join(dir, name);
    const isDir = statSync(abs).isDirectory();
    if (!filter(abs, isDir)) continue;
    if (isDir) out.push(...walk(abs, filter, skip));
    else out.push(abs);
  }
  return out;
}

interface Dep {
  name: string;
  dir: string;
  /** Its path inside the app, e.g. node_modules/a/node_modules/b. */
  appPath: string;
}

function readJson(path: string): { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(path, 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
}

/** Node's lookup: <from>/node_modules/<name>, then each parent folder's, up to the app root. */
function resolveDep(root: string, fromDir: string, name: string): string | undefined {
  for (let d = fromDir; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (d === root || dirname(d) === d) return undefined;
  }
}

/** The packages `names` (default: the app's dependencies and installed optional dependencies) and everything they depend on. */
export function dependencyClosure(root: string, names?: string[]): Dep[] {
  const found = new Map<string, Dep>();
  const visit = (fromDir: string, only?: string[]): void => {
    const pkg = readJson(join(fromDir, 'package.json'));
    const deps = only ?? [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})];
    for (const name of deps) {
      const dir = resolveDep(root, fromDir, name);
      if (!dir || found.has(dir)) continue; // a missing optional dependency is not installed for this host
      found.set(dir, { name, dir, appPath: posix(relative(root, dir)) });
      visit(dir);
    }
  };
  visit(root, names);
  return [...found.values()].sort((a, b) => a.appPath.localeCompare(b.appPath));
}

/** What electron-builder puts under node_modules: the production dependency closure. */
export const productionDeps = (root: string): Dep[] => dependencyClosure(root);

function platformOptions(config: BuildConfig, platform: PackPlatform): BuildConfig {
  return (config[platform] ?? {}) as BuildConfig;
}

function appFiles(root: string, config: BuildConfig, target: PackTarget, expand: (p: string) => string): string[] {
  const matchers = fileMatchers.getMainFileMatchers(root, DEST, expand, platformOptions(config, target.platform), { info: packagerInfo(root, config) }, join(root, 'out'), false);
  const out: string[] = [];
  for (const m of matchers) {
    const filter = m.createFilter();
    out.push(...walk(m.from, (abs, isDir) => filter(abs, stat(isDir)), (name) => name === 'node_modules' || name === '.git').map((f) => posix(relative(root, f))));
  }
  return out;
}

function moduleFiles(root: string, config: BuildConfig, target: PackTarget, expand: (p: string) => string): string[] {
  const main = fileMatchers.getNodeModuleFileMatcher(root, DEST, expand, platformOptions(config, target.platform), packagerInfo(root, config));
  const out: string[] = [];
  for (const dep of productionDeps(root)) {
    // As computeNodeModuleFileSets: the dependency's own matcher with the app's node-module patterns.
    const m = new fileMatchers.FileMatcher(dep.dir, join(DEST, dep.appPath), expand, main.patterns);
    const filter: Filter | null = m.isEmpty() ? null : m.createFilter();
    const inApp = (abs: string): string => posix(join(dep.appPath, relative(dep.dir, abs)));
    out.push(...walk(dep.dir, (abs, isDir) => filter === null || filter(abs, stat(isDir, inApp(abs))), (name) => name === 'node_modules').map(inApp));
  }
  return out;
}

function unpackedOf(root: string, config: BuildConfig, target: PackTarget, expand: (p: string) => string, files: string[]): Set<string> {
  const options = { macroExpander: expand, customBuildOptions: platformOptions(config, target.platform), globalOutDir: join(root, 'out'), defaultSrc: root };
  const matcher = fileMatchers.getFileMatchers(config, 'asarUnpack', DEST, options)?.[0];
  if (!matcher) return new Set();
  const filter = matcher.createFilter();
  const isModule = (f: string) => f.startsWith('node_modules/');
  return new Set(files.filter((f) => filter(join(root, f), stat(false, isModule(f) ? f : undefined))));
}

function resourceFiles(root: string, config: BuildConfig, target: PackTarget, expand: (p: string) => string): Set<string> {
  const resources = '/packed-resources';
  const options = { macroExpander: expand, customBuildOptions: platformOptions(config, target.platform), globalOutDir: join(root, 'out'), defaultSrc: root };
  const out = new Set<string>();
  for (const m of fileMatchers.getFileMatchers(config, 'extraResources', resources, options) ?? []) {
    if (!existsSync(m.from)) continue; // electron-builder warns "file source doesn't exist" and copies nothing
    if (statSync(m.from).isFile()) {
      out.add(posix(relative(resources, m.to)));
      continue;
    }
    const filter = m.createFilter();
    for (const f of walk(m.from, (abs, isDir) => filter(abs, stat(isDir)))) out.add(posix(join(relative(resources, m.to), relative(m.from, f))));
  }
  return out;
}

/** What electron-builder would pack for one target, from `root` (an app folder with package.json and node_modules). */
export function packedFiles(root: string, target: PackTarget): PackedFiles {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { build: BuildConfig; productName?: string; name: string };
  const config = pkg.build;
  const expand = macroExpander(target.arch, config.productName ?? pkg.productName ?? pkg.name);
  const files = [...appFiles(root, config, target, expand), ...moduleFiles(root, config, target, expand)];
  return { app: new Set(files), unpacked: unpackedOf(root, config, target, expand, files), resources: resourceFiles(root, config, target, expand) };
}
