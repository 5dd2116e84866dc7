/**
 * Connectivity enforcement (SLIC's post-processing) over row runs, not pixels: runs of equal
 * labels are joined with a union-find when they touch vertically (4-connected), so every
 * connected component becomes its own superpixel, numbered 0… in raster order of first pixels.
 * A component smaller than `minSize` joins the superpixel of the pixel left of (or above) its
 * first pixel, so no superpixel is split and no fragment is left behind. Returns the final
 * runs (consecutive runs of one superpixel in a row merged) and the label image.
 */

export interface RowRuns {
  /** Runs of row y: rowStart[y]..rowStart[y+1]-1. */
  rowStart: Int32Array;
  x0: Int32Array;
  x1: Int32Array;
  /** Label of each run. */
  id: Int32Array;
}

/** Row runs of equal labels, rows top to bottom, runs left to right. */
export function rowRuns(labels: Int32Array, width: number, height: number): RowRuns {
  const x0s: number[] = [];
  const x1s: number[] = [];
  const ids: number[] = [];
  const rowStart = new Int32Array(height + 1);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = 0;
    let cur = labels[row]!;
    for (let x = 1; x < width; x++) {
      const k = labels[row + x]!;
      if (k === cur) continue;
      x0s.push(start);
      x1s.push(x - 1);
      ids.push(cur);
      start = x;
      cur = k;
    }
    x0s.push(start);
    x1s.push(width - 1);
    ids.push(cur);
    rowStart[y + 1] = ids.length;
  }
  return { rowStart, x0: Int32Array.from(x0s), x1: Int32Array.from(x1s), id: Int32Array.from(ids) };
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

export function enforceConnectivity(labels: Int32Array, width: number, height: number, minSize: number): { labels: Int32Array; count: number; runs: RowRuns } {
  const r = rowRuns(labels, width, height);
  const n = r.id.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  forEachVerticalTouch(r, height, (a, b) => {
    if (r.id[a] !== r.id[b]) return;
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb); // the root is the component's first run
  });
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[find(parent, i)] += r.x1[i]! - r.x0[i]! + 1;
  const final = new Int32Array(n).fill(-1); // superpixel of each root run
  const id = new Int32Array(n);
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
  return { ...mergedRuns(r, id, height), count, labels: paint(r, id, width, height) };
}

/** The runs with their final ids, neighbours of one superpixel in a row joined. */
function mergedRuns(r: RowRuns, id: Int32Array, height: number): { runs: RowRuns } {
  const x0s: number[] = [];
  const x1s: number[] = [];
  const ids: number[] = [];
  const rowStart = new Int32Array(height + 1);
  for (let y = 0; y < height; y++) {
    const first = ids.length;
    for (let i = r.rowStart[y]!; i < r.rowStart[y + 1]!; i++) {
      if (ids.length > first && ids[ids.length - 1] === id[i]) x1s[x1s.length - 1] = r.x1[i]!;
      else {
        x0s.push(r.x0[i]!);
        x1s.push(r.x1[i]!);
        ids.push(id[i]!);
      }
    }
    rowStart[y + 1] = ids.length;
  }
  return { runs: { rowStart, x0: Int32Array.from(x0s), x1: Int32Array.from(x1s), id: Int32Array.from(ids) } };
}

function paint(r: RowRuns, id: Int32Array, width: number, height: number): Int32Array {
  const out = new Int32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let i = r.rowStart[y]!; i < r.rowStart[y + 1]!; i++) out.fill(id[i]!, y * width + r.x0[i]!, y * width + r.x1[i]! + 1);
  }
  return out;
}
