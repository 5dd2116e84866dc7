/**
 * The WebAssembly SIMD paths of softmaxChannels (probabilities.ts) and createLabeler (labels.ts),
 * kernels in ../flow/wasm/assembly/labels.ts. Each copies its tensor into its own instance's memory
 * (planes padded to a multiple of 4 pixels), runs there and copies the result out. Same results as
 * the TypeScript references within f32 rounding (those compute in f64): labels differ only where
 * two classes' blended probabilities are equal to about 1e-6, confidence by at most 1 of 255.
 * Both return null where WebAssembly SIMD or the module is unavailable (callers fall back).
 */
import { WasmKernels, type AxisTableView, type LabelGrid, type LabelScratch } from '../flow/wasm/dis-kernels.ts';
import type { Tensor3 } from '../../core/types.ts';
import type { LabelsAndConfidence, LabelsOut } from './labels.ts';
import { bilinearAxis, type AxisTable } from './resample.ts';

const up4 = (x: number): number => (x + 3) & ~3;
const i32 = (a: Float32Array): Int32Array => new Int32Array(a.buffer, a.byteOffset, a.length);
const u8 = (a: Float32Array, n: number): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, n);

/** CHW data (planes of n floats) into padded planes of np floats. */
function copyIn(src: Float32Array, C: number, n: number, np: number, dst: Float32Array): void {
  if (n === np) dst.set(src.subarray(0, C * n));
  else for (let c = 0; c < C; c++) dst.set(src.subarray(c * n, c * n + n), c * np);
}

let softmaxState: { k: WasmKernels; d?: Float32Array } | null | undefined;

/** In-place softmax over channels in WebAssembly; false when unavailable (nothing was done). */
export function softmaxWasm(t: Tensor3): boolean {
  if (softmaxState === undefined) {
    const k = WasmKernels.create();
    softmaxState = k ? { k } : null;
  }
  if (!softmaxState) return false;
  const { channels: C, width, height } = t;
  const n = width * height;
  const np = up4(n);
  const s = softmaxState;
  if ((s.d?.length ?? 0) < C * np) [s.d] = s.k.alloc([C * np]);
  const d = s.d!;
  copyIn(t.data, C, n, np, d);
  s.k.softmax(d, C, np);
  if (n === np) t.data.set(d.subarray(0, C * n));
  else for (let c = 0; c < C; c++) t.data.set(d.subarray(c * np, c * np + n), c * n);
  return true;
}

export type WasmLabeler = (p: Tensor3, out?: LabelsOut) => LabelsAndConfidence;

/** createLabeler's WebAssembly twin for gw x gh grids of C channels upsampled to width x height, or null. */
export function createWasmLabeler(gw: number, gh: number, C: number, width: number, height: number): WasmLabeler | null {
  const k = WasmKernels.create();
  if (!k) return null;
  const n = gw * gh;
  const np = up4(n);
  const gwp = up4(gw);
  const N = width * height;
  const Wp = up4(width);
  // +4 floats: rows are blended 4 cells at a time, up to 3 past the grid's last cell; the outputs
  // are written 4 pixels at a time, up to 3 past the last one.
  const [d, arg, mx, xi0, xi1, xw, yi0, yi1, yw, uni, hrow, lrow, mix, vrow, lab, conf] = k.alloc([
    C * np + 4, np + 4, np + 4, width, width, width, height, height, height, gw, gh * Wp, Wp / 4, width, C * gwp, N / 4 + 1, N / 4 + 1,
  ].map(Math.ceil)) as Float32Array[] as [
    Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array,
    Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array,
  ];
  const table = (t: AxisTable, a: Float32Array, b: Float32Array, w: Float32Array): AxisTableView => {
    const v = { i0: i32(a), i1: i32(b), w };
    v.i0.set(t.i0);
    v.i1.set(t.i1);
    v.w.set(t.w);
    return v;
  };
  const xs = table(bilinearAxis(width, gw), xi0, xi1, xw);
  const ys = table(bilinearAxis(height, gh), yi0, yi1, yw);
  const grid: LabelGrid = { d, C, np, gw, gh, arg: i32(arg), mx };
  const scratch: LabelScratch = { uni: i32(uni), hrow, lrow: u8(lrow, Wp), mix: i32(mix), vrow };
  const labels = u8(lab, N + Wp - width);
  const confidence = u8(conf, N + Wp - width);
  return (p, out = {}) => {
    if (p.width !== gw || p.height !== gh || p.channels !== C) throw new RangeError(`labeler: expected a ${C}x${gh}x${gw} tensor, got ${p.channels}x${p.height}x${p.width}`);
    const L = out.labels ?? new Uint8Array(N);
    const Q = out.confidence ?? new Uint8Array(N);
    if (L.length < N || Q.length < N) throw new RangeError('labeler: out buffer too small');
    copyIn(p.data, C, n, np, d);
    k.cellArgMax(d, C, np, grid.arg, mx);
    k.labelRows(grid, xs, ys, scratch, labels, confidence);
    L.set(labels.subarray(0, N));
    Q.set(confidence.subarray(0, N));
    return { labels: { width, height, data: L }, confidence: Q };
  };
}
