/**
 * Forward-backward consistency check for one point (Sundaram et al. 2010): a pixel x with
 * forward flow f(x) is occluded in the next frame when the backward flow at x + f(x) does not
 * bring it back, |f + b|² > alpha (|f|² + |b|²) + beta.
 */
import type { FlowField } from '../types.ts';

export interface ConsistencyOptions {
  /** Relative tolerance (default 0.01). */
  alpha?: number;
  /** Absolute tolerance in px² (default 0.5). */
  beta?: number;
}

/** Flow vector at the nearest pixel to (x, y) (continuous coordinates), or null outside. */
export function sampleFlowNearest(flow: FlowField, x: number, y: number, out: Float64Array): boolean {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  if (ix < 0 || iy < 0 || ix >= flow.width || iy >= flow.height) return false;
  const o = 2 * (iy * flow.width + ix);
  out[0] = flow.data[o]!;
  out[1] = flow.data[o + 1]!;
  return true;
}

/** True when the forward vector (fx, fy) at a point landing on (nx, ny) fails the backward check. */
export function isOccluded(backward: FlowField, fx: number, fy: number, nx: number, ny: number, b: Float64Array, opts: ConsistencyOptions = {}): boolean {
  if (!sampleFlowNearest(backward, nx, ny, b)) return true;
  const alpha = opts.alpha ?? 0.01;
  const beta = opts.beta ?? 0.5;
  const rx = fx + b[0]!;
  const ry = fy + b[1]!;
  return rx * rx + ry * ry > alpha * (fx * fx + fy * fy + b[0]! * b[0]! + b[1]! * b[1]!) + beta;
}
