/**
 * SLIC superpixels (Achanta et al., 2012) over a Lab image: k-means on (L, a, b, x, y) with each
 * centre searching only a 2S × 2S window, so a pass costs about 4 distance evaluations a pixel.
 * Distance: ΔLab² + (Δxy · m / S)², m the compactness. Coarse to fine (S ≥ 8): the iterations
 * run on the image halved (box filter, a quarter of the work), then a full-resolution pass
 * re-decides every pixel near a coarse boundary among the centres around it, so boundaries are
 * placed at full resolution. Pixels far in colour from every centre near them (a pole thinner
 * than a coarse pixel) are split off as outliers. Labels are not yet connected: see connectivity.ts.
 */
import type { LabImage } from './lab.ts';

export interface SlicOptions {
  /** Superpixel side in pixels (the seed grid's step S). */
  size: number;
  /** Colour against space: Lab units per S of distance; default 10 (the paper's choice). */
  compactness?: number;
  /** k-means passes (at half resolution when coarse to fine); default 3. */
  iterations?: number;
  /**
   * Pixels farther than this ΔE from their centre's colour get a label of their own (split off
   * by connectivity if large enough): thin structures such as poles no centre settled on; default 25.
   */
  outlier?: number;
}

interface Centers {
  n: number;
  l: Float32Array;
  a: Float32Array;
  b: Float32Array;
  x: Float32Array;
  y: Float32Array;
}

/** Grid seeds, each moved to the lowest Lab gradient of its 3 × 3 neighbourhood. */
function seedCenters(img: LabImage, size: number): Centers {
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
 * Relabels pixels far in colour from their centre as outliers: one label per tile of 4S × 4S
 * (after every centre index), so a thin structure crossing several superpixels stays one piece
 * within a tile, and textured areas cannot join into one huge superpixel. Returns the label bound.
 */
function splitOutliers(img: LabImage, c: Centers, size: number, labels: Int32Array, outlier: number): number {
  const t2 = outlier * outlier;
  const { width: w, l: L, a: A, b: B } = img;
  const tile = Math.max(1, Math.round(4 * size));
  const tilesX = Math.ceil(w / tile);
  for (let i = 0; i < labels.length; i++) {
    const k = labels[i]!;
    const dl = L[i]! - c.l[k]!;
    const da = A[i]! - c.a[k]!;
    const db = B[i]! - c.b[k]!;
    if (dl * dl + da * da + db * db > t2) labels[i] = c.n + Math.floor(Math.floor(i / w) / tile) * tilesX + Math.floor((i % w) / tile);
  }
  return c.n + tilesX * Math.ceil(img.height / tile);
}

/** One assignment pass: each pixel takes the nearest centre among those whose window covers it. */
function assign(img: LabImage, c: Centers, size: number, compactness: number, labels: Int32Array, dist: Float32Array): void {
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

/** Moves every centre to the mean of its pixels (a centre left without pixels stays put). */
function update(img: LabImage, c: Centers, labels: Int32Array): void {
  const { width: w, height: h, l: L, a: A, b: B } = img;
  const sum = new Float64Array(c.n * 6);
  for (let y = 0, i = 0; y < h; y++) {
    for (let x = 0; x < w; x++, i++) {
      const o = labels[i]! * 6;
      sum[o] += L[i]!;
      sum[o + 1] += A[i]!;
      sum[o + 2] += B[i]!;
      sum[o + 3] += x;
      sum[o + 4] += y;
      sum[o + 5]++;
    }
  }
  for (let k = 0; k < c.n; k++) {
    const o = k * 6;
    const n = sum[o + 5]!;
    if (n === 0) continue;
    [c.l[k], c.a[k], c.b[k], c.x[k], c.y[k]] = [sum[o]! / n, sum[o + 1]! / n, sum[o + 2]! / n, sum[o + 3]! / n, sum[o + 4]! / n];
  }
}

/** The image halved by a 2 × 2 box filter (odd edges repeat their last pixel). */
export function halveLab(img: LabImage): LabImage {
  const w = Math.ceil(img.width / 2);
  const h = Math.ceil(img.height / 2);
  const out: LabImage = { width: w, height: h, l: new Float32Array(w * h), a: new Float32Array(w * h), b: new Float32Array(w * h) };
  const W = img.width;
  const plane = (src: Float32Array, dst: Float32Array): void => {
    for (let y = 0; y < h; y++) {
      const r0 = 2 * y * W;
      const r1 = Math.min(2 * y + 1, img.height - 1) * W;
      for (let x = 0; x < w; x++) {
        const x0 = 2 * x;
        const x1 = Math.min(2 * x + 1, W - 1);
        dst[y * w + x] = (src[r0 + x0]! + src[r0 + x1]! + src[r1 + x0]! + src[r1 + x1]!) * 0.25;
      }
    }
  };
  plane(img.l, out.l);
  plane(img.a, out.a);
  plane(img.b, out.b);
  return out;
}

/**
 * The final full-resolution assignment from the half-resolution one: a pixel whose coarse pixel
 * has the same label in all its 3 × 3 neighbourhood keeps it; any other pixel takes the nearest
 * of the centres found in that neighbourhood (the boundary moves by at most a coarse pixel).
 */
function refine(img: LabImage, c: Centers, size: number, compactness: number, coarse: Int32Array, cw: number, ch: number, labels: Int32Array): void {
  const { width: w, height: h, l: L, a: A, b: B } = img;
  const inv = (compactness / size) ** 2;
  const cand = new Int32Array(9);
  for (let hy = 0; hy < ch; hy++) {
    const rows = [Math.max(0, hy - 1) * cw, hy * cw, Math.min(ch - 1, hy + 1) * cw];
    const yEnd = Math.min(h - 1, 2 * hy + 1);
    for (let hx = 0; hx < cw; hx++) {
      const xl = Math.max(0, hx - 1);
      const xr = Math.min(cw - 1, hx + 1);
      let n = 0;
      for (let r = 0; r < 3; r++) {
        for (let q = rows[r]! + xl; q <= rows[r]! + xr; q++) {
          const k = coarse[q]!;
          let j = 0;
          while (j < n && cand[j] !== k) j++;
          if (j === n) cand[n++] = k;
        }
      }
      const xEnd = Math.min(w - 1, 2 * hx + 1);
      for (let y = 2 * hy; y <= yEnd; y++) {
        for (let x = 2 * hx, i = y * w + x; x <= xEnd; x++, i++) {
          let best = Infinity;
          let pick = cand[0]!;
          for (let j = 0; n > 1 && j < n; j++) {
            const k = cand[j]!;
            const dl = L[i]! - c.l[k]!;
            const da = A[i]! - c.a[k]!;
            const db = B[i]! - c.b[k]!;
            const dx = x - c.x[k]!;
            const dy = y - c.y[k]!;
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
  }
}

/** SLIC labels (centre indices, then outlier labels; not yet connected) and their bound. */
export function slicLabels(img: LabImage, opts: SlicOptions): { labels: Int32Array; count: number } {
  const size = Math.max(2, opts.size);
  const m = opts.compactness ?? 10;
  const iterations = Math.max(1, Math.round(opts.iterations ?? 3));
  const labels = new Int32Array(img.width * img.height);
  if (size >= 8 && iterations > 1 && img.width >= 16 && img.height >= 16) {
    const half = halveLab(img);
    const hl = new Int32Array(half.width * half.height);
    const hd = new Float32Array(hl.length);
    const centers = seedCenters(half, size / 2);
    for (let it = 0; it < iterations; it++) {
      assign(half, centers, size / 2, m, hl, hd);
      if (it < iterations - 1) update(half, centers, hl);
    }
    for (let k = 0; k < centers.n; k++) {
      centers.x[k] = centers.x[k]! * 2 + 0.5;
      centers.y[k] = centers.y[k]! * 2 + 0.5;
    }
    refine(img, centers, size, m, hl, half.width, half.height, labels);
    return { labels, count: splitOutliers(img, centers, size, labels, opts.outlier ?? 25) };
  }
  const dist = new Float32Array(labels.length);
  const centers = seedCenters(img, size);
  for (let it = 0; it < iterations; it++) {
    assign(img, centers, size, m, labels, dist);
    if (it < iterations - 1) update(img, centers, labels);
  }
  return { labels, count: splitOutliers(img, centers, size, labels, opts.outlier ?? 25) };
}
