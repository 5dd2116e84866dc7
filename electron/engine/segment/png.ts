/** 8-bit grey PNG encode/decode (label maps, confidence maps) via pngjs. */
import { PNG } from 'pngjs';

export function encodeGray8(width: number, height: number, data: Uint8Array): Buffer {
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  png.data = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
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
