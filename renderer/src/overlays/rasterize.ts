/**
 * Overlay rasterization (pure, typed arrays, no DOM; class colours: core/palette.ts): class
 * disagreement between two label maps, label flips against the flow-warped previous frame,
 * confidence heat. Every function writes into a caller-owned `out` buffer (reused across
 * frames) and returns how many pixels it marked where that is useful.
 */
import { viridis } from './viridis.ts';

/** Packs an [r, g, b, a] colour as the Uint32 a little-endian RGBA buffer holds. */
export function packRgba(r: number, g: number, b: number, a: number): number {
  return ((a & 255) << 24) | ((b & 255) << 16) | ((g & 255) << 8) | (r & 255);
}

/** Rows [top, bottom) that hold every marked pixel of a mask (top = bottom when none). */
export interface RowSpan {
  top: number;
  bottom: number;
}

/**
 * Marks pixels where `a` and `b` differ with `color` (packed), others transparent; returns the
 * count. Clears `out` with one fill, then compares four labels per 32-bit word and looks at single
 * pixels only inside words that differ (class disagreement is sparse). `rows` (optional, needs
 * `width`) receives the rows that hold marks.
 */
export function diffMask(a: Uint8Array, b: Uint8Array, out: Uint8ClampedArray, color: number, ignoreIndex = 255, rows?: RowSpan, width = 1): number {
  if (a.length !== b.length) throw new RangeError(`diffMask: ${a.length} vs ${b.length} pixels`);
  const len = a.length;
  const out32 = new Uint32Array(out.buffer, out.byteOffset, len);
  out32.fill(0);
  const aligned = a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0;
  const words = aligned ? len >>> 2 : 0;
  const a32 = aligned ? new Uint32Array(a.buffer, a.byteOffset, words) : new Uint32Array(0);
  const b32 = aligned ? new Uint32Array(b.buffer, b.byteOffset, words) : new Uint32Array(0);
  let n = 0;
  let first = -1;
  let last = -1;
  for (let w = 0; w < words; w++) {
    if (a32[w] === b32[w]) continue;
    const i0 = w << 2;
    for (let i = i0; i < i0 + 4; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x !== y && x !== ignoreIndex && y !== ignoreIndex) {
        out32[i] = color;
        if (n++ === 0) first = i;
        last = i;
      }
    }
  }
  for (let i = words << 2; i < len; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && x !== ignoreIndex && y !== ignoreIndex) {
      out32[i] = color;
      if (n++ === 0) first = i;
      last = i;
    }
  }
  if (rows) {
    rows.top = n ? Math.floor(first / width) : 0;
    rows.bottom = n ? Math.floor(last / width) + 1 : 0;
  }
  return n;
}

/**
 * Whole-pixel displacement of each flow cell (pure): flow is the reduced-size field from frame
 * t-1 to t (x-flow-scale = frame width / flow width); pixel x of frame t takes prev(x - f(x))
 * rounded to the nearest pixel, the usual backward approximation of a forward field. Computed once
 * per flow cell, so the per-pixel loops below only add integers.
 */
export interface WarpTable {
  /** Per flow cell: integer dx, dy. */
  dx: Int32Array;
  dy: Int32Array;
  /** Per frame column / row: the flow cell column / the first cell of the flow row. */
  col: Int32Array;
  row: Int32Array;
  /** Per frame column: the end (exclusive) of the run of columns in the same flow cell. */
  colEnd: Int32Array;
}

export function warpTable(width: number, height: number, flow: Float32Array, fw: number, fh: number, reuse?: WarpTable): WarpTable {
  const n = fw * fh;
  const t = reuse && reuse.dx.length === n && reuse.col.length === width && reuse.row.length === height ? reuse : { dx: new Int32Array(n), dy: new Int32Array(n), col: new Int32Array(width), row: new Int32Array(height), colEnd: new Int32Array(width) };
  const kx = width / fw;
  const ky = height / fh;
  for (let c = 0; c < n; c++) {
    t.dx[c] = Math.floor(0.5 - flow[2 * c]! * kx);
    t.dy[c] = Math.floor(0.5 - flow[2 * c + 1]! * ky);
  }
  for (let x = 0; x < width; x++) t.col[x] = Math.min(fw - 1, Math.floor((x * fw) / width));
  for (let y = 0; y < height; y++) t.row[y] = fw * Math.min(fh - 1, Math.floor((y * fh) / height));
  for (let x = width - 1; x >= 0; x--) t.colEnd[x] = x + 1 < width && t.col[x + 1] === t.col[x] ? t.colEnd[x + 1]! : x + 1;
  return t;
}

/**
 * Flicker in one pass: pixels whose label differs from the flow-warped previous label (the same
 * result as core's warpLabels along the negated flow followed by diffMask, without the
 * intermediate map; the flow is read per cell rather than resampled), marked with
 * `color`; returns the count. Works per run of columns sharing a flow cell (one offset), so the
 * inner loop is two loads and a compare; pixels warped from outside the frame stay transparent.
 * `rows` (optional) receives the rows that hold marks.
 */
export function flickerMask(cur: Uint8Array, prev: Uint8Array, width: number, height: number, table: WarpTable, out: Uint8ClampedArray, color: number, ignoreIndex = 255, rows?: RowSpan): number {
  const out32 = new Uint32Array(out.buffer, out.byteOffset, width * height);
  out32.fill(0);
  const { dx, dy, col, row, colEnd } = table;
  let n = 0;
  let top = -1;
  let bottom = 0;
  for (let y = 0; y < height; y++) {
    const r = row[y]!;
    const o = y * width;
    const before = n;
    for (let x = 0; x < width; ) {
      const c = r + col[x]!;
      const x1 = colEnd[x]!;
      const py = y + dy[c]!;
      if (py >= 0 && py < height) {
        const d = dx[c]!;
        const po = py * width + d;
        const hi = Math.min(x1, width - d);
        for (let i = Math.max(x, -d); i < hi; i++) {
          const a = cur[o + i]!;
          const w = prev[po + i]!;
          if (a !== w && a !== ignoreIndex && w !== ignoreIndex) {
            out32[o + i] = color;
            n++;
          }
        }
      }
      x = x1;
    }
    if (n !== before) {
      if (top < 0) top = y;
      bottom = y + 1;
    }
  }
  if (rows) {
    rows.top = top < 0 ? 0 : top;
    rows.bottom = top < 0 ? 0 : bottom;
  }
  return n;
}

/**
 * Confidence 0..255 → the viridis ramp (colour-blind safe: low = dark violet, high = yellow),
 * more opaque where the model doubts, so low-confidence areas stand out.
 */
export function confidenceHeat(conf: Uint8Array, out: Uint8ClampedArray, opacity = 0.7): Uint8ClampedArray {
  const lut = new Uint32Array(256);
  for (let v = 0; v < 256; v++) {
    const t = v / 255;
    const [r, g, b] = viridis(t);
    lut[v] = packRgba(r, g, b, Math.round(255 * opacity * (0.25 + 0.75 * (1 - t))));
  }
  const out32 = new Uint32Array(out.buffer, out.byteOffset, conf.length);
  for (let i = 0; i < conf.length; i++) out32[i] = lut[conf[i]!]!;
  return out;
}

/**
 * Pixel count per class id (index = id, 256 entries). Reads 32-bit words into four interleaved
 * tables (no store-to-load chain between neighbouring pixels of one run), then sums them.
 */
export function classHistogram(labels: Uint8Array, out: Uint32Array = new Uint32Array(256)): Uint32Array {
  out.fill(0);
  const words = labels.byteOffset % 4 === 0 ? labels.length >>> 2 : 0;
  if (words > 0) {
    const l32 = new Uint32Array(labels.buffer, labels.byteOffset, words);
    const h = new Uint32Array(1024);
    for (let w = 0; w < words; w++) {
      const v = l32[w]!;
      h[v & 255]!++;
      h[256 + ((v >>> 8) & 255)]!++;
      h[512 + ((v >>> 16) & 255)]!++;
      h[768 + (v >>> 24)]!++;
    }
    for (let i = 0; i < 256; i++) out[i] = h[i]! + h[256 + i]! + h[512 + i]! + h[768 + i]!;
  }
  for (let i = words << 2; i < labels.length; i++) out[labels[i]!]!++;
  return out;
}
