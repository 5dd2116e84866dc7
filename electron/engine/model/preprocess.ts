/**
 * Frame -> model input tensor in one pass: bilinear resize (half-pixel centres, like OpenCV's
 * INTER_LINEAR) to input.width x input.height, then v = (pixel * scale - mean[c]) / std[c], written in
 * the bundle's colour order and layout. mean and std are always given in R, G, B order.
 */
import type { InputSpec } from './manifest.ts';
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

export function preprocess(frame: RgbaFrame, spec: InputSpec, out?: Float32Array): Float32Array {
  const W = spec.width;
  const H = spec.height;
  const plane = W * H;
  const dst = out ?? new Float32Array(plane * 3);
  if (dst.length !== plane * 3) throw new Error(`preprocess: out has ${dst.length} values, expected ${plane * 3}`);
  const xs = bilinearAxis(W, frame.width);
  const ys = bilinearAxis(H, frame.height);
  const src = frame.data;
  const fw = frame.width;
  // For each tensor channel k: which RGBA byte it reads and its affine transform.
  const order = spec.colorOrder === 'RGB' ? [0, 1, 2] : [2, 1, 0];
  const mul = order.map((c) => spec.scale / spec.std[c]!);
  const add = order.map((c) => -spec.mean[c]! / spec.std[c]!);
  const nchw = spec.layout === 'NCHW';
  for (let y = 0; y < H; y++) {
    const r0 = ys.i0[y]! * fw;
    const r1 = ys.i1[y]! * fw;
    const wy = ys.w[y]!;
    for (let x = 0; x < W; x++) {
      const a = (r0 + xs.i0[x]!) * 4;
      const b = (r0 + xs.i1[x]!) * 4;
      const c = (r1 + xs.i0[x]!) * 4;
      const d = (r1 + xs.i1[x]!) * 4;
      const wx = xs.w[x]!;
      const p = y * W + x;
      for (let k = 0; k < 3; k++) {
        const o = order[k]!;
        const top = src[a + o]! + (src[b + o]! - src[a + o]!) * wx;
        const bot = src[c + o]! + (src[d + o]! - src[c + o]!) * wx;
        const v = (top + (bot - top) * wy) * mul[k]! + add[k]!;
        dst[nchw ? k * plane + p : p * 3 + k] = v;
      }
    }
  }
  return dst;
}
