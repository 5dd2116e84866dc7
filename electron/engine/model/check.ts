/** Load-time checks of a bundle against its ONNX graphs; each failure is one line naming the field. */
import type * as ort from 'onnxruntime-node';
import { VssError } from '../../core/errors.ts';
import type { Layout } from './manifest.ts';

function fail(msg: string): never {
  throw new VssError('BAD_REQUEST', `model.json: ${msg}`);
}

/** `name` (or the graph's only/first one) among `available`; lists the available names when absent. */
export function pickName(field: string, name: string | undefined, available: readonly string[], label: string): string {
  if (name === undefined) {
    if (available.length === 0) fail(`${label} has no ${field.endsWith('input.name') ? 'inputs' : 'outputs'}`);
    return available[0]!;
  }
  if (!available.includes(name)) fail(`${field} "${name}" is not in ${label} (available: ${available.join(', ')})`);
  return name;
}

function shapeText(shape: readonly (number | string)[]): string {
  return `[${shape.join(',')}]`;
}

/** Static shape of a value from session metadata; undefined when the graph does not declare one. */
export function declaredShape(meta: readonly ort.InferenceSession.ValueMetadata[], name: string): readonly (number | string)[] | undefined {
  const m = meta.find((x) => x.name === name);
  if (!m || !m.isTensor || m.shape.length === 0) return undefined;
  return m.shape;
}

/** Checks a declared 4-D shape against what the manifest says; symbolic dims always fit. */
export function checkDeclared(field: string, shape: readonly (number | string)[] | undefined, expected: readonly (number | undefined)[], layoutNote: string): void {
  if (shape === undefined) return;
  const fits = shape.length === expected.length && expected.every((e, i) => e === undefined || typeof shape[i] !== 'number' || shape[i] === e);
  if (!fits) {
    const want = shapeText(expected.map((e) => (e === undefined ? '?' : e)));
    fail(`${field} does not fit the graph: it declares ${shapeText(shape)}, ${layoutNote} expects ${want}`);
  }
}

export function expectedImageShape(layout: Layout, width: number, height: number): (number | undefined)[] {
  return layout === 'NCHW' ? [undefined, 3, height, width] : [undefined, height, width, 3];
}

/** Spatial size and channels of a 4-D output in a layout. */
export function outputGeometry(field: string, dims: readonly number[], layout: Layout): { channels: number; height: number; width: number } {
  if (dims.length !== 4) fail(`${field}: the graph's output has shape ${shapeText(dims)}, expected 4 dimensions (${layout})`);
  if (dims[0] !== 1) fail(`${field}: the graph's output has batch ${dims[0]} for a batch of 1 (shape ${shapeText(dims)})`);
  const [, a, b, c] = dims as [number, number, number, number];
  return layout === 'NCHW' ? { channels: a, height: b, width: c } : { channels: c, height: a, width: b };
}

/** The output grid must be the input size divided by the stride (within rounding). */
export function checkStride(field: string, got: { height: number; width: number }, inputW: number, inputH: number, stride: number): void {
  const ok = Math.abs(got.width - inputW / stride) < 1 && Math.abs(got.height - inputH / stride) < 1;
  if (!ok) {
    fail(`${field} ${stride} does not fit the output grid ${got.width}x${got.height} for input ${inputW}x${inputH} (expected about ${Math.round(inputW / stride)}x${Math.round(inputH / stride)})`);
  }
}

export function checkChannels(field: string, got: number, want: number, what: string): void {
  if (got !== want) fail(`${field}: the graph outputs ${got} channels but ${what} is ${want}`);
}

/** Runs the load-time dummy inference; an ORT failure becomes one line naming the graph. */
export async function probeRun<T>(label: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof VssError) throw e;
    const msg = ((e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '').slice(0, 200);
    throw new VssError('BAD_REQUEST', `model.json: a test inference of ${label} failed (${msg}); check input.layout, input.width/height and the stage inputs`);
  }
}
