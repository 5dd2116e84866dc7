/**
 * Temporal consistency of consecutive label maps: the labels of frame t-1 are warped to frame t
 * along the flow t -> t-1 (nearest), then compared with frame t's labels as a mean IoU over the
 * classes present in either (pixels warped from outside the image are left out). 1 = perfectly
 * consistent. Computed on the flow grid: labels are first reduced to it by nearest sampling.
 */
import type { FlowField, LabelMap } from '../types.ts';
import { warpLabels } from '../warp/warp-labels.ts';

/** Nearest-neighbour resize of a label map (pixel centres aligned). */
export function resizeLabelsNearest(src: LabelMap, width: number, height: number): LabelMap {
  if (src.width === width && src.height === height) return src;
  const out = new Uint8Array(width * height);
  const xs = new Int32Array(width);
  for (let x = 0; x < width; x++) xs[x] = Math.min(src.width - 1, Math.floor(((x + 0.5) * src.width) / width));
  for (let y = 0; y < height; y++) {
    const sy = Math.min(src.height - 1, Math.floor(((y + 0.5) * src.height) / height));
    const row = sy * src.width;
    for (let x = 0; x < width; x++) out[y * width + x] = src.data[row + xs[x]!]!;
  }
  return { width, height, data: out };
}

/** TC between `prev` (frame t-1) and `cur` (frame t), both on the flow's grid; flow is t -> t-1. */
export function temporalConsistency(prev: LabelMap, cur: LabelMap, flowCurToPrev: FlowField, classes: number): number {
  const warped = warpLabels(prev, flowCurToPrev, { fill: 255 });
  const inter = new Float64Array(classes);
  const union = new Float64Array(classes);
  const w = warped.data;
  const c = cur.data;
  for (let i = 0; i < c.length; i++) {
    const a = w[i]!;
    const b = c[i]!;
    if (a === 255 || a >= classes || b >= classes) continue;
    if (a === b) {
      inter[a]!++;
      union[a]!++;
    } else {
      union[a]!++;
      union[b]!++;
    }
  }
  let sum = 0;
  let n = 0;
  for (let k = 0; k < classes; k++) {
    if (union[k]! > 0) {
      sum += inter[k]! / union[k]!;
      n++;
    }
  }
  return n ? sum / n : 1;
}
