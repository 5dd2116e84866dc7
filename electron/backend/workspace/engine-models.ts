/**
 * Model bundles the UI may run: every native-models/<name>/model.json. The test bundles under
 * native-models/test-tiny/<name>/ (named "test-tiny/<name>") are listed only when VSS_TEST_MODELS=1
 * (the tests set it); users never see them, and installers do not carry them. The training and
 * tools folders are skipped. engine.run only accepts a bundle from this list, so the page never
 * names an arbitrary folder.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ModelInfo } from '../../shared/contract.ts';
import { parseManifest } from '../../engine/model/manifest.ts';
import { DEFAULT_MODEL_DIR } from '../../engine/segment/settings.ts';
import { VssError } from '../../core/errors.ts';

/**
 * Where bundles live: $VSS_MODELS_DIR, else native-models/ beside the sources, else
 * <cwd>/native-models (the desktop bundle runs from dist/electron, where the source-relative
 * path does not hold).
 */
export function modelsRoot(): string {
  const candidates = [process.env.VSS_MODELS_DIR, dirname(DEFAULT_MODEL_DIR), join(process.cwd(), 'native-models')];
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? dirname(DEFAULT_MODEL_DIR);
}
const DEFAULT_NAME = basename(DEFAULT_MODEL_DIR);

/** The default bundle's folder under a models root (new projects take their classes from it). */
export function defaultModelDir(root: string): string {
  return join(root, DEFAULT_NAME);
}
const SKIP = new Set(['training', 'tools', 'node_modules']);
const TEST_GROUP = 'test-tiny';
/** Set to 1 to list the test bundles (tests and quick checks only). */
export const TEST_MODELS_ENV = 'VSS_TEST_MODELS';
const testModelsWanted = (): boolean => process.env[TEST_MODELS_ENV] === '1';

async function readModel(dir: string, name: string): Promise<ModelInfo | null> {
  try {
    const m = parseManifest(await readFile(join(dir, 'model.json'), 'utf8'));
    return {
      dir,
      name,
      form: m.stages ? 'split' : 'single',
      classes: m.classes.map((c) => ({ id: c.id, name: c.name, color: [...c.color] as [number, number, number] })),
      ignoreIndex: m.ignoreIndex ?? null,
      isDefault: name === DEFAULT_NAME,
    };
  } catch {
    return null;
  }
}

async function subdirs(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name).sort();
  } catch {
    return [];
  }
}

/** The default bundle first, then the others by name, test bundles (when wanted) last. */
export async function listModels(root = modelsRoot(), includeTests = testModelsWanted()): Promise<ModelInfo[]> {
  const out: ModelInfo[] = [];
  for (const name of await subdirs(root)) {
    if (SKIP.has(name)) continue;
    if (name === TEST_GROUP) {
      if (!includeTests) continue;
      for (const sub of await subdirs(join(root, name))) {
        const m = await readModel(join(root, name, sub), `${TEST_GROUP}/${sub}`);
        if (m) out.push(m);
      }
      continue;
    }
    const m = await readModel(join(root, name), name);
    if (m) out.push(m);
  }
  const rank = (m: ModelInfo): number => (m.isDefault ? 0 : m.name.startsWith(`${TEST_GROUP}/`) ? 2 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The listed bundle named by `model` (its name or folder), or the default one. */
export async function pickModel(model: string | undefined, root = modelsRoot()): Promise<ModelInfo> {
  const models = await listModels(root);
  const found = model === undefined ? models.find((m) => m.isDefault) ?? models[0] : models.find((m) => m.name === model || resolve(m.dir) === resolve(model));
  if (!found) {
    throw new VssError('NOT_FOUND', model === undefined ? 'no model bundle is installed under native-models/' : `unknown model "${model}" (models: ${models.map((m) => m.name).join(', ') || 'none'})`);
  }
  return found;
}
