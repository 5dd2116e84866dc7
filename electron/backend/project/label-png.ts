/**
 * Label maps as 8-bit greyscale PNG (one class id per pixel), and RGB PNG for colour images.
 * Any PNG colour type is accepted on read; the class id is the first (red/grey) channel.
 */
import { PNG } from 'pngjs';
import type { LabelMap } from '../../core/types.ts';
import { VssError } from '../../core/errors.ts';
import { decodeGray8 } from '../../engine/segment/png.ts';

export function encodeLabelPng(l: LabelMap, deflateLevel = 6): Buffer {
  const png = new PNG({ width: l.width, height: l.height, colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  png.data = Buffer.from(l.data.buffer, l.data.byteOffset, l.data.byteLength);
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8, deflateLevel });
}

/** A label PNG as one byte per pixel: the engine's decoder (decodeGray8), with a one-line error naming `what`. */
export function decodeLabelPng(buf: Uint8Array, what = 'label PNG'): LabelMap {
  try {
    return decodeGray8(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength));
  } catch (e) {
    throw new VssError('CORRUPT', `${what} is not a readable PNG (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
}

/** RGB PNG from packed RGB bytes (width*height*3). */
export function encodeRgbPng(width: number, height: number, rgb: Uint8Array): Buffer {
  const png = new PNG({ width, height, colorType: 2, inputColorType: 2, inputHasAlpha: false, bitDepth: 8 });
  png.data = Buffer.from(rgb.buffer, rgb.byteOffset, rgb.byteLength);
  return PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false, bitDepth: 8 });
}

/** Decodes any PNG to RGBA. */
export function decodeRgbaPng(buf: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const png = PNG.sync.read(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength));
  return { width: png.width, height: png.height, rgba: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
}
