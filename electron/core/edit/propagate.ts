/**
 * Propagation of a correction along optical flow. The changed pixels of frame t (with their new
 * classes) are carried frame by frame by backward warping, so a region that the flow stretches
 * stays solid (no 1-pixel holes, as a forward splat of points leaves):
 * - every pixel p of the next frame looks up where it came from, q = p + b(p) (flow to→from);
 * - it keeps, per pixel, its continuous position in frame t (the position of q's pixel there
 *   plus q's sub-pixel offset), so slow motion is not rounded away step after step;
 * - it takes the class of the correction at that position, if the correction covers it;
 * - it is dropped when q leaves the image or fails the occlusion check (a precomputed mask of
 *   frame `from`, or the forward-backward test at q).
 * The result is one proposed diff per reached frame (t±1 … t±N); previewPropagation never
 * touches the label maps.
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

/** Inclusive-exclusive pixel box. */
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The correction as a dense map (class + 1 per pixel, 0 = not corrected) and its box. */
function sourceMap(c: FrameDiff): { cls: Uint8Array; box: Box } | null {
  const w = c.width;
  const cls = new Uint8Array(w * c.height);
  const box = { x0: w, y0: c.height, x1: 0, y1: 0 };
  for (let r = 0; r < c.newValues.length; r++) {
    const off = c.runs[2 * r]!;
    const len = c.runs[2 * r + 1]!;
    if (len <= 0) continue;
    cls.fill(c.newValues[r]! + 1, off, off + len);
    const y = Math.floor(off / w);
    box.x0 = Math.min(box.x0, off % w);
    box.x1 = Math.max(box.x1, ((off + len - 1) % w) + 1);
    box.y0 = Math.min(box.y0, y);
    box.y1 = Math.max(box.y1, Math.floor((off + len - 1) / w) + 1);
  }
  return box.x1 > box.x0 ? { cls, box } : null;
}

/** Per-pixel position in the source frame (NaN = not carried) of one step, inside `box`. */
interface Step {
  sx: Float32Array;
  sy: Float32Array;
  box: Box;
}

/** `box` grown by the largest flow vector inside it (plus a margin), clipped to the image. */
function reach(box: Box, fwd: FlowField, w: number, h: number, f: Float64Array): Box {
  let m = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) if (sampleFlowNearest(fwd, x + 0.5, y + 0.5, w, h, f)) m = Math.max(m, Math.abs(f[0]!), Math.abs(f[1]!));
  }
  const g = Math.ceil(m) + 2;
  return { x0: Math.max(0, box.x0 - g), y0: Math.max(0, box.y0 - g), x1: Math.min(w, box.x1 + g), y1: Math.min(h, box.y1 + g) };
}

function carry(correction: FrameDiff, step: 1 | -1, count: number, flow: FlowProvider, labels: LabelProvider, opts: PropagateOptions): FrameDiff[] {
  const src = count > 0 ? sourceMap(correction) : null;
  if (!src) return [];
  const { width: w, height: h } = correction;
  // Step 0: every pixel sits at its own centre.
  let prev: Step | null = null;
  let prevBox = src.box;
  // Two position maps, swapped every step (the next one is cleared before use).
  const spare: Step = { sx: new Float32Array(w * h), sy: new Float32Array(w * h), box: src.box };
  let other: Step = { sx: new Float32Array(w * h), sy: new Float32Array(w * h), box: src.box };
  const result: FrameDiff[] = [];
  const f = new Float64Array(2);
  const b = new Float64Array(2);
  for (let s = 1; s <= count; s++) {
    const from = correction.frame + (s - 1) * step;
    const to = correction.frame + s * step;
    const fwd = flow(from, to);
    const bwd = flow(to, from);
    const target = labels(to);
    if (!fwd || !target || target.width !== w || target.height !== h) break;
    const occ = opts.occlusion?.(from, to);
    const box = reach(prevBox, fwd, w, h, f);
    const next: Step = prev === spare ? other : spare;
    next.sx.fill(NaN);
    next.sy.fill(NaN);
    next.box = box;
    const out = opts.skipFrame?.(to) ? null : new DiffBuilder(target, to);
    const hit = { x0: w, y0: h, x1: 0, y1: 0 };
    for (let y = box.y0; y < box.y1; y++) {
      for (let x = box.x0; x < box.x1; x++) {
        const [px, py] = [x + 0.5, y + 0.5];
        // Where p came from: the backward flow, or the forward flow at p reversed when absent.
        if (!sampleFlowNearest(bwd ?? fwd, px, py, w, h, b)) continue;
        if (!bwd) [b[0], b[1]] = [-b[0]!, -b[1]!];
        const [qx, qy] = [px + b[0]!, py + b[1]!];
        if (qx < 0 || qy < 0 || qx >= w || qy >= h) continue;
        const [nx, ny] = [Math.floor(qx), Math.floor(qy)];
        if (occ && occ[Math.floor((qy * fwd.height) / h) * fwd.width + Math.floor((qx * fwd.width) / w)]) continue;
        if (!occ && bwd && sampleFlowNearest(fwd, qx, qy, w, h, f) && isOccluded(bwd, f[0]!, f[1]!, px, py, w, h, b, opts.consistency)) continue;
        // Its position in the source frame: q itself on the first step, else through q's pixel
        // (outside the previous step's box, through the nearest pixel of the box, moved alike).
        let [ox, oy] = [qx, qy];
        if (prev) {
          const mx = Math.min(prev.box.x1 - 1, Math.max(prev.box.x0, nx));
          const my = Math.min(prev.box.y1 - 1, Math.max(prev.box.y0, ny));
          ox = prev.sx[my * w + mx]! + (qx - mx - 0.5);
          oy = prev.sy[my * w + mx]! + (qy - my - 0.5);
        }
        if (!(ox >= 0 && oy >= 0 && ox < w && oy < h)) continue;
        const p = y * w + x;
        next.sx[p] = ox;
        next.sy[p] = oy;
        const c = src.cls[Math.floor(oy) * w + Math.floor(ox)]!;
        if (c === 0) continue;
        out?.set(p, c - 1);
        [hit.x0, hit.y0, hit.x1, hit.y1] = [Math.min(hit.x0, x), Math.min(hit.y0, y), Math.max(hit.x1, x + 1), Math.max(hit.y1, y + 1)];
      }
    }
    if (hit.x1 <= hit.x0) break; // nothing of the correction reached this frame
    result.push(out ? out.finish() : new DiffBuilder(target, to).finish());
    if (prev) other = prev;
    prev = next;
    // Positions are kept a little beyond the carried region so that it can grow as it moves.
    prevBox = { x0: Math.max(0, hit.x0 - 2), y0: Math.max(0, hit.y0 - 2), x1: Math.min(w, hit.x1 + 2), y1: Math.min(h, hit.y1 + 2) };
  }
  return result.filter((d) => d.oldValues.length > 0);
}
