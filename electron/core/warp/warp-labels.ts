/**
 * The one nearest-neighbour label warp (engine TC metrics, the flicker overlay): backward warping
 * out(x) = src(x + s·f(x)), with s = +1 for a flow from the output frame to the source frame and
 * s = -1 for a flow the other way (the usual backward approximation of a forward field).
 *
 * The flow may be smaller than the label map (a flow grid at a reduced size): each pixel takes the
 * vector of the flow cell it lies in, scaled to label-map pixels. Displacements are rounded once
 * per flow cell into a WarpTable, so the per-pixel loop only copies runs of columns whose cells share
 * one offset. With a flow of the label map's size this is exactly
 * out(x) = src(round(x + s·f(x))). Samples that fall outside the image get `fill` (default 255,
 * void).
 */
import type { FlowField, LabelMap } from '../types.ts';

/** Whole-pixel displacements of a flow grid on a label grid of a given size. */
export interface WarpTable {
  /** Per flow cell: integer dx, dy in label-map pixels. */
  dx: Int32Array;
  dy: Int32Array;
  /** Per label column: the flow cell column; per label row: the first flow cell of its flow row. */
  col: Int32Array;
  row: Int32Array;
  /** Per label column: the end (exclusive) of the run of columns in the same flow cell. */
  colEnd: Int32Array;
}

export interface WarpTableOptions {
  /** Sample along -f instead of +f (the flow goes from the source frame to the output frame). */
  negate?: boolean;
  /** A table from an earlier call, refilled in place when its sizes match. */
  reuse?: WarpTable;
}

export function warpTable(width: number, height: number, flow: FlowField, opts: WarpTableOptions = {}): WarpTable {
  const { width: fw, height: fh, data } = flow;
  const n = fw * fh;
  const r = opts.reuse;
  const t = r && r.dx.length === n && r.col.length === width && r.row.length === height ? r : { dx: new Int32Array(n), dy: new Int32Array(n), col: new Int32Array(width), row: new Int32Array(height), colEnd: new Int32Array(width) };
  const s = opts.negate ? -1 : 1;
  const kx = (s * width) / fw;
  const ky = (s * height) / fh;
  for (let c = 0; c < n; c++) {
    t.dx[c] = Math.floor(0.5 + data[2 * c]! * kx);
    t.dy[c] = Math.floor(0.5 + data[2 * c + 1]! * ky);
  }
  for (let x = 0; x < width; x++) t.col[x] = Math.min(fw - 1, Math.floor((x * fw) / width));
  for (let y = 0; y < height; y++) t.row[y] = fw * Math.min(fh - 1, Math.floor((y * fh) / height));
  for (let x = width - 1; x >= 0; x--) t.colEnd[x] = x + 1 < width && t.col[x + 1] === t.col[x] ? t.colEnd[x + 1]! : x + 1;
  return t;
}

export interface WarpLabelsOptions {
  /** Label written where the sample falls outside the image. Default 255. */
  fill?: number;
  /** Output buffer, width*height; allocated when absent. Must not alias src. */
  out?: Uint8Array;
}

/** Warps `src` along a flow (sampled along +f) or along a prepared table of the label map's size. */
export function warpLabels(src: LabelMap, motion: FlowField | WarpTable, opts: WarpLabelsOptions = {}): LabelMap {
  const { width: w, height: h } = src;
  const n = w * h;
  const out = opts.out ?? new Uint8Array(n);
  if (out.length < n) throw new RangeError('warpLabels: out buffer too small');
  if (out === src.data) throw new RangeError('warpLabels: out must not alias the source');
  const t = 'dx' in motion ? motion : warpTable(w, h, motion);
  if (t.col.length !== w || t.row.length !== h) throw new RangeError(`warpLabels: table for ${t.col.length}×${t.row.length}, labels ${w}×${h}`);
  const fill = opts.fill ?? 255;
  const s = src.data;
  const { dx, dy, col, row, colEnd } = t;
  for (let y = 0; y < h; y++) {
    const r = row[y]!;
    const o = y * w;
    for (let x = 0; x < w; ) {
      const c = r + col[x]!;
      const d = dx[c]!;
      const e = dy[c]!;
      // Neighbouring cells with the same whole-pixel offset extend the run.
      let x1 = colEnd[x]!;
      while (x1 < w && dx[r + col[x1]!] === d && dy[r + col[x1]!] === e) x1 = colEnd[x1]!;
      const py = y + e;
      // Columns [lo, hi) of this run sample inside the image; the rest get the fill label.
      const inside = py >= 0 && py < h;
      const lo = inside ? Math.min(x1, Math.max(x, -d)) : x1;
      const hi = inside ? Math.max(lo, Math.min(x1, w - d)) : x1;
      const po = py * w + d;
      for (let i = x; i < lo; i++) out[o + i] = fill;
      if (hi - lo > 16) out.set(s.subarray(po + lo, po + hi), o + lo);
      else for (let i = lo; i < hi; i++) out[o + i] = s[po + i]!;
      for (let i = hi; i < x1; i++) out[o + i] = fill;
      x = x1;
    }
  }
  return { width: w, height: h, data: out };
}
