/** Decoding the PNGs of an import source, with one-line errors that name the file. */
import { VssError } from '../../core/errors.ts';
import type { LabelMap } from '../../core/types.ts';
import { decodeRgbaPng } from '../project/label-png.ts';

export interface Rgba {
  width: number;
  height: number;
  rgba: Uint8Array;
}

export function decodeSourcePng(buf: Uint8Array, where: string): Rgba {
  try {
    return decodeRgbaPng(buf);
  } catch (e) {
    throw new VssError('CORRUPT', `${where} is not a readable PNG (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
}

/** A greyscale PNG's values; a pixel whose red, green and blue differ means a colour image. */
export function decodeGreyPng(buf: Uint8Array, where: string, hint: string): LabelMap {
  const { width, height, rgba } = decodeSourcePng(buf, where);
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const v = rgba[j]!;
    if (rgba[j + 1] !== v || rgba[j + 2] !== v) throw new VssError('BAD_REQUEST', `${where} is a colour image, not 8-bit class ids (${hint})`);
    data[i] = v;
  }
  return { width, height, data };
}

/** Groups paths by folder ("" for the top). */
export function byFolder(paths: readonly string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const p of paths) {
    const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    m.set(dir, [...(m.get(dir) ?? []), p]);
  }
  return m;
}
