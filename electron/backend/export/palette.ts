/** Class colours: a 256-entry RGB lookup table and label map → RGB conversion. */
import type { LabelMap } from '../../engine/types.ts';
import type { ClassInfo } from '../project/types.ts';

/** RGB per class id (768 bytes); unknown and void ids map to `voidColor` (default black). */
export function paletteOf(classes: readonly ClassInfo[], voidColor: readonly [number, number, number] = [0, 0, 0]): Uint8Array {
  const lut = new Uint8Array(768);
  for (let i = 0; i < 256; i++) lut.set(voidColor, i * 3);
  for (const c of classes) lut.set(c.color, c.id * 3);
  return lut;
}

export function colorize(l: LabelMap, lut: Uint8Array, out = new Uint8Array(l.width * l.height * 3)): Uint8Array {
  const d = l.data;
  for (let i = 0, j = 0; i < d.length; i++, j += 3) {
    const k = d[i]! * 3;
    out[j] = lut[k]!;
    out[j + 1] = lut[k + 1]!;
    out[j + 2] = lut[k + 2]!;
  }
  return out;
}

/** Maps every class id through a 256-entry id table. */
export function remap(l: LabelMap, table: Uint8Array): LabelMap {
  const out = new Uint8Array(l.data.length);
  for (let i = 0; i < out.length; i++) out[i] = table[l.data[i]!]!;
  return { width: l.width, height: l.height, data: out };
}
