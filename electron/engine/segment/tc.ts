/**
 * Temporal consistency of consecutive output label maps for summary.json (metrics/temporal-consistency.ts,
 * Liu et al. 2020): the labels of frame t-1 are warped to frame t along the flow t -> t-1 (nearest)
 * and compared with frame t's labels as a mIoU. Computed on the flow grid: labels are first reduced
 * to it by nearest sampling.
 */
import type { FlowField, LabelMap } from '../../core/types.ts';
import { temporalConsistencyPair } from '../metrics/temporal-consistency.ts';

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
  const v = temporalConsistencyPair(cur, prev, flowCurToPrev, { classes });
  return Number.isFinite(v) ? v : 1;
}
