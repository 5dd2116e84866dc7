/**
 * Where `vss eval` gets the class list and ignore index: the model bundle given with --model, else
 * a classes.json beside the labels (the ground-truth folder first, then the predictions; `vss
 * export --format labels` writes one), else an explicit --classes N. It never assumes a dataset.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../args.ts';
import { VssError } from '../../core/errors.ts';
import { parseManifest } from '../../engine/model/manifest.ts';

export interface EvalClasses {
  /** Class names by id, or undefined when only a count was given. */
  names?: string[];
  count: number;
  /** Ground-truth value skipped by the scores; undefined: no pixel is skipped. */
  ignoreIndex?: number;
  /** Where the classes came from, for the output. */
  source: string;
}

async function readText(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
    throw new VssError('NOT_FOUND', `cannot read ${path}: ${e.code ?? 'error'}`);
  });
}

/** Parses a classes.json: {"classes": [{"id": 0, "name": "Sky"}, …], "ignoreIndex": 11}. */
export function parseClassesJson(text: string, path: string): Omit<EvalClasses, 'source'> {
  const bad = (why: string): never => {
    throw new VssError('CORRUPT', `${path}: ${why}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return bad('not valid JSON');
  }
  const o = (typeof raw === 'object' && raw !== null ? raw : bad('must be an object with "classes"')) as Record<string, unknown>;
  const list = Array.isArray(o.classes) && o.classes.length > 0 && o.classes.length <= 255 ? (o.classes as unknown[]) : bad('"classes" must be a list of 1..255 classes');
  const names = list.map((c, i) => {
    const e = (typeof c === 'object' && c !== null ? c : {}) as Record<string, unknown>;
    if (e.id !== i) bad(`classes[${i}].id must be ${i}`);
    return typeof e.name === 'string' && e.name !== '' ? e.name : bad(`classes[${i}].name must be a non-empty string`);
  });
  const ig = o.ignoreIndex;
  if (ig !== undefined && !(Number.isInteger(ig) && (ig as number) >= 0 && (ig as number) <= 255)) bad('"ignoreIndex" must be an integer 0..255');
  return { names, count: names.length, ...(ig !== undefined ? { ignoreIndex: ig as number } : {}) };
}

async function fromModel(dir: string): Promise<EvalClasses> {
  const path = join(resolve(dir), 'model.json');
  const text = await readText(path);
  if (text === undefined) throw new VssError('NOT_FOUND', `model.json not found in ${resolve(dir)}`);
  const m = parseManifest(text);
  return { names: m.classes.map((c) => c.name), count: m.classes.length, ...(m.ignoreIndex !== undefined ? { ignoreIndex: m.ignoreIndex } : {}), source: path };
}

/** Reads the classes from the first source that exists; throws a UsageError when there is none. */
export async function evalClasses(o: { model?: string; gt: string; pred: string; classes?: number; ignore?: number }): Promise<EvalClasses> {
  let found: EvalClasses | undefined;
  if (o.model !== undefined) found = await fromModel(o.model);
  for (const dir of [o.gt, o.pred]) {
    if (found) break;
    const path = join(dir, 'classes.json');
    const text = await readText(path);
    if (text !== undefined) found = { ...parseClassesJson(text, path), source: path };
  }
  if (!found && o.classes === undefined) {
    throw new UsageError(`no class list: pass --model <bundle-dir>, put a classes.json in ${o.gt}, or give --classes N (and --ignore I)`);
  }
  found ??= { count: o.classes!, source: '--classes' };
  if (o.classes !== undefined && o.classes !== found.count) throw new UsageError(`--classes ${o.classes} differs from the ${found.count} classes in ${found.source}`);
  return o.ignore !== undefined ? { ...found, ignoreIndex: o.ignore } : found;
}
