/**
 * A frame-number pattern that survives lossy coding: 16 bits as big black/white blocks
 * (8 columns x 2 rows over the top half of the frame), plus moving texture in the bottom half
 * so encoders see real motion. readIndexPattern() reads the number back from RGBA pixels;
 * the e2e tests use it to check which frame is on screen.
 */

const COLS = 8;
const ROWS = 2;
export const PATTERN_BITS = COLS * ROWS;

function blockRect(bit: number, width: number, height: number) {
  const bw = Math.floor(width / COLS);
  const bh = Math.floor(height / (ROWS * 2));
  const col = bit % COLS;
  const row = Math.floor(bit / COLS);
  return { x: col * bw, y: row * bh, w: bw, h: bh };
}

/** Paints `index` (0..65535) into an RGBA frame of width x height (at least 32x16). */
export function paintIndexPattern(rgba: Uint8Array, width: number, height: number, index: number): void {
  const top = Math.floor(height / 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (y < top) {
        rgba[o] = rgba[o + 1] = rgba[o + 2] = 128;
      } else {
        // moving texture: diagonal bands plus a per-pixel hash, shifting with the frame index
        const h = Math.imul(x * 73856093 ^ y * 19349663 ^ (index >> 2), 0x5bd1e995) >>> 24;
        rgba[o] = (x * 3 + index * 5 + (h & 31)) & 255;
        rgba[o + 1] = (y * 4 + index * 3) & 255;
        rgba[o + 2] = ((x + y) * 2 + index * 7 + (h & 15)) & 255;
      }
      rgba[o + 3] = 255;
    }
  }
  for (let bit = 0; bit < PATTERN_BITS; bit++) {
    const on = (index >> bit) & 1;
    const v = on ? 240 : 16;
    const r = blockRect(bit, width, height);
    for (let y = r.y; y < r.y + r.h; y++) {
      for (let x = r.x; x < r.x + r.w; x++) {
        const o = (y * width + x) * 4;
        rgba[o] = rgba[o + 1] = rgba[o + 2] = v;
      }
    }
  }
}

/** Reads back the index painted by paintIndexPattern (samples the middle of each block). */
export function readIndexPattern(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): number {
  let index = 0;
  for (let bit = 0; bit < PATTERN_BITS; bit++) {
    const r = blockRect(bit, width, height);
    const cx = r.x + (r.w >> 1);
    const cy = r.y + (r.h >> 1);
    let sum = 0;
    let n = 0;
    for (let y = cy - 2; y <= cy + 2; y++) {
      for (let x = cx - 2; x <= cx + 2; x++) {
        const o = (y * width + x) * 4;
        sum += rgba[o]! + rgba[o + 1]! + rgba[o + 2]!;
        n += 3;
      }
    }
    if (sum / n > 128) index |= 1 << bit;
  }
  return index;
}
