/**
 * Occlusion from forward-backward flow consistency (Sundaram et al. 2010), on one grid: a pixel x
 * of frame A is occluded in B when following f (A -> B) and then b (B -> A) does not come back:
 * |f(x) + b(x + f(x))|^2 > alpha (|f(x)|^2 + |b(x + f(x))|^2) + beta, or x + f(x) leaves B.
 * Used by the fused mode on its probability grid.
 */
import type { FlowField } from '../types.ts';

export interface FbOptions {
  alpha?: number;
  beta?: number;
  out?: Uint8Array;
}

export function fbOcclusion(fwd: FlowField, bwd: FlowField, o: FbOptions = {}): Uint8Array {
  const { width: w, height: h } = fwd;
  if (bwd.width !== w || bwd.height !== h) throw new RangeError('fbOcclusion: flow sizes differ');
  const alpha = o.alpha ?? 0.01;
  const beta = o.beta ?? 0.5;
  const occ = o.out ?? new Uint8Array(w * h);
  const f = fwd.data;
  const b = bwd.data;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      const fx = f[2 * p]!;
      const fy = f[2 * p + 1]!;
      const tx = x + fx;
      const ty = y + fy;
      if (tx < -0.5 || ty < -0.5 || tx > w - 0.5 || ty > h - 0.5) {
        occ[p] = 1;
        continue;
      }
      // Bilinear sample of b at (tx, ty), clamped.
      const cx = Math.min(w - 1, Math.max(0, tx));
      const cy = Math.min(h - 1, Math.max(0, ty));
      const x0 = Math.floor(cx);
      const y0 = Math.floor(cy);
      const x1 = Math.min(w - 1, x0 + 1);
      const y1 = Math.min(h - 1, y0 + 1);
      const ax = cx - x0;
      const ay = cy - y0;
      const i00 = 2 * (y0 * w + x0);
      const i01 = 2 * (y0 * w + x1);
      const i10 = 2 * (y1 * w + x0);
      const i11 = 2 * (y1 * w + x1);
      const bx = (b[i00]! * (1 - ax) + b[i01]! * ax) * (1 - ay) + (b[i10]! * (1 - ax) + b[i11]! * ax) * ay;
      const by = (b[i00 + 1]! * (1 - ax) + b[i01 + 1]! * ax) * (1 - ay) + (b[i10 + 1]! * (1 - ax) + b[i11 + 1]! * ax) * ay;
      const dx = fx + bx;
      const dy = fy + by;
      occ[p] = dx * dx + dy * dy > alpha * (fx * fx + fy * fy + bx * bx + by * by) + beta ? 1 : 0;
    }
  }
  return occ;
}
