/**
 * The two standard measures of superpixel quality against a ground-truth label map (one class or
 * segment id per pixel), both with an ignored value (CamVid's void) left out:
 * - boundary recall: the share of ground-truth boundary pixels that have a superpixel boundary
 *   within `tolerance` pixels (Chebyshev distance). Higher is better; it rises with the number of
 *   superpixels, so compare at equal counts.
 * - undersegmentation error (Neubert & Protzel, 2012): Σ over ground-truth regions G and the
 *   superpixels S overlapping them of min(|S ∩ G|, |S \ G|), over the pixels counted: how much of
 *   the superpixels leaks across true boundaries. Lower is better.
 * A pixel is on a boundary when its right or lower neighbour has another id (one pixel thick).
 */

export interface QualityOptions {
  /** Boundary recall's tolerance in pixels; default 2 (the usual choice for images of about 480 × 360). */
  tolerance?: number;
  /** A ground-truth value left out of both measures (void); default none. */
  ignore?: number;
}

export interface Quality {
  boundaryRecall: number;
  undersegmentationError: number;
}

type Ids = ArrayLike<number>;

/** 1 where the pixel's right or lower neighbour has another id (pairs that touch `ignore` left out). */
function boundaryMap(ids: Ids, width: number, height: number, ignore: number): Uint8Array {
  const out = new Uint8Array(width * height);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const k = ids[i]!;
      if (k === ignore) continue;
      const right = x + 1 < width && ids[i + 1] !== k && ids[i + 1] !== ignore;
      const down = y + 1 < height && ids[i + width] !== k && ids[i + width] !== ignore;
      if (right || down) out[i] = 1;
    }
  }
  return out;
}

/** The map dilated by a (2r + 1)² square: rows, then columns. */
function dilate(map: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const rows = new Uint8Array(map.length);
  for (let y = 0; y < height; y++) {
    const o = y * width;
    for (let x = 0, last = -Infinity; x < width; x++) {
      if (map[o + x]) last = x;
      if (x - last <= r) rows[o + x] = 1;
    }
    for (let x = width - 1, next = Infinity; x >= 0; x--) {
      if (map[o + x]) next = x;
      if (next - x <= r) rows[o + x] = 1;
    }
  }
  const out = new Uint8Array(map.length);
  for (let y = 0; y < height; y++) {
    for (let d = -r; d <= r; d++) {
      const yy = y + d;
      if (yy < 0 || yy >= height) continue;
      for (let x = 0; x < width; x++) out[y * width + x] |= rows[yy * width + x]!;
    }
  }
  return out;
}

export function boundaryRecall(labels: Ids, truth: Ids, width: number, height: number, opts: QualityOptions = {}): number {
  const ignore = opts.ignore ?? -1;
  const want = boundaryMap(truth, width, height, ignore);
  const near = dilate(boundaryMap(labels, width, height, -1), width, height, Math.max(0, Math.round(opts.tolerance ?? 2)));
  let hit = 0;
  let total = 0;
  for (let i = 0; i < want.length; i++) {
    if (!want[i]) continue;
    total++;
    hit += near[i]!;
  }
  return total === 0 ? 1 : hit / total;
}

export function undersegmentationError(labels: Ids, count: number, truth: Ids, opts: QualityOptions = {}): number {
  const ignore = opts.ignore ?? -1;
  let classes = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] !== ignore) classes = Math.max(classes, truth[i]! + 1);
  const overlap = new Int32Array(count * classes);
  const size = new Int32Array(count);
  let n = 0;
  for (let i = 0; i < labels.length; i++) {
    const g = truth[i]!;
    if (g === ignore) continue;
    overlap[labels[i]! * classes + g]!++;
    size[labels[i]!]!++;
    n++;
  }
  let leak = 0;
  for (let k = 0; k < count; k++) {
    for (let g = 0; g < classes; g++) {
      const inside = overlap[k * classes + g]!;
      if (inside > 0) leak += Math.min(inside, size[k]! - inside);
    }
  }
  return n === 0 ? 0 : leak / n;
}

export function superpixelQuality(labels: Ids, count: number, truth: Ids, width: number, height: number, opts: QualityOptions = {}): Quality {
  return { boundaryRecall: boundaryRecall(labels, truth, width, height, opts), undersegmentationError: undersegmentationError(labels, count, truth, opts) };
}
