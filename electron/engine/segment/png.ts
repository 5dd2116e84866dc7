/** 8-bit grey PNG encode/decode (label maps, confidence maps); decoding via pngjs. */
import { PNG } from 'pngjs';
import { encodeGray8Sync } from './png-encode.ts';

/** Encodes synchronously (png-encode.ts: "Up" row filter, zlib Z_RLE; same file size as pngjs's level 3, about 2x faster). */
export function encodeGray8(width: number, height: number, data: Uint8Array): Buffer {
  return encodeGray8Sync(width, height, data);
}

/** Reads a label PNG as one byte per pixel (grey as is; colour PNGs take the red channel). */
export function decodeGray8(buf: Buffer): { width: number; height: number; data: Uint8Array } {
  const png = PNG.sync.read(buf, { skipRescale: true });
  const n = png.width * png.height;
  const out = new Uint8Array(n);
  // pngjs always expands to RGBA (4 bytes per pixel); grey and palette land in the first byte.
  for (let i = 0; i < n; i++) out[i] = png.data[i * 4]!;
  return { width: png.width, height: png.height, data: out };
}
