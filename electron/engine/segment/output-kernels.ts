/**
 * Per-frame work on the finished label and confidence maps, off every frame's latency but on the
 * main thread between frames: the per-class pixel counts of the summary and the PNG row filter of
 * the two PNGs. In WebAssembly SIMD (kernels: ../flow/wasm/assembly/outputs.ts; 1280x720 measured
 * at 4.1 ms for the counts and 3.0 ms per filtered PNG in TypeScript) with the TypeScript
 * references as fallback; both exact, so either gives the same bytes.
 */
import { WasmKernels } from '../flow/wasm/dis-kernels.ts';

let kernels: WasmKernels | null | undefined;

function instance(backend: 'wasm' | 'js'): WasmKernels | null {
  if (backend === 'js') return null;
  if (kernels === undefined) kernels = WasmKernels.create();
  return kernels;
}

/** Byte views into the instance's memory (alloc frees the previous call's buffers). */
function bytes(k: WasmKernels, lengths: readonly number[]): Uint8Array[] {
  return k.alloc(lengths.map((n) => Math.ceil(n / 4))).map((f, i) => new Uint8Array(f.buffer, f.byteOffset, lengths[i]));
}

/** Pixels of each class id 0..classes-1 in `labels` (ids >= classes are not counted). */
export function countClasses(labels: Uint8Array, classes: number, backend: 'wasm' | 'js' = 'wasm'): number[] {
  const k = instance(backend);
  if (!k) return countClassesJs(labels, classes);
  const [src, c] = bytes(k, [labels.length, 4 * classes]) as [Uint8Array, Uint8Array];
  src.set(labels);
  const counts = new Uint32Array(c.buffer, c.byteOffset, classes);
  k.countClasses(src, counts);
  return Array.from(counts);
}

function countClassesJs(labels: Uint8Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i]!;
    if (v < classes) counts[v]!++;
  }
  return counts;
}

/**
 * PNG scanlines of a grey image with the "up" filter (row 0 unfiltered), as a new Buffer (it is
 * deflated on the thread pool while the next frame runs); undefined when WebAssembly is unavailable.
 */
export function filterUpWasm(width: number, height: number, data: Uint8Array): Buffer | undefined {
  const k = instance('wasm');
  if (!k) return undefined;
  const n = width * height;
  const [src, dst] = bytes(k, [n, (width + 1) * height]) as [Uint8Array, Uint8Array];
  src.set(data.subarray(0, n));
  k.pngFilterUp(src, width, height, dst);
  const out = Buffer.allocUnsafeSlow(dst.length);
  out.set(dst);
  return out;
}
