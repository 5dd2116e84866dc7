/**
 * Confusion-matrix accumulator for semantic segmentation: add (ground truth, prediction) label
 * maps frame by frame, then read per-class IoU, mIoU and pixel accuracy over everything added.
 *
 * Conventions (CamVid / Cityscapes style): pixels whose ground truth is `ignoreIndex` or outside
 * 0..classes-1 are skipped; a prediction outside 0..classes-1 counts as wrong (a false negative
 * of the ground-truth class, no false positive). IoU_c = TP / (TP + FP + FN) over the whole
 * accumulated set (not averaged per frame). mIoU averages only the classes that occur in the
 * ground truth or the prediction (TP + FP + FN > 0); a class absent from both is excluded rather
 * than counted as 0 or 1. Pixel accuracy = correct / counted pixels.
 */
import type { LabelMap } from '../../core/types.ts';

export interface ConfusionOptions {
  /** Ground-truth label to skip. Default 255. */
  ignoreIndex?: number;
}

export interface SegmentationScores {
  /** Per class; NaN where the class is absent from both ground truth and prediction. */
  iou: number[];
  miou: number;
  pixelAccuracy: number;
  /** Pixels counted. */
  pixels: number;
}

export class ConfusionMatrix {
  readonly classes: number;
  readonly ignoreIndex: number;
  /** Row = ground truth, column = prediction; an extra column counts invalid predictions. */
  readonly counts: Float64Array;

  constructor(classes: number, opts: ConfusionOptions = {}) {
    if (!Number.isInteger(classes) || classes < 1 || classes > 255) throw new RangeError('ConfusionMatrix: classes must be 1..255');
    this.classes = classes;
    this.ignoreIndex = opts.ignoreIndex ?? 255;
    this.counts = new Float64Array(classes * (classes + 1));
  }

  /** Adds one frame. `mask` (optional) restricts to pixels where mask[p] !== 0. */
  add(gt: LabelMap | Uint8Array, pred: LabelMap | Uint8Array, mask?: Uint8Array): this {
    const g = gt instanceof Uint8Array ? gt : gt.data;
    const q = pred instanceof Uint8Array ? pred : pred.data;
    if (g.length !== q.length) throw new RangeError(`ConfusionMatrix.add: sizes differ (${g.length} vs ${q.length})`);
    const C = this.classes;
    const stride = C + 1;
    const ign = this.ignoreIndex;
    const m = this.counts;
    for (let p = 0; p < g.length; p++) {
      const a = g[p]!;
      if (a === ign || a >= C) continue;
      if (mask && mask[p] === 0) continue;
      const b = q[p]!;
      m[a * stride + (b < C ? b : C)]! += 1;
    }
    return this;
  }

  reset(): void {
    this.counts.fill(0);
  }

  scores(): SegmentationScores {
    const C = this.classes;
    const stride = C + 1;
    const m = this.counts;
    const iou: number[] = [];
    let correct = 0;
    let total = 0;
    let sum = 0;
    let present = 0;
    for (let c = 0; c < C; c++) {
      const tp = m[c * stride + c]!;
      let rowSum = 0;
      for (let k = 0; k <= C; k++) rowSum += m[c * stride + k]!;
      let colSum = 0;
      for (let r = 0; r < C; r++) colSum += m[r * stride + c]!;
      const union = rowSum + colSum - tp;
      correct += tp;
      total += rowSum;
      if (union > 0) {
        const v = tp / union;
        iou.push(v);
        sum += v;
        present++;
      } else iou.push(Number.NaN);
    }
    return {
      iou,
      miou: present > 0 ? sum / present : Number.NaN,
      pixelAccuracy: total > 0 ? correct / total : Number.NaN,
      pixels: total,
    };
  }
}
