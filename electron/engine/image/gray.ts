/**
 * Colour → grey conversion with the ITU-R BT.601 luma weights (the ones OpenCV's cvtColor and
 * most decoders use): Y = 0.299 R + 0.587 G + 0.114 B. Output is float 0..255.
 */
import type { GrayImage } from '../../core/types.ts';

export interface ToGrayOptions {
  /** Interleaved channels per pixel: 1 (grey), 2 (grey+alpha), 3 (RGB) or 4 (RGBA). Default 4. */
  channels?: 1 | 2 | 3 | 4;
  /** Output buffer of width*height floats; allocated when absent. */
  out?: Float32Array;
}

export function toGray(
  pixels: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  opts: ToGrayOptions = {},
): GrayImage {
  const ch = opts.channels ?? 4;
  const n = width * height;
  if (pixels.length < n * ch) throw new RangeError(`toGray: need ${n * ch} bytes, got ${pixels.length}`);
  const out = opts.out ?? new Float32Array(n);
  if (out.length < n) throw new RangeError('toGray: out buffer too small');
  if (ch <= 2) {
    for (let i = 0, p = 0; i < n; i++, p += ch) out[i] = pixels[p]!;
  } else {
    for (let i = 0, p = 0; i < n; i++, p += ch) {
      out[i] = 0.299 * pixels[p]! + 0.587 * pixels[p + 1]! + 0.114 * pixels[p + 2]!;
    }
  }
  return { width, height, data: out };
}
