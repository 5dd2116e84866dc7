/**
 * Connectivity enforcement (SLIC's post-processing) over row runs, not pixels: runs of equal
 * labels are joined with a union-find when they touch vertically (4-connected), so every
 * connected component becomes its own superpixel, numbered 0… in raster order of first pixels.
 * A component smaller than `minSize` joins the superpixel of the pixel left of (or above) its
 * first pixel, so no superpixel is split and no fragment is left behind. Returns the final
 * runs (consecutive runs of one superpixel in a row merged) and the label image.
 * Working arrays and the returned runs are scratch buffers (see scratch.ts), valid until the next
 * call; the label image is fresh.
 */
import { scratch } from './scratch.ts';

export interface RowRuns {
  /** Runs of row y: rowStart[y]..rowStart[y+1]-1. */
  rowStart: Int32Array;
  x0: Int32Array;
  x1: Int32Array;
  /** Label of each run. */
  id: Int32Array;
}

/** Room for `need` runs in the three run arrays of `name`, keeping the first `keep`. */
function runArrays(name: string, need: number, keep: number, old?: RowRuns): Pick<RowRuns, 'x0' | 'x1' | 'id'> {
  const make = (part: string, prev?: Int32Array): Int32Array => {
    const a = scratch(`${name}.${part}`, need, Int32Array);
    if (prev && prev.buffer !== a.buffer) a.set(prev.subarray(0, keep));
    return a;
  };
  return { x0: make('x0', old?.x0), x1: make('x1', old?.x1), id: make('id', old?.id) };
}

/** The arrays cut to `n` runs. */
function cut(r: RowRuns, n: number): RowRuns {
  return { rowStart: r.rowStart, x0: r.x0.subarray(0, n), x1: r.x1.subarray(0, n), id: r.id.subarray(0, n) };
}

/** Row runs of equal labels, rows top to bottom, runs left to right. */
export function rowRuns(labels: Int32Array, width: number, height: number): RowRuns {
  const rowStart = new Int32Array(height + 1);
  let r: RowRuns = { rowStart, ...runArrays('runs', Math.max(1024, (width * height) >> 3), 0) };
  let n = 0;
  for (let y = 0; y < height; y++) {
    if (r.id.length < n + width) r = { rowStart, ...runArrays('runs', 2 * (n + width), n, r) };
    const { x0, x1, id } = r;
    const row = y * width;
    let cur = labels[row]!;
    x0[n] = 0;
    for (let x = 1; x < width; x++) {
      const k = labels[row + x]!;
      if (k === cur) continue;
      x1[n] = x - 1;
      id[n++] = cur;
      x0[n] = x;
      cur = k;
    }
    x1[n] = width - 1;
    id[n++] = cur;
    rowStart[y + 1] = n;
  }
  return cut(r, n);
}

/** Calls fn(a, b) for each pair of runs in rows y and y + 1 that share a column. */
export function forEachVerticalTouch(r: RowRuns, height: number, fn: (a: number, b: number) => void): void {
  for (let y = 0; y + 1 < height; y++) {
    let a = r.rowStart[y]!;
    let b = r.rowStart[y + 1]!;
    const aEnd = r.rowStart[y + 1]!;
    const bEnd = r.rowStart[y + 2]!;
    while (a < aEnd && b < bEnd) {
      if (r.x0[a]! <= r.x1[b]! && r.x0[b]! <= r.x1[a]!) fn(a, b);
      if (r.x1[a]! < r.x1[b]!) a++;
      else b++;
    }
  }
}

function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/** The superpixel of each run: union-find over vertically touching runs of one label, small components folded. */
function componentIds(r: RowRuns, height: number, minSize: number): { id: Int32Array; count: number } {
  const n = r.id.length;
  const parent = scratch('conn.parent', n, Int32Array);
  for (let i = 0; i < n; i++) parent[i] = i;
  forEachVerticalTouch(r, height, (a, b) => {
    if (r.id[a] !== r.id[b]) return;
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb); // the root is the component's first run
  });
  const size = scratch('conn.size', n, Int32Array).fill(0, 0, n);
  for (let i = 0; i < n; i++) size[find(parent, i)] += r.x1[i]! - r.x0[i]! + 1;
  const final = scratch('conn.final', n, Int32Array).fill(-1, 0, n); // superpixel of each root run
  const id = scratch('conn.id', n, Int32Array).subarray(0, n);
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let i = r.rowStart[y]!; i < r.rowStart[y + 1]!; i++) {
      const root = find(parent, i);
      if (final[root]! < 0) {
        // the first run of a component: the pixel left of it, else above it, is already numbered
        const before = i > r.rowStart[y]! ? id[i - 1]! : y > 0 ? id[r.rowStart[y - 1]!]! : -1;
        final[root] = size[root]! < minSize && before >= 0 ? before : count++;
      }
      id[i] = final[root]!;
    }
  }
  return { id, count };
}

export function enforceConnectivity(labels: Int32Array, width: number, height: number, minSize: number): { labels: Int32Array; count: number; runs: RowRuns } {
  const r = rowRuns(labels, width, height);
  const { id, count } = componentIds(r, height, minSize);
  const runs = mergedRuns(r, id, height);
  return { runs, count, labels: paint(runs, width, height) };
}

/** The runs with their final ids, neighbours of one superpixel in a row joined. */
function mergedRuns(r: RowRuns, id: Int32Array, height: number): RowRuns {
  const rowStart = new Int32Array(height + 1);
  const { x0, x1, id: ids } = runArrays('merged', r.id.length, 0);
  let n = 0;
  for (let y = 0; y < height; y++) {
    const first = n;
    for (let i = r.rowStart[y]!; i < r.rowStart[y + 1]!; i++) {
      if (n > first && ids[n - 1] === id[i]) x1[n - 1] = r.x1[i]!;
      else {
        x0[n] = r.x0[i]!;
        x1[n] = r.x1[i]!;
        ids[n++] = id[i]!;
      }
    }
    rowStart[y + 1] = n;
  }
  return cut({ rowStart, x0, x1, id: ids }, n);
}

function paint(r: RowRuns, width: number, height: number): Int32Array {
  const out = new Int32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let i = r.rowStart[y]!; i < r.rowStart[y + 1]!; i++) {
      const k = r.id[i]!;
      for (let p = y * width + r.x0[i]!, end = y * width + r.x1[i]!; p <= end; p++) out[p] = k;
    }
  }
  return out;
}
