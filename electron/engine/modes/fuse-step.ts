/**
 * One temporal fusion step (training-free NetWarp / GRFP): per pixel
 *   F = (wc * P + wp * g * W) / (wc + wp * g),   g = (1 - occluded) * max_c W
 * where P = this frame's probabilities, W = the fused result of the neighbour warped to this
 * frame. Occluded pixels (g = 0) keep this frame's own probabilities; confident, visible history
 * weighs more. The result stays a distribution (P and W are).
 */
import type { Tensor3 } from '../../core/types.ts';

export function fuseStep(cur: Tensor3, warped: Tensor3, occluded: Uint8Array | undefined, wc: number, wp: number): Tensor3 {
  const C = cur.channels;
  const n = cur.width * cur.height;
  const out = new Float32Array(C * n);
  const P = cur.data;
  const W = warped.data;
  for (let p = 0; p < n; p++) {
    let conf = 0;
    for (let c = 0; c < C; c++) conf = Math.max(conf, W[c * n + p]!);
    const g = occluded && occluded[p] ? 0 : conf;
    const a = wc;
    const b = wp * g;
    const inv = 1 / (a + b);
    for (let c = 0; c < C; c++) out[c * n + p] = (a * P[c * n + p]! + b * W[c * n + p]!) * inv;
  }
  return { channels: C, width: cur.width, height: cur.height, data: out };
}

/** Bidirectional combination: confidence-weighted average of the forward and backward results. */
export function combineConfident(f: Tensor3, b: Tensor3): Tensor3 {
  const C = f.channels;
  const n = f.width * f.height;
  const out = new Float32Array(C * n);
  for (let p = 0; p < n; p++) {
    let cf = 0;
    let cb = 0;
    for (let c = 0; c < C; c++) {
      cf = Math.max(cf, f.data[c * n + p]!);
      cb = Math.max(cb, b.data[c * n + p]!);
    }
    const inv = 1 / (cf + cb);
    for (let c = 0; c < C; c++) out[c * n + p] = (cf * f.data[c * n + p]! + cb * b.data[c * n + p]!) * inv;
  }
  return { channels: C, width: f.width, height: f.height, data: out };
}
