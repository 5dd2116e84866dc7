/**
 * Frame -> model input tensor in one pass: bilinear resize (half-pixel centres, like OpenCV's
 * INTER_LINEAR) to input.width x input.height, then v = (pixel * scale - mean[c]) / std[c], written in
 * the bundle's colour order and layout. mean and std are always given in R, G, B order.
 */
import type { InputSpec } from './manifest.ts';
import { preprocessWasm } from './preprocess-wasm.ts';
import { bilinearAxis } from './resample.ts';

/** An RGBA frame (4 bytes per pixel), as decoded by the video service. */
export interface RgbaFrame {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

export function inputShape(spec: InputSpec): number[] {
  return spec.layout === 'NCHW' ? [1, 3, spec.height, spec.width] : [1, spec.height, spec.width, 3];
}

/**
 * The model input of `frame`, into `out` when given: in WebAssembly SIMD (preprocess-wasm.ts, within
 * f32 rounding of this file's f64 reference) unless `backend` is 'js' or it is unavailable.
 */
export function preprocess(frame: RgbaFrame, spec: InputSpec, out?: Float32Array, backend: 'wasm' | 'js' = 'wasm'): Float32Array {
  const plane = spec.width * spec.height;
  const dst = out ?? new Float32Array(plane * 3);
  if (dst.length !== plane * 3) throw new Error(`preprocess: out has ${dst.length} values, expected ${plane * 3}`);
  if (frame.data.length < frame.width * frame.height * 4) throw new RangeError(`preprocess: the frame has ${frame.data.length} bytes, expected ${frame.width * frame.height * 4}`);
  if (backend === 'wasm' && preprocessWasm(frame, spec, dst)) return dst;
  return preprocessJs(frame, spec, dst);
}

function preprocessJs(frame: RgbaFrame, spec: InputSpec, dst: Float32Array): Float32Array {
  const W = spec.width;
  const H = spec.height;
  const plane = W * H;
  const xs = bilinearAxis(W, frame.width);
  const ys = bilinearAxis(H, frame.height);
  const src = frame.data;
  const fw = frame.width;
  // Byte offsets of the two horizontal taps, computed once per column.
  const xa = new Int32Array(W);
  const xb = new Int32Array(W);
  for (let x = 0; x < W; x++) {
    xa[x] = xs.i0[x]! * 4;
    xb[x] = xs.i1[x]! * 4;
  }
  // For each tensor channel k: which RGBA byte it reads and its affine transform.
  const order = spec.colorOrder === 'RGB' ? [0, 1, 2] : [2, 1, 0];
  const mul = order.map((c) => spec.scale / spec.std[c]!);
  const add = order.map((c) => -spec.mean[c]! / spec.std[c]!);
  // Per channel k: element p of the tensor is at base[k] + p * step.
  const nchw = spec.layout === 'NCHW';
  const step = nchw ? 1 : 3;
  const identityX = W === fw;
  for (let k = 0; k < 3; k++) {
    const o = order[k]!;
    const m = mul[k]!;
    const ad = add[k]!;
    const base = nchw ? k * plane : k;
    for (let y = 0; y < H; y++) {
      const r0 = ys.i0[y]! * fw * 4 + o;
      const r1 = ys.i1[y]! * fw * 4 + o;
      const wy = ys.w[y]!;
      let q = base + y * W * step;
      if (identityX) {
        // Same width: wx = 0 and i0 = x, so top = src[a] and bot = src[c] exactly (same values, half the reads).
        for (let x = 0, a = r0, c = r1; x < W; x++, q += step, a += 4, c += 4) {
          const top = src[a]!;
          dst[q] = (top + (src[c]! - top) * wy) * m + ad;
        }
        continue;
      }
      for (let x = 0; x < W; x++, q += step) {
        const a = r0 + xa[x]!;
        const b = r0 + xb[x]!;
        const c = r1 + xa[x]!;
        const d = r1 + xb[x]!;
        const wx = xs.w[x]!;
        const top = src[a]! + (src[b]! - src[a]!) * wx;
        const bot = src[c]! + (src[d]! - src[c]!) * wx;
        dst[q] = (top + (bot - top) * wy) * m + ad;
      }
    }
  }
  return dst;
}
