/**
 * Typed handles on the parts of electron-builder (app-builder-lib) that decide which files go
 * into a package: its own FileMatcher functions, macro expander and configuration validator.
 * Loaded from node_modules so the test globs exactly as electron-builder does; only the types are
 * written here (the functions used are internal and not all declared in its .d.ts files).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The stat-like object electron-builder's filters read (moduleFullFilePath: a node module file's path inside the app). */
export interface FilterStat {
  isDirectory(): boolean;
  moduleFullFilePath?: string;
}
export type Filter = (file: string, stat: FilterStat) => boolean;

export interface FileMatcher {
  readonly from: string;
  readonly to: string;
  readonly patterns: string[];
  isEmpty(): boolean;
  createFilter(): Filter;
}

/** The part of electron-builder's configuration the matchers read (package.json "build"). */
export interface BuildConfig {
  files?: unknown;
  asarUnpack?: unknown;
  extraResources?: unknown;
  productName?: string;
  [key: string]: unknown;
}

interface FileMatchersOptions {
  macroExpander: (pattern: string) => string;
  customBuildOptions: BuildConfig;
  globalOutDir: string;
  defaultSrc: string;
}

interface PackagerInfo {
  projectDir: string;
  buildResourcesDir: string;
  isPrepackedAppAsar: boolean;
  config: BuildConfig;
  debugLogger: { isEnabled: boolean };
}

interface FileMatcherModule {
  getMainFileMatchers(appDir: string, destination: string, expand: (p: string) => string, platformOptions: BuildConfig, packager: { info: PackagerInfo }, outDir: string, isElectronCompile: boolean): FileMatcher[];
  getNodeModuleFileMatcher(appDir: string, destination: string, expand: (p: string) => string, platformOptions: BuildConfig, info: PackagerInfo): FileMatcher;
  getFileMatchers(config: BuildConfig, name: 'asarUnpack' | 'extraResources', destination: string, options: FileMatchersOptions): FileMatcher[] | null;
  FileMatcher: new (from: string, to: string, expand: (p: string) => string, patterns: string[]) => FileMatcher;
}

interface AppInfoLike {
  productName: string;
  sanitizedProductName: string;
}

interface MacroModule {
  expandMacro(pattern: string, arch: string | null, appInfo: AppInfoLike, extra: Record<string, string>): string;
}

interface ConfigModule {
  validateConfiguration(config: BuildConfig, debugLogger: { isEnabled: boolean }): Promise<void>;
}

export const fileMatchers = require('app-builder-lib/out/fileMatcher.js') as FileMatcherModule;
const macros = require('app-builder-lib/out/util/macroExpander.js') as MacroModule;
const configs = require('app-builder-lib/out/util/config/config.js') as ConfigModule;

/** electron-builder's macro expansion for file patterns (createGetFileMatchersOptions in platformPackager.js). */
export function macroExpander(arch: string, productName: string): (pattern: string) => string {
  const appInfo = { productName, sanitizedProductName: productName };
  return (p) => macros.expandMacro(p, arch, appInfo, { '/*': '{,/**/*}' });
}

/** Throws electron-builder's own message when the configuration breaks its schema. */
export function validateBuildConfig(config: BuildConfig): Promise<void> {
  return configs.validateConfiguration(config, { isEnabled: false });
}

/** The packager fields getMainFileMatchers reads; buildResources defaults to "build" as in electron-builder. */
export function packagerInfo(projectDir: string, config: BuildConfig): PackagerInfo {
  const dirs = (config.directories ?? {}) as { buildResources?: string };
  return { projectDir, buildResourcesDir: dirs.buildResources ?? 'build', isPrepackedAppAsar: false, config, debugLogger: { isEnabled: false } };
}
