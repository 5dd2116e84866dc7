/**
 * Forward-backward consistency check for one point (Sundaram et al. 2010, the same test and
 * defaults as engine/flow/occlusion.ts): a point x with forward flow f(x) is occluded in the next
 * frame when the backward flow at x + f(x) does not bring it back,
 * |f + b|² > alpha (|f|² + |b|²) + beta.
 * Points are in label-map coordinates (continuous, pixel centres at +0.5); flows of another size
 * than the label map are sampled at the scaled position and their vectors scaled back.
 */
import type { FlowField } from '../types.ts';

export interface ConsistencyOptions {
  /** Relative tolerance (default 0.01). */
  alpha?: number;
  /** Absolute tolerance in px² (default 0.5). */
  beta?: number;
}

/**
 * Flow vector (in label pixels) at the flow pixel nearest to label point (x, y) of a
 * labelW × labelH map; false outside.
 */
export function sampleFlowNearest(flow: FlowField, x: number, y: number, labelW: number, labelH: number, out: Float64Array): boolean {
  const sx = flow.width / labelW;
  const sy = flow.height / labelH;
  const ix = Math.floor(x * sx);
  const iy = Math.floor(y * sy);
  if (ix < 0 || iy < 0 || ix >= flow.width || iy >= flow.height) return false;
  const o = 2 * (iy * flow.width + ix);
  out[0] = flow.data[o]! / sx;
  out[1] = flow.data[o + 1]! / sy;
  return true;
}

/** True when the forward vector (fx, fy) of a point landing on (nx, ny) fails the backward check. */
export function isOccluded(backward: FlowField, fx: number, fy: number, nx: number, ny: number, labelW: number, labelH: number, b: Float64Array, opts: ConsistencyOptions = {}): boolean {
  if (!sampleFlowNearest(backward, nx, ny, labelW, labelH, b)) return true;
  const alpha = opts.alpha ?? 0.01;
  const beta = opts.beta ?? 0.5;
  const rx = fx + b[0]!;
  const ry = fy + b[1]!;
  return rx * rx + ry * ry > alpha * (fx * fx + fy * fy + b[0]! * b[0]! + b[1]! * b[1]!) + beta;
}
