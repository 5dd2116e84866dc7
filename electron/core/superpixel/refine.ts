/**
 * The full-resolution step of coarse-to-fine SLIC: from the labels and centres found on the frame
 * shrunk by 2 or 4, the frame's labels. Each pixel lies between the 2 × 2 coarse pixels nearest to
 * it: where they share one label it keeps it, else it takes the nearest of their centres, so a
 * boundary is placed at full resolution within a coarse pixel of where the coarse pass put it.
 * Outliers are split off on the way (see kmeans.ts). Only pixels along coarse boundaries cost a
 * search: first every row is converted to Lab and takes its coarse pixel's label while in cache,
 * then the cells of the dual grid (factor × factor pixels each) whose 2 × 2 coarse pixels differ
 * are decided again.
 */
import { labRows, type LabImage } from './lab.ts';
import { addCandidate, outlierLabel, type Centers, type OutlierTiles } from './kmeans.ts';

export interface Coarse {
  labels: Int32Array;
  width: number;
  height: number;
  /** How many times smaller than the frame: 2 or 4. */
  factor: number;
}

/** Row y (already in `lab`): each pixel its coarse pixel's label, or its outlier label when far in colour from that centre. */
function nearestRow(y: number, lab: LabImage, c: Centers, coarse: Coarse, o: OutlierTiles, labels: Int32Array): void {
  const { width: w, l: L, a: A, b: B } = lab;
  const { l: cL, a: cA, b: cB } = c;
  const { labels: cl, factor } = coarse;
  const row = Math.floor(y / factor) * coarse.width;
  const t2 = o.t2;
  for (let hx = 0, i = y * w; factor * hx < w; hx++) {
    const k = cl[row + hx]!;
    const l = cL[k]!;
    const a = cA[k]!;
    const b = cB[k]!;
    for (let x = factor * hx, end = Math.min(w, x + factor); x < end; x++, i++) {
      const dl = L[i]! - l;
      const da = A[i]! - a;
      const db = B[i]! - b;
      labels[i] = dl * dl + da * da + db * db > t2 ? outlierLabel(o, x, y) : k;
    }
  }
}

/**
 * decideCell for two candidates: d0 − d1 is linear in (L, a, b, x, y) (the squares cancel), so a
 * pixel costs one dot product. Ties go to the first candidate, as in decideCell.
 */
function decidePair(lab: LabImage, c: Centers, inv: number, o: OutlierTiles, k0: number, k1: number, x0: number, x1: number, y0: number, y1: number, labels: Int32Array): void {
  const { width: w, l: L, a: A, b: B } = lab;
  const { l: cL, a: cA, b: cB, x: cX, y: cY } = c;
  const l0 = cL[k0]!;
  const a0 = cA[k0]!;
  const b0 = cB[k0]!;
  const l1 = cL[k1]!;
  const a1 = cA[k1]!;
  const b1 = cB[k1]!;
  const cx0 = cX[k0]!;
  const cy0 = cY[k0]!;
  const cx1 = cX[k1]!;
  const cy1 = cY[k1]!;
  const gl = -2 * (l0 - l1);
  const ga = -2 * (a0 - a1);
  const gb = -2 * (b0 - b1);
  const gx = -2 * inv * (cx0 - cx1);
  const gy = -2 * inv * (cy0 - cy1);
  const g0 = l0 * l0 + a0 * a0 + b0 * b0 - l1 * l1 - a1 * a1 - b1 * b1 + inv * (cx0 * cx0 + cy0 * cy0 - cx1 * cx1 - cy1 * cy1);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0, i = y * w + x0; x <= x1; x++, i++) {
      const l = L[i]!;
      const a = A[i]!;
      const b = B[i]!;
      const first = gl * l + ga * a + gb * b + gx * x + gy * y + g0 <= 0;
      const dl = l - (first ? l0 : l1);
      const da = a - (first ? a0 : a1);
      const db = b - (first ? b0 : b1);
      labels[i] = dl * dl + da * da + db * db > o.t2 ? outlierLabel(o, x, y) : first ? k0 : k1;
    }
  }
}

/** Pixels x0..x1 × y0..y1 take the nearest of the `n` candidate centres (or their outlier label). */
function decideCell(lab: LabImage, c: Centers, inv: number, o: OutlierTiles, cand: Int32Array, n: number, x0: number, x1: number, y0: number, y1: number, labels: Int32Array): void {
  const { width: w, l: L, a: A, b: B } = lab;
  const { l: cL, a: cA, b: cB, x: cX, y: cY } = c;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0, i = y * w + x0; x <= x1; x++, i++) {
      const l = L[i]!;
      const a = A[i]!;
      const b = B[i]!;
      let pick = 0;
      let best = Infinity;
      let colour = 0;
      for (let j = 0; j < n; j++) {
        const k = cand[j]!;
        const dl = l - cL[k]!;
        const da = a - cA[k]!;
        const db = b - cB[k]!;
        const dx = x - cX[k]!;
        const dy = y - cY[k]!;
        const dc = dl * dl + da * da + db * db;
        const d = dc + (dx * dx + dy * dy) * inv;
        if (d < best) {
          best = d;
          colour = dc;
          pick = k;
        }
      }
      labels[i] = colour > o.t2 ? outlierLabel(o, x, y) : pick;
    }
  }
}

/**
 * The frame's labels into `labels` and its Lab into `lab` (full size), from the coarse labels and
 * the centres `c` (already in full-resolution coordinates); `size` is S at full resolution.
 */
export function refine(rgba: Uint8Array | Uint8ClampedArray, lab: LabImage, c: Centers, size: number, compactness: number, coarse: Coarse, o: OutlierTiles, labels: Int32Array): void {
  const { width: w, height: h } = lab;
  const toLab = labRows(rgba, lab);
  for (let y = 0; y < h; y++) {
    toLab(y, y + 1);
    nearestRow(y, lab, c, coarse, o, labels);
  }
  const { labels: cl, width: cw, height: ch, factor: f } = coarse;
  const inv = (compactness / size) ** 2;
  const cand = new Int32Array(4);
  for (let cy = -1; cy < ch; cy++) {
    const r0 = Math.max(0, cy) * cw;
    const r1 = Math.min(ch - 1, cy + 1) * cw;
    const y0 = Math.max(0, f * cy + f / 2);
    const y1 = Math.min(h - 1, f * cy + f / 2 + f - 1);
    for (let cx = -1; cx < cw; cx++) {
      const c0 = Math.max(0, cx);
      const c1 = Math.min(cw - 1, cx + 1);
      const k = cl[r0 + c0]!;
      if (cl[r0 + c1] === k && cl[r1 + c0] === k && cl[r1 + c1] === k) continue;
      cand[0] = k;
      const n = addCandidate(cand, addCandidate(cand, addCandidate(cand, 1, cl[r0 + c1]!), cl[r1 + c0]!), cl[r1 + c1]!);
      // the pixels whose nearest coarse pixels are columns cx, cx + 1 and rows cy, cy + 1
      const x0 = Math.max(0, f * cx + f / 2);
      const x1 = Math.min(w - 1, f * cx + f / 2 + f - 1);
      if (n === 2) decidePair(lab, c, inv, o, cand[0]!, cand[1]!, x0, x1, y0, y1, labels);
      else decideCell(lab, c, inv, o, cand, n, x0, x1, y0, y1, labels);
    }
  }
}
