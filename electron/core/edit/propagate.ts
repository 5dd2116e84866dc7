/**
 * Propagation of a correction along optical flow. The changed pixels of frame t (with their new
 * classes) are carried frame by frame: a point at x in frame a lands at x + f(x) in frame b
 * (flow a→b, nearest-pixel sampling), is dropped when the forward-backward check marks it
 * occluded or it leaves the image, and is splatted to the nearest pixel of b. Positions stay
 * continuous between steps, so rounding does not accumulate. The result is one proposed diff
 * per reached frame (t±1 … t±N); previewPropagation never touches the label maps.
 */
import type { FlowField, LabelMap } from '../types.ts';
import { DiffBuilder, type FrameDiff } from './diff.ts';
import { isOccluded, sampleFlowNearest, type ConsistencyOptions } from './occlusion.ts';

/** Dense flow between two adjacent frames (|from - to| = 1), or undefined when not available. */
export type FlowProvider = (from: number, to: number) => FlowField | undefined;
/** Current labels of a frame, or undefined when the frame has none. */
export type LabelProvider = (frame: number) => LabelMap | undefined;

export interface PropagateOptions {
  /** Frames after t to reach (default 0). */
  forward?: number;
  /** Frames before t to reach (default 0). */
  backward?: number;
  /** Frames never written to (e.g. locked frames); propagation still passes through them. */
  skipFrame?: (frame: number) => boolean;
  /** Tolerances of the built-in forward-backward check (used when `occlusion` is absent). */
  consistency?: ConsistencyOptions;
  /**
   * Precomputed occlusion mask of frame `from` for flow from→to, flow-sized, 1 = occluded (e.g.
   * engine/flow/occlusion.ts occlusionMask(fwd, bwd), cached by the caller). Replaces the
   * built-in per-point check.
   */
  occlusion?: (from: number, to: number) => Uint8Array | undefined;
}

export function previewPropagation(correction: FrameDiff, flow: FlowProvider, labels: LabelProvider, opts: PropagateOptions = {}): FrameDiff[] {
  const out: FrameDiff[] = [];
  const back = carry(correction, -1, opts.backward ?? 0, flow, labels, opts);
  for (let i = back.length - 1; i >= 0; i--) out.push(back[i]!);
  out.push(...carry(correction, 1, opts.forward ?? 0, flow, labels, opts));
  return out;
}

function carry(correction: FrameDiff, step: 1 | -1, count: number, flow: FlowProvider, labels: LabelProvider, opts: PropagateOptions): FrameDiff[] {
  const n = correction.oldValues.length;
  if (count <= 0 || n === 0) return [];
  const w = correction.width;
  let px = new Float64Array(n);
  let py = new Float64Array(n);
  let cls = new Uint8Array(n);
  let k = 0;
  for (let r = 0; r < correction.newValues.length; r++) {
    const off = correction.runs[2 * r]!;
    const len = correction.runs[2 * r + 1]!;
    for (let i = 0; i < len; i++) {
      px[k] = ((off + i) % w) + 0.5;
      py[k] = Math.floor((off + i) / w) + 0.5;
      cls[k++] = correction.newValues[r]!;
    }
  }
  let live = n;
  const f = new Float64Array(2);
  const b = new Float64Array(2);
  const result: FrameDiff[] = [];
  for (let s = 1; s <= count && live > 0; s++) {
    const from = correction.frame + (s - 1) * step;
    const to = correction.frame + s * step;
    const fwd = flow(from, to);
    const bwd = flow(to, from);
    const target = labels(to);
    if (!fwd || !target || target.width !== w || target.height !== correction.height) break;
    const h = correction.height;
    const occ = opts.occlusion?.(from, to);
    let m = 0;
    for (let i = 0; i < live; i++) {
      const x = px[i]!;
      const y = py[i]!;
      if (!sampleFlowNearest(fwd, x, y, w, h, f)) continue;
      if (occ && occ[Math.floor((y * fwd.height) / h) * fwd.width + Math.floor((x * fwd.width) / w)]) continue;
      const nx = x + f[0]!;
      const ny = y + f[1]!;
      if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
      if (!occ && bwd && isOccluded(bwd, f[0]!, f[1]!, nx, ny, w, h, b, opts.consistency)) continue;
      px[m] = nx;
      py[m] = ny;
      cls[m++] = cls[i]!;
    }
    live = m;
    if (!opts.skipFrame?.(to)) result.push(splat(target, to, px, py, cls, live));
    else result.push(new DiffBuilder(target, to).finish());
    px = px.subarray(0, live).slice();
    py = py.subarray(0, live).slice();
    cls = cls.subarray(0, live).slice();
  }
  return result.filter((d) => d.oldValues.length > 0);
}

/** Nearest-pixel splat: the diff setting each landed point's pixel to its class (first point wins). */
function splat(target: LabelMap, frame: number, px: Float64Array, py: Float64Array, cls: Uint8Array, live: number): FrameDiff {
  const w = target.width;
  const keys = new Float64Array(live);
  for (let i = 0; i < live; i++) keys[i] = (Math.floor(py[i]!) * w + Math.floor(px[i]!)) * 16777216 + i;
  keys.sort();
  const bld = new DiffBuilder(target, frame);
  let last = -1;
  for (let i = 0; i < live; i++) {
    const off = Math.floor(keys[i]! / 16777216);
    if (off === last) continue;
    last = off;
    bld.set(off, cls[keys[i]! - off * 16777216]!);
  }
  return bld.finish();
}
