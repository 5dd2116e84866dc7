/**
 * Temporal consistency (TC) of a segmentation sequence, as in Liu et al., "Efficient Semantic
 * Video Segmentation with Per-frame Inference" (ECCV 2020): for each pair (t, t+1), the
 * prediction of frame t+1 is warped back onto frame t along the flow from t to t+1 (nearest
 * neighbour: P̂_t(x) = P_{t+1}(round(x + f_{t→t+1}(x)))), and the mIoU between P̂_t and P_t is
 * the pair's TC (P_t plays the ground truth's role). The sequence TC is the mean over pairs.
 *
 * Pixels whose warped sample leaves the frame are excluded. Occluded pixels (given as a mask,
 * e.g. from occlusionMask) are excluded by default (`excludeOccluded: true`), because a label
 * change there is not flicker; set it to false to count them, as Liu et al.'s formula does.
 */
import type { FlowField, LabelMap } from '../../core/types.ts';
import { warpLabels } from '../../core/warp/warp-labels.ts';
import { ConfusionMatrix } from './confusion.ts';

export interface TemporalConsistencyOptions {
  classes: number;
  /** Void label in predictions (skipped). Default 255. */
  ignoreIndex?: number;
  /** Skip pixels flagged in the occlusion mask (when one is given). Default true. */
  excludeOccluded?: boolean;
}

/** TC of one pair: mIoU(P_t, warp(P_{t+1}, f_{t→t+1})). */
export function temporalConsistencyPair(
  predT: LabelMap,
  predNext: LabelMap,
  flowToNext: FlowField,
  opts: TemporalConsistencyOptions,
  occluded?: Uint8Array,
): number {
  const ignore = opts.ignoreIndex ?? 255;
  const warped = warpLabels(predNext, flowToNext, { fill: ignore });
  const n = predT.width * predT.height;
  let mask: Uint8Array | undefined;
  if (occluded && (opts.excludeOccluded ?? true)) {
    mask = new Uint8Array(n);
    for (let p = 0; p < n; p++) mask[p] = occluded[p] ? 0 : 1;
  }
  // Out-of-frame samples carry the ignore label: exclude them by masking on the warped side too.
  const keep = mask ?? new Uint8Array(n).fill(1);
  const w = warped.data;
  for (let p = 0; p < n; p++) if (w[p] === ignore) keep[p] = 0;
  const cm = new ConfusionMatrix(opts.classes, { ignoreIndex: ignore });
  cm.add(predT, warped, keep);
  return cm.scores().miou;
}

export interface SequenceTc {
  perPair: number[];
  mean: number;
}

/**
 * TC over a sequence: preds[t] with flows[t] = flow t → t+1 (length preds.length - 1) and
 * optional occlusion masks occluded[t] (pixels of t not visible in t+1). Pairs whose TC is NaN
 * (nothing comparable) are left out of the mean.
 */
export function temporalConsistency(
  preds: LabelMap[],
  flows: FlowField[],
  opts: TemporalConsistencyOptions,
  occluded?: (Uint8Array | undefined)[],
): SequenceTc {
  if (flows.length < preds.length - 1) throw new RangeError('temporalConsistency: need one flow per consecutive pair');
  const perPair: number[] = [];
  for (let t = 0; t + 1 < preds.length; t++) {
    perPair.push(temporalConsistencyPair(preds[t]!, preds[t + 1]!, flows[t]!, opts, occluded?.[t]));
  }
  const valid = perPair.filter((v) => Number.isFinite(v));
  return { perPair, mean: valid.length ? valid.reduce((a, b) => a + b, 0) / valid.length : Number.NaN };
}
