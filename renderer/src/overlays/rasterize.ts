/**
 * Overlay rasterization (pure, typed arrays, no DOM; class colours: core/palette.ts): class
 * disagreement between two label maps, label flips against the flow-warped previous frame,
 * confidence heat. Every function writes into a caller-owned `out` buffer (reused across
 * frames) and returns how many pixels it marked where that is useful.
 */
import type { LabelMap } from '../../../electron/core/types.ts';
import { warpLabels, type WarpTable } from '../../../electron/core/warp/warp-labels.ts';
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
 * Flicker: pixels whose label differs from the previous frame's labels warped along the flow
 * (core's one label warp, `table` built from the flow t-1 → t with `negate`), marked with `color`;
 * returns the count. `scratch` (width*height, reused across frames) receives the warped labels;
 * pixels warped from outside the frame get the void label and stay transparent. `rows`
 * (optional) receives the rows that hold marks.
 */
export function flickerMask(cur: LabelMap, prev: LabelMap, table: WarpTable, scratch: Uint8Array, out: Uint8ClampedArray, color: number, ignoreIndex = 255, rows?: RowSpan): number {
  if (cur.width !== prev.width || cur.height !== prev.height) throw new RangeError(`flickerMask: ${cur.width}×${cur.height} vs ${prev.width}×${prev.height}`);
  const warped = warpLabels(prev, table, { out: scratch, fill: ignoreIndex });
  return diffMask(cur.data, warped.data.subarray(0, cur.data.length), out, color, ignoreIndex, rows, cur.width);
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
