/**
 * Class colours: the one palette of the app. A palette is 256 RGBA entries (1024 bytes), one per
 * class id; ids without a class, the void id and hidden classes are transparent (and black once
 * alpha is dropped). The viewer's mask, the editor and every export colourize through it.
 */
import type { LabelMap } from './types.ts';

/** A class as the palette needs it (ClassDef and the model manifests' classes fit). */
export interface ColoredClass {
  id: number;
  color: readonly [number, number, number];
}

export interface PaletteOptions {
  /** The void id: transparent. Default 255. */
  ignoreIndex?: number | null;
  /** Class ids drawn transparent. */
  hidden?: readonly number[];
  /** Alpha of the class colours, 0..1. Default 1. */
  opacity?: number;
}

export const PALETTE_BYTES = 256 * 4;

export function classPalette(classes: readonly ColoredClass[], opts: PaletteOptions = {}): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(PALETTE_BYTES);
  const a = Math.round(Math.min(1, Math.max(0, opts.opacity ?? 1)) * 255);
  const off = new Set(opts.hidden ?? []);
  const ignore = opts.ignoreIndex === undefined ? 255 : opts.ignoreIndex;
  for (const c of classes) {
    if (!Number.isInteger(c.id) || c.id < 0 || c.id > 255 || off.has(c.id) || c.id === ignore) continue;
    lut.set([c.color[0], c.color[1], c.color[2], a], c.id * 4);
  }
  return lut;
}

/**
 * Colourizes class ids through `palette` into RGBA (`out`: 4 bytes per label). Reads the labels as
 * 32-bit words (four ids per load) where they are 4-byte aligned.
 */
export function colorizeLabels(labels: Uint8Array, palette: Uint8ClampedArray, out: Uint8ClampedArray): Uint8ClampedArray {
  const lut32 = new Uint32Array(palette.buffer, palette.byteOffset, 256);
  const out32 = new Uint32Array(out.buffer, out.byteOffset, labels.length);
  const words = labels.byteOffset % 4 === 0 ? labels.length >>> 2 : 0;
  const l32 = new Uint32Array(labels.buffer, words > 0 ? labels.byteOffset : 0, words);
  for (let w = 0, i = 0; w < words; w++, i += 4) {
    const v = l32[w]!;
    out32[i] = lut32[v & 255]!;
    out32[i + 1] = lut32[(v >>> 8) & 255]!;
    out32[i + 2] = lut32[(v >>> 16) & 255]!;
    out32[i + 3] = lut32[v >>> 24]!;
  }
  for (let i = words << 2; i < labels.length; i++) out32[i] = lut32[labels[i]!]!;
  return out;
}

/** Colourizes a label map into RGB (alpha dropped: transparent entries come out black). */
export function colorizeRgb(l: LabelMap, palette: Uint8ClampedArray, out = new Uint8Array(l.width * l.height * 3)): Uint8Array {
  const d = l.data;
  for (let i = 0, j = 0; i < d.length; i++, j += 3) {
    const k = d[i]! * 4;
    out[j] = palette[k]!;
    out[j + 1] = palette[k + 1]!;
    out[j + 2] = palette[k + 2]!;
  }
  return out;
}
