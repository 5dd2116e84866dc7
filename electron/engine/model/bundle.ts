/**
 * A loaded model bundle: the validated manifest plus ORT sessions, behind one small interface the
 * modes use. Single-graph bundles offer full(); split bundles offer low/high/head (and full()).
 * All results are CHW Tensor3 (batch 1). Probabilities are softmaxed when the output kind is logits.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { VssError } from '../../core/errors.ts';
import type { Tensor3 } from '../../core/types.ts';
import { parseManifest, type ModelManifest } from './manifest.ts';
import type { RgbaFrame } from './preprocess.ts';
import type { ExecutionProvider, SessionOptions } from './session.ts';
import { loadSingle } from './single.ts';
import { loadSplit } from './split.ts';

export interface ModelBundle {
  dir: string;
  manifest: ModelManifest;
  split: boolean;
  /** Provider actually used (after any fallback). */
  executionProvider: ExecutionProvider;
  /** Fallback notes etc., meant for the user. */
  notes: string[];
  /** Size of the probability grid the model outputs. */
  grid: { width: number; height: number };
  /** Frame -> input tensor (resized, normalized, in the bundle's layout and colour order); written into `out` when given. */
  preprocess(frame: RgbaFrame, out?: Float32Array): Float32Array;
  /** Whole model: class probabilities on the output grid. */
  full(input: Float32Array): Promise<Tensor3>;
  /** Split bundles only (throw otherwise). */
  low(input: Float32Array): Promise<Tensor3>;
  high(input: Float32Array, low: Tensor3): Promise<Tensor3>;
  /** Class probabilities on the output grid from (possibly warped) high features and current low features. */
  head(high: Tensor3, low: Tensor3): Promise<Tensor3>;
  /** The high stage on its own worker thread (loaded with highThread); the main thread is not blocked while it runs. */
  highAlongside?(input: Float32Array, low: Tensor3): Promise<Tensor3>;
  /** With highAlongside: the high-stage thread's scheduling priority, in words (e.g. 'nice 5 (was 0)'). */
  highThreadPriority?: string;
  release(): Promise<void>;
}

export type LoadOptions = SessionOptions;

/** Reads, validates and loads a bundle folder; every problem is one VssError line naming the field. */
export async function loadBundle(dir: string, opts: LoadOptions = {}): Promise<ModelBundle> {
  const st = await stat(dir).catch(() => undefined);
  if (!st || !st.isDirectory()) throw new VssError('NOT_FOUND', `model bundle folder not found: ${dir}`);
  const text = await readFile(join(dir, 'model.json'), 'utf8').catch(() => undefined);
  if (text === undefined) throw new VssError('NOT_FOUND', `model.json not found in ${dir}`);
  const manifest = parseManifest(text);
  return manifest.stages ? loadSplit(dir, manifest, opts) : loadSingle(dir, manifest, opts);
}

/** Resolves a graph file inside the bundle, refusing paths that leave it. */
export async function graphPath(dir: string, file: string, field: string): Promise<string> {
  if (file.includes('..') || file.startsWith('/') || file.includes('\\')) {
    throw new VssError('BAD_REQUEST', `model.json: ${field} "${file}" must be a file name inside the bundle folder`);
  }
  const p = join(dir, file);
  const st = await stat(p).catch(() => undefined);
  if (!st || !st.isFile()) throw new VssError('NOT_FOUND', `model.json: ${field} "${file}" not found in ${dir}`);
  return p;
}
