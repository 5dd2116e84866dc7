/**
 * Probabilities on the model's output grid -> labels and confidence at frame size: bilinear
 * upsampling of the probabilities (half-pixel centres) fused with the argmax, one pass, no full-size
 * probability tensor. confidence = max probability x 255.
 *
 * Fast path (exact): when the four grid cells around an output pixel share the same argmax k, k is
 * also the argmax of any convex combination of them, and the interpolated max is the bilinear
 * blend of the cells' max probabilities; only pixels near class boundaries loop over channels.
 */
import type { LabelMap, Tensor3 } from '../types.ts';
import { bilinearAxis } from './resample.ts';

export interface LabelsAndConfidence {
  labels: LabelMap;
  /** 8-bit max probability per pixel (0..255). */
  confidence: Uint8Array;
}

export function probabilitiesToLabels(p: Tensor3, width: number, height: number): LabelsAndConfidence {
  const labels = new Uint8Array(width * height);
  const confidence = new Uint8Array(width * height);
  const xs = bilinearAxis(width, p.width);
  const ys = bilinearAxis(height, p.height);
  const plane = p.width * p.height;
  const C = p.channels;
  const d = p.data;
  const cellArg = new Uint8Array(plane);
  const cellMax = new Float32Array(plane);
  for (let q = 0; q < plane; q++) {
    let best = 0;
    let bestV = d[q]!;
    for (let k = 1; k < C; k++) {
      const v = d[k * plane + q]!;
      if (v > bestV) {
        bestV = v;
        best = k;
      }
    }
    cellArg[q] = best;
    cellMax[q] = bestV;
  }
  for (let y = 0; y < height; y++) {
    const r0 = ys.i0[y]! * p.width;
    const r1 = ys.i1[y]! * p.width;
    const wy = ys.w[y]!;
    for (let x = 0; x < width; x++) {
      const wx = xs.w[x]!;
      const a = r0 + xs.i0[x]!;
      const b = r0 + xs.i1[x]!;
      const c = r1 + xs.i0[x]!;
      const e = r1 + xs.i1[x]!;
      const wa = (1 - wx) * (1 - wy);
      const wb = wx * (1 - wy);
      const wc = (1 - wx) * wy;
      const we = wx * wy;
      const k0 = cellArg[a]!;
      let best = k0;
      let bestV: number;
      if (cellArg[b] === k0 && cellArg[c] === k0 && cellArg[e] === k0) {
        bestV = cellMax[a]! * wa + cellMax[b]! * wb + cellMax[c]! * wc + cellMax[e]! * we;
      } else {
        bestV = -Infinity;
        for (let k = 0; k < C; k++) {
          const o = k * plane;
          const v = d[o + a]! * wa + d[o + b]! * wb + d[o + c]! * wc + d[o + e]! * we;
          if (v > bestV) {
            bestV = v;
            best = k;
          }
        }
      }
      const i = y * width + x;
      labels[i] = best;
      confidence[i] = Math.max(0, Math.min(255, Math.round(bestV * 255)));
    }
  }
  return { labels: { width, height, data: labels }, confidence };
}
