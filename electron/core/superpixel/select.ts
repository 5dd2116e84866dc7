/**
 * What the superpixel tool paints: the superpixel under a point, the superpixels a brush touches,
 * a connected run of similar superpixels, and the spans (pixels) of a set of superpixels.
 *
 * Similarity (Shift-click): a neighbour joins the run when its mean colour is within
 * SIMILAR_DELTA_E of the clicked superpixel's mean, as CIE76 ΔE (Euclidean distance in L*a*b*;
 * about 2.3 is a just-noticeable difference). The run grows breadth-first over touching
 * superpixels, always compared with the clicked one, so it cannot drift along a gradient.
 */
import { SpanList } from '../edit/spans.ts';
import type { Superpixels } from './superpixels.ts';

export const SIMILAR_DELTA_E = 12;
/** Largest run a Shift-click fills (a guard against flooding the whole frame). */
export const MAX_RUN = 4096;

/** Superpixel id at a (continuous) pixel position, or -1 outside. */
export function superpixelAt(sp: Superpixels, x: number, y: number): number {
  const xi = Math.floor(x);
  const yi = Math.floor(y);
  if (xi < 0 || yi < 0 || xi >= sp.width || yi >= sp.height) return -1;
  return sp.labels[yi * sp.width + xi]!;
}

export function deltaE(sp: Superpixels, p: number, q: number): number {
  const m = sp.means;
  return Math.hypot(m[p * 3]! - m[q * 3]!, m[p * 3 + 1]! - m[q * 3 + 1]!, m[p * 3 + 2]! - m[q * 3 + 2]!);
}

/** The clicked superpixel and every superpixel reachable from it through neighbours within `threshold` ΔE of it. */
export function similarRun(sp: Superpixels, seed: number, threshold = SIMILAR_DELTA_E, maxRun = MAX_RUN): number[] {
  if (seed < 0 || seed >= sp.count) return [];
  const seen = new Set([seed]);
  const out = [seed];
  for (let head = 0; head < out.length && out.length < maxRun; head++) {
    const k = out[head]!;
    for (let j = sp.adjStart[k]!; j < sp.adjStart[k + 1]!; j++) {
      const q = sp.adj[j]!;
      if (seen.has(q)) continue;
      seen.add(q);
      if (deltaE(sp, seed, q) <= threshold && out.length < maxRun) out.push(q);
    }
  }
  return out;
}

/** Superpixels covered by `spans` that are not in `taken` (added to it), in order of discovery. */
export function superpixelsUnder(sp: Superpixels, spans: SpanList, taken: Set<number>): number[] {
  const found: number[] = [];
  spans.forEach((y, x0, x1) => {
    const row = y * sp.width;
    let prev = -1;
    for (let x = x0; x <= x1; x++) {
      const k = sp.labels[row + x]!;
      if (k === prev) continue;
      prev = k;
      if (!taken.has(k)) {
        taken.add(k);
        found.push(k);
      }
    }
  });
  return found;
}

/** The pixels of superpixels `ids` as spans. */
export function superpixelSpans(sp: Superpixels, ids: Iterable<number>): SpanList {
  const out = new SpanList(sp.width, sp.height);
  for (const k of ids) {
    if (k < 0 || k >= sp.count) continue;
    for (let r = sp.runStart[k]!; r < sp.runStart[k + 1]!; r++) out.add(sp.runs[r * 3]!, sp.runs[r * 3 + 1]!, sp.runs[r * 3 + 2]!);
  }
  return out;
}
