/**
 * The k-means of SLIC (Achanta et al., 2012) over a Lab image: centres on (L, a, b, x, y). The
 * first pass lets each centre search only a 2S × 2S window (about 4 distance evaluations a pixel);
 * the later ones move border pixels only (see kmeans). Distance: ΔLab² + (Δxy · m / S)², m the
 * compactness. Also the outliers: pixels far in colour from their centre (a pole thinner than a
 * superpixel) get labels of their own.
 */
import type { LabImage } from './lab.ts';

export interface Centers {
  n: number;
  l: Float32Array;
  a: Float32Array;
  b: Float32Array;
  x: Float32Array;
  y: Float32Array;
}

/** Grid seeds, each moved to the lowest Lab gradient of its 3 × 3 neighbourhood. */
export function seedCenters(img: LabImage, size: number): Centers {
  const { width: w, height: h, l: L, a: A, b: B } = img;
  const nx = Math.max(1, Math.round(w / size));
  const ny = Math.max(1, Math.round(h / size));
  const n = nx * ny;
  const c: Centers = { n, l: new Float32Array(n), a: new Float32Array(n), b: new Float32Array(n), x: new Float32Array(n), y: new Float32Array(n) };
  const sq = (q: Float32Array, i: number, step: number): number => (q[i + step]! - q[i - step]!) ** 2;
  const grad = (i: number): number => sq(L, i, 1) + sq(A, i, 1) + sq(B, i, 1) + sq(L, i, w) + sq(A, i, w) + sq(B, i, w);
  for (let j = 0, k = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++, k++) {
      let bx = Math.min(w - 1, Math.floor(((i + 0.5) * w) / nx));
      let by = Math.min(h - 1, Math.floor(((j + 0.5) * h) / ny));
      if (bx > 1 && by > 1 && bx < w - 2 && by < h - 2) {
        let best = Infinity;
        const [x0, y0] = [bx, by];
        for (let y = y0 - 1; y <= y0 + 1; y++) {
          for (let x = x0 - 1; x <= x0 + 1; x++) {
            const g = grad(y * w + x);
            if (g < best) {
              best = g;
              bx = x;
              by = y;
            }
          }
        }
      }
      const p = by * w + bx;
      [c.l[k], c.a[k], c.b[k], c.x[k], c.y[k]] = [L[p]!, A[p]!, B[p]!, bx, by];
    }
  }
  return c;
}

/**
 * Labels of outlier pixels: one per tile of 4S × 4S, after every centre index, so a thin structure
 * crossing several superpixels stays one piece within a tile, and textured areas cannot join into
 * one huge superpixel.
 */
export interface OutlierTiles {
  /** Squared ΔE above which a pixel is an outlier. */
  t2: number;
  tile: number;
  tilesX: number;
  first: number;
}

export function outlierTiles(img: LabImage, c: Centers, size: number, outlier: number): OutlierTiles {
  const tile = Math.max(1, Math.round(4 * size));
  return { t2: outlier * outlier, tile, tilesX: Math.ceil(img.width / tile), first: c.n };
}

export const outlierLabel = (o: OutlierTiles, x: number, y: number): number => o.first + Math.floor(y / o.tile) * o.tilesX + Math.floor(x / o.tile);

/** The bound of labels with outliers: centre indices, then one per tile. */
export const labelBound = (o: OutlierTiles, height: number): number => o.first + o.tilesX * Math.ceil(height / o.tile);

/** Relabels pixels farther than the outlier ΔE from their centre's colour as outliers. */
export function splitOutliers(img: LabImage, c: Centers, labels: Int32Array, o: OutlierTiles): void {
  const { width: w, l: L, a: A, b: B } = img;
  for (let i = 0; i < labels.length; i++) {
    const k = labels[i]!;
    const dl = L[i]! - c.l[k]!;
    const da = A[i]! - c.a[k]!;
    const db = B[i]! - c.b[k]!;
    if (dl * dl + da * da + db * db > o.t2) labels[i] = outlierLabel(o, i % w, Math.floor(i / w));
  }
}

/** One assignment pass: each pixel takes the nearest centre among those whose window covers it. */
export function assign(img: LabImage, c: Centers, size: number, compactness: number, labels: Int32Array, dist: Float32Array): void {
  const { width: w, height: h, l: L, a: A, b: B } = img;
  const s = Math.ceil(size);
  const inv = (compactness / size) ** 2;
  dist.fill(Infinity);
  for (let k = 0; k < c.n; k++) {
    const cl = c.l[k]!;
    const ca = c.a[k]!;
    const cb = c.b[k]!;
    const cx = c.x[k]!;
    const cy = c.y[k]!;
    const x0 = Math.max(0, Math.floor(cx - s));
    const x1 = Math.min(w - 1, Math.ceil(cx + s));
    const y0 = Math.max(0, Math.floor(cy - s));
    const y1 = Math.min(h - 1, Math.ceil(cy + s));
    for (let y = y0; y <= y1; y++) {
      const dy2 = (y - cy) * (y - cy) * inv;
      for (let x = x0, i = y * w + x0; x <= x1; x++, i++) {
        const dl = L[i]! - cl;
        const da = A[i]! - ca;
        const db = B[i]! - cb;
        const d = dl * dl + da * da + db * db + (x - cx) * (x - cx) * inv + dy2;
        if (d < dist[i]!) {
          dist[i] = d;
          labels[i] = k;
        }
      }
    }
  }
}

/** Moves every centre to the mean of its pixels (a centre left without pixels stays put). Sums run by run along rows. */
export function update(img: LabImage, c: Centers, labels: Int32Array): void {
  const { width: w, height: h, l: L, a: A, b: B } = img;
  const sum = new Float64Array(c.n * 6);
  for (let y = 0, i = 0; y < h; y++) {
    for (let x0 = 0; x0 < w; ) {
      const k = labels[i]!;
      let l = 0;
      let a = 0;
      let b = 0;
      let x = x0;
      for (; x < w && labels[i] === k; x++, i++) {
        l += L[i]!;
        a += A[i]!;
        b += B[i]!;
      }
      const o = k * 6;
      sum[o] += l;
      sum[o + 1] += a;
      sum[o + 2] += b;
      sum[o + 3] += ((x0 + x - 1) * (x - x0)) / 2; // x0 + … + (x - 1)
      sum[o + 4] += y * (x - x0);
      sum[o + 5] += x - x0;
      x0 = x;
    }
  }
  for (let k = 0; k < c.n; k++) {
    const o = k * 6;
    const n = sum[o + 5]!;
    if (n === 0) continue;
    [c.l[k], c.a[k], c.b[k], c.x[k], c.y[k]] = [sum[o]! / n, sum[o + 1]! / n, sum[o + 2]! / n, sum[o + 3]! / n, sum[o + 4]! / n];
  }
}

/**
 * `iterations` assignment passes over `img` from grid seeds, the centres updated between two,
 * labels into `labels`. Only the first pass searches every centre's window; after it, only pixels
 * next to another label can change (reassignBorders), which costs a fifth as much and measured as
 * well or better on CamVid and the synthetic tests (docs/bench-results.md).
 */
export function kmeans(img: LabImage, size: number, compactness: number, iterations: number, labels: Int32Array, dist: Float32Array): Centers {
  labels.fill(0);
  const centers = seedCenters(img, size);
  for (let it = 0; it < iterations; it++) {
    if (it === 0) assign(img, centers, size, compactness, labels, dist);
    else reassignBorders(img, centers, size, compactness, labels);
    if (it < iterations - 1) update(img, centers, labels);
  }
  return centers;
}

/** Appends centre `k` to the first `n` candidates unless it is there; returns the new length. */
export function addCandidate(cand: Int32Array, n: number, k: number): number {
  for (let j = 0; j < n; j++) if (cand[j] === k) return n;
  cand[n] = k;
  return n + 1;
}

/**
 * An assignment pass over the pixels next to another label only: each takes the nearest of the
 * centres of its own and its 4 neighbours' labels (in place, row by row, so a boundary can move
 * on by more than a pixel in one pass). A pixel inside a superpixel keeps its label.
 */
export function reassignBorders(img: LabImage, c: Centers, size: number, compactness: number, labels: Int32Array): void {
  const { width: w, height: h, l: L, a: A, b: B } = img;
  const inv = (compactness / size) ** 2;
  const { l: cL, a: cA, b: cB, x: cX, y: cY } = c;
  const cand = new Int32Array(5);
  for (let y = 0; y < h; y++) {
    for (let x = 0, i = y * w; x < w; x++, i++) {
      const k0 = labels[i]!;
      const left = x > 0 ? labels[i - 1]! : k0;
      const right = x + 1 < w ? labels[i + 1]! : k0;
      const up = y > 0 ? labels[i - w]! : k0;
      const down = y + 1 < h ? labels[i + w]! : k0;
      if (left === k0 && right === k0 && up === k0 && down === k0) continue;
      cand[0] = k0;
      const n = addCandidate(cand, addCandidate(cand, addCandidate(cand, addCandidate(cand, 1, left), right), up), down);
      const l = L[i]!;
      const a = A[i]!;
      const b = B[i]!;
      let best = Infinity;
      let pick = k0;
      for (let j = 0; j < n; j++) {
        const k = cand[j]!;
        const dl = l - cL[k]!;
        const da = a - cA[k]!;
        const db = b - cB[k]!;
        const dx = x - cX[k]!;
        const dy = y - cY[k]!;
        const d = dl * dl + da * da + db * db + (dx * dx + dy * dy) * inv;
        if (d < best) {
          best = d;
          pick = k;
        }
      }
      labels[i] = pick;
    }
  }
}

/** Centres of an image `factor` times smaller, in this image's pixel coordinates (pixel centres line up). */
export function scaleCenters(c: Centers, factor: number): void {
  for (let k = 0; k < c.n; k++) {
    c.x[k] = c.x[k]! * factor + (factor - 1) / 2;
    c.y[k] = c.y[k]! * factor + (factor - 1) / 2;
  }
}
