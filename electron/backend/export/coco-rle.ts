/**
 * COCO run-length encoding exactly as pycocotools (maskApi.c) does it:
 *  - rleEncode: the mask is read in column-major (Fortran) order; counts alternate runs of
 *    0s and 1s, starting with 0s (so the first count may be 0);
 *  - rleToString: each count (from the third on, as the difference to the count two before)
 *    is written as 5-bit groups, least significant first, char = 48 + group, bit 0x20 set
 *    when more groups follow; the last group's bit 0x10 carries the sign;
 *  - rleFrString: the inverse.
 */

export interface CocoRle {
  /** [height, width] */
  size: [number, number];
  counts: string;
}

/** Uncompressed counts of a binary mask given row-major as mask[y*w + x] != 0. */
export function rleCountsOf(mask: Uint8Array, width: number, height: number): number[] {
  const counts: number[] = [];
  let cur = 0;
  let run = 0;
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      const v = mask[y * width + x] ? 1 : 0;
      if (v !== cur) {
        counts.push(run);
        run = 0;
        cur = v;
      }
      run++;
    }
  }
  counts.push(run);
  return counts;
}

export function countsToString(counts: readonly number[]): string {
  let s = '';
  for (let i = 0; i < counts.length; i++) {
    let x = counts[i]!;
    if (i > 2) x -= counts[i - 2]!;
    let more = true;
    while (more) {
      let c = x & 0x1f;
      x = Math.floor(x / 32); // arithmetic shift by 5, safe beyond 32 bits
      more = c & 0x10 ? x !== -1 : x !== 0;
      if (more) c |= 0x20;
      s += String.fromCharCode(c + 48);
    }
  }
  return s;
}

export function stringToCounts(s: string): number[] {
  const counts: number[] = [];
  let p = 0;
  while (p < s.length) {
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      if (p >= s.length) throw new RangeError('truncated COCO RLE string');
      const c = s.charCodeAt(p) - 48;
      x += (c & 0x1f) * 2 ** (5 * k);
      more = (c & 0x20) !== 0;
      p++;
      k++;
      if (!more && c & 0x10) x -= 2 ** (5 * k);
    }
    if (counts.length > 2) x += counts[counts.length - 2]!;
    counts.push(x);
  }
  return counts;
}

export function encodeRle(mask: Uint8Array, width: number, height: number): CocoRle {
  return { size: [height, width], counts: countsToString(rleCountsOf(mask, width, height)) };
}

/** Decodes to a row-major 0/1 mask (width*height). */
export function decodeRle(rle: CocoRle): Uint8Array {
  const [h, w] = rle.size;
  const counts = stringToCounts(rle.counts);
  const out = new Uint8Array(w * h);
  let pos = 0;
  let v = 0;
  for (const n of counts) {
    if (pos + n > w * h) throw new RangeError('COCO RLE counts exceed the mask size');
    if (v) for (let i = pos; i < pos + n; i++) out[(i % h) * w + Math.floor(i / h)] = 1;
    pos += n;
    v ^= 1;
  }
  if (pos !== w * h) throw new RangeError(`COCO RLE covers ${pos} of ${w * h} pixels`);
  return out;
}

/** pycocotools toBbox: [x, y, w, h] of the mask's set pixels ([0,0,0,0] when empty). */
export function maskBbox(mask: Uint8Array, width: number, height: number): [number, number, number, number] {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? [0, 0, 0, 0] : [x0, y0, x1 - x0 + 1, y1 - y0 + 1];
}
