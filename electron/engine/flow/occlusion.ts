/**
 * Occlusion mask from forward-backward consistency (Sundaram, Brox, Keutzer, ECCV 2010): a pixel
 * x of frame A is flagged when following the forward flow and then the backward flow does not
 * return close to x,
 *
 *   |f(x) + b(x + f(x))|² > alpha · (|f(x)|² + |b(x + f(x))|²) + beta,
 *
 * with b sampled bilinearly. The tolerance grows with the motion (alpha) plus a constant
 * (beta, pixels²). Pixels whose forward target falls outside B are flagged too (optional).
 */
import type { FlowField } from '../../core/types.ts';

export interface OcclusionOptions {
  /** Motion-proportional tolerance. Default 0.01 (Sundaram et al.). */
  alpha: number;
  /** Constant tolerance, pixels². Default 0.5 (Sundaram et al.). */
  beta: number;
  /** Flag pixels that move out of frame. Default true. */
  outOfFrame: boolean;
  /** Output buffer (width*height); allocated when absent. */
  out?: Uint8Array;
}

export const OCCLUSION_DEFAULTS: OcclusionOptions = { alpha: 0.01, beta: 0.5, outOfFrame: true };

/** 1 = occluded (or leaves the frame), 0 = consistent. */
export function occlusionMask(fwd: FlowField, bwd: FlowField, options: Partial<OcclusionOptions> = {}): Uint8Array {
  const o = { ...OCCLUSION_DEFAULTS, ...options };
  const { width: w, height: h } = fwd;
  if (bwd.width !== w || bwd.height !== h) throw new RangeError('occlusionMask: forward and backward flow sizes differ');
  const out = o.out ?? new Uint8Array(w * h);
  const f = fwd.data;
  const b = bwd.data;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      const fu = f[2 * p]!, fv = f[2 * p + 1]!;
      let tx = x + fu, ty = y + fv;
      const inside = tx >= 0 && tx <= w - 1 && ty >= 0 && ty <= h - 1;
      if (!inside && o.outOfFrame) {
        out[p] = 1;
        continue;
      }
      tx = tx < 0 ? 0 : tx > w - 1 ? w - 1 : tx;
      ty = ty < 0 ? 0 : ty > h - 1 ? h - 1 : ty;
      const x0 = Math.floor(tx), y0 = Math.floor(ty);
      const dx = x0 < w - 1 ? 2 : 0;
      const dy = y0 < h - 1 ? 2 * w : 0;
      const ax = tx - x0, ay = ty - y0;
      const q = 2 * (y0 * w + x0);
      const tu = b[q]! + ax * (b[q + dx]! - b[q]!);
      const bu = b[q + dy]! + ax * (b[q + dy + dx]! - b[q + dy]!);
      const tv = b[q + 1]! + ax * (b[q + dx + 1]! - b[q + 1]!);
      const bv = b[q + dy + 1]! + ax * (b[q + dy + dx + 1]! - b[q + dy + 1]!);
      const bu2 = tu + ay * (bu - tu);
      const bv2 = tv + ay * (bv - tv);
      const su = fu + bu2, sv = fv + bv2;
      const lhs = su * su + sv * sv;
      const rhs = o.alpha * (fu * fu + fv * fv + bu2 * bu2 + bv2 * bv2) + o.beta;
      out[p] = lhs > rhs ? 1 : 0;
    }
  }
  return out;
}
