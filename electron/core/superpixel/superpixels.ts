/**
 * Superpixels of one frame as plain typed arrays (posted from the worker with transfer lists):
 * the label image, each superpixel's pixels as row runs (painting one costs its runs, not a
 * scan of the frame), its mean Lab colour and its neighbours. computeSuperpixels runs the whole
 * pipeline: Lab, SLIC, connectivity, then the tables.
 */
import type { LabImage } from './lab.ts';
import { scratch } from './scratch.ts';
import { slicLabels, type SlicOptions } from './slic.ts';
import { enforceConnectivity, forEachVerticalTouch, type RowRuns } from './connectivity.ts';

export interface Superpixels {
  width: number;
  height: number;
  /** Number of superpixels; ids are 0..count-1. */
  count: number;
  /** Superpixel id of each pixel (width × height). */
  labels: Int32Array;
  /** Mean L, a, b of each superpixel (3 per id). */
  means: Float32Array;
  /** Runs of superpixel k: runs[3r..3r+2] = (y, x0, x1 inclusive) for r in runStart[k]..runStart[k+1]-1. */
  runStart: Int32Array;
  runs: Int32Array;
  /** Neighbours (4-connected) of superpixel k: adj[adjStart[k]..adjStart[k+1]-1], ascending. */
  adjStart: Int32Array;
  adj: Int32Array;
}

export type SuperpixelOptions = SlicOptions;

/** The runs grouped by superpixel (CSR): two passes, count then fill. */
function groupRuns(r: RowRuns, height: number, count: number): { runStart: Int32Array; runs: Int32Array } {
  const runStart = new Int32Array(count + 1);
  for (let i = 0; i < r.id.length; i++) runStart[r.id[i]! + 1]!++;
  for (let k = 0; k < count; k++) runStart[k + 1]! += runStart[k]!;
  const runs = new Int32Array(runStart[count]! * 3);
  const fill = runStart.slice(0, count);
  for (let y = 0; y < height; y++) {
    for (let i = r.rowStart[y]!; i < r.rowStart[y + 1]!; i++) {
      const o = fill[r.id[i]!]!++ * 3;
      runs[o] = y;
      runs[o + 1] = r.x0[i]!;
      runs[o + 2] = r.x1[i]!;
    }
  }
  return { runStart, runs };
}

/** Sorts a[from..to-1] ascending (a neighbour list: a handful of ids). */
function sortSmall(a: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = a[i]!;
    let j = i - 1;
    for (; j >= from && a[j]! > v; j--) a[j + 1] = a[j]!;
    a[j + 1] = v;
  }
}

/**
 * Pairs of touching superpixels (side by side in a row, or sharing a column across rows), as a
 * symmetric CSR table: the pairs are bucketed by their first superpixel (a counting sort), then
 * each bucket drops repeats and is sorted.
 */
function buildAdjacency(r: RowRuns, height: number, count: number): { adjStart: Int32Array; adj: Int32Array } {
  const cap = 6 * r.id.length + 2;
  const from = scratch('adj.from', cap, Int32Array);
  const to = scratch('adj.to', cap, Int32Array);
  let n = 0;
  // the last neighbour paired with each superpixel: skips most repeats before the buckets
  const last = scratch('adj.last', count, Int32Array).fill(-1, 0, count);
  const pair = (a: number, b: number): void => {
    if (a === b || last[a] === b) return;
    last[a] = b;
    from[n] = a;
    to[n++] = b;
    from[n] = b;
    to[n++] = a;
  };
  for (let y = 0; y < height; y++) {
    for (let i = r.rowStart[y]! + 1; i < r.rowStart[y + 1]!; i++) pair(r.id[i - 1]!, r.id[i]!);
  }
  forEachVerticalTouch(r, height, (a, b) => pair(r.id[a]!, r.id[b]!));
  const start = scratch('adj.start', count + 1, Int32Array).fill(0, 0, count + 1);
  for (let i = 0; i < n; i++) start[from[i]! + 1]!++;
  for (let k = 0; k < count; k++) start[k + 1]! += start[k]!;
  const bucket = scratch('adj.bucket', n, Int32Array);
  const fill = scratch('adj.fill', count, Int32Array).fill(0, 0, count);
  for (let i = 0; i < n; i++) bucket[start[from[i]!]! + fill[from[i]!]!++] = to[i]!;
  const seen = last.fill(-1, 0, count); // seen[b] === a: b is already a neighbour of a
  const adjStart = new Int32Array(count + 1);
  let m = 0;
  for (let a = 0; a < count; a++) {
    for (let j = start[a]!; j < start[a + 1]!; j++) {
      const b = bucket[j]!;
      if (seen[b] === a) continue;
      seen[b] = a;
      bucket[m++] = b; // m ≤ j: compacting in place
    }
    sortSmall(bucket, adjStart[a]!, m);
    adjStart[a + 1] = m;
  }
  return { adjStart, adj: bucket.slice(0, m) };
}

function meanLab(img: LabImage, r: RowRuns, count: number): Float32Array {
  const sum = new Float64Array(count * 4);
  for (let y = 0; y < img.height; y++) {
    for (let i = r.rowStart[y]!; i < r.rowStart[y + 1]!; i++) {
      const o = r.id[i]! * 4;
      const end = y * img.width + r.x1[i]!;
      let l = 0;
      let a = 0;
      let b = 0;
      for (let p = y * img.width + r.x0[i]!; p <= end; p++) {
        l += img.l[p]!;
        a += img.a[p]!;
        b += img.b[p]!;
      }
      sum[o] += l;
      sum[o + 1] += a;
      sum[o + 2] += b;
      sum[o + 3] += r.x1[i]! - r.x0[i]! + 1;
    }
  }
  const means = new Float32Array(count * 3);
  for (let k = 0; k < count; k++) {
    const n = Math.max(1, sum[k * 4 + 3]!);
    for (let c = 0; c < 3; c++) means[k * 3 + c] = sum[k * 4 + c]! / n;
  }
  return means;
}

/** Superpixels of an RGBA frame; fragments under a quarter of size² join a neighbour. */
export function computeSuperpixels(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, opts: SuperpixelOptions): Superpixels {
  if (!(width > 0 && height > 0)) throw new RangeError(`superpixels: bad size ${width}×${height}`);
  if (!(opts.size >= 2)) throw new RangeError(`superpixels: size must be at least 2 (got ${opts.size})`);
  const slic = slicLabels(rgba, width, height, opts);
  const { labels, count, runs } = enforceConnectivity(slic.labels, width, height, Math.max(1, Math.floor((opts.size * opts.size) / 4)));
  return { width, height, count, labels, means: meanLab(slic.lab, runs, count), ...groupRuns(runs, height, count), ...buildAdjacency(runs, height, count) };
}

/** Every typed array of `sp` (a worker's transfer list). */
export function superpixelBuffers(sp: Superpixels): ArrayBuffer[] {
  return [sp.labels, sp.means, sp.runStart, sp.runs, sp.adjStart, sp.adj].map((a) => a.buffer as ArrayBuffer);
}
