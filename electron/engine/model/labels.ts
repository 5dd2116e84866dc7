/**
 * Probabilities on the model's output grid -> labels and confidence at frame size: bilinear
 * upsampling of the probabilities (half-pixel centres) fused with the argmax, one pass, no full-size
 * probability tensor. confidence = max probability x 255.
 *
 * Fast path (exact): when the four grid cells around an output pixel share the same argmax k, k is
 * also the argmax of any convex combination of them, and the interpolated max is the bilinear
 * blend of the cells' max probabilities; only pixels near class boundaries loop over channels.
 * Whether a cell quad is uniform is decided once per output row for each grid column pair, and the
 * sampling tables and per-cell scratch are kept by a Labeler across frames of the same size.
 */
import type { LabelMap, Tensor3 } from '../../core/types.ts';
import { createWasmLabeler } from './probability-kernels.ts';
import { bilinearAxis, type AxisTable } from './resample.ts';

export interface LabelsAndConfidence {
  labels: LabelMap;
  /** 8-bit max probability per pixel (0..255). */
  confidence: Uint8Array;
}

/** Output buffers (width*height each); allocated when absent. */
export interface LabelsOut {
  labels?: Uint8Array;
  confidence?: Uint8Array;
}

export type Labeler = (p: Tensor3, out?: LabelsOut) => LabelsAndConfidence;

/**
 * A labeler for probability grids of gw x gh with C channels, upsampled to width x height: the
 * WebAssembly SIMD twin (probability-kernels.ts) unless `backend` is 'js' or it is unavailable.
 */
export function createLabeler(gw: number, gh: number, C: number, width: number, height: number, backend: 'wasm' | 'js' = 'wasm'): Labeler {
  return (backend === 'wasm' ? createWasmLabeler(gw, gh, C, width, height) : null) ?? createJsLabeler(gw, gh, C, width, height);
}

/** The TypeScript reference of the labeler (f64 arithmetic). */
function createJsLabeler(gw: number, gh: number, C: number, width: number, height: number): Labeler {
  const xs: AxisTable = bilinearAxis(width, gw);
  const ys: AxisTable = bilinearAxis(height, gh);
  const plane = gw * gh;
  const cellArg = new Uint8Array(plane);
  const cellMax = new Float32Array(plane);
  /** Per grid column j of the current row pair: the shared argmax of cells (j, j+1) x (r0, r1), or 255. */
  const uniform = new Uint8Array(gw);
  return (p, out = {}) => {
    if (p.width !== gw || p.height !== gh || p.channels !== C) throw new RangeError(`labeler: expected a ${C}x${gh}x${gw} tensor, got ${p.channels}x${p.height}x${p.width}`);
    const n = width * height;
    const labels = out.labels ?? new Uint8Array(n);
    const confidence = out.confidence ?? new Uint8Array(n);
    if (labels.length < n || confidence.length < n) throw new RangeError('labeler: out buffer too small');
    const d = p.data;
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
    let lastR0 = -1;
    let lastR1 = -1;
    for (let y = 0; y < height; y++) {
      const r0 = ys.i0[y]! * gw;
      const r1 = ys.i1[y]! * gw;
      const wy = ys.w[y]!;
      if (r0 !== lastR0 || r1 !== lastR1) {
        for (let j = 0; j < gw; j++) {
          const j1 = j + 1 < gw ? j + 1 : j;
          const k = cellArg[r0 + j]!;
          uniform[j] = cellArg[r0 + j1] === k && cellArg[r1 + j] === k && cellArg[r1 + j1] === k ? k : 255;
        }
        lastR0 = r0;
        lastR1 = r1;
      }
      const row = y * width;
      for (let x = 0; x < width; x++) {
        const j0 = xs.i0[x]!;
        const wx = xs.w[x]!;
        const a = r0 + j0;
        const b = r0 + xs.i1[x]!;
        const c = r1 + j0;
        const e = r1 + xs.i1[x]!;
        const wa = (1 - wx) * (1 - wy);
        const wb = wx * (1 - wy);
        const wc = (1 - wx) * wy;
        const we = wx * wy;
        let best = uniform[j0]!;
        let bestV: number;
        if (best !== 255) {
          bestV = cellMax[a]! * wa + cellMax[b]! * wb + cellMax[c]! * wc + cellMax[e]! * we;
        } else {
          best = 0;
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
        labels[row + x] = best;
        // Math.round for non-negative values, clamped to 0..255.
        const s = bestV * 255 + 0.5;
        confidence[row + x] = s <= 0 ? 0 : s >= 255 ? 255 : s | 0;
      }
    }
    return { labels: { width, height, data: labels }, confidence };
  };
}

export function probabilitiesToLabels(p: Tensor3, width: number, height: number, out?: LabelsOut, backend: 'wasm' | 'js' = 'wasm'): LabelsAndConfidence {
  return createLabeler(p.width, p.height, p.channels, width, height, backend)(p, out);
}
