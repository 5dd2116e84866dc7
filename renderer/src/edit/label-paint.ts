/** Colours a label map into RGBA through a core palette (core/palette.ts), by rectangle. */
import type { LabelMap } from '../../../electron/core/types.ts';
import type { Rect } from './dirty-rect.ts';

/** Writes the colours of `rect` (default: all) of `labels` into `out` (labels-sized RGBA). */
export function paintLabels(labels: LabelMap, palette: Uint8ClampedArray, out: Uint8ClampedArray, rect?: Rect): void {
  const w = labels.width;
  const x0 = Math.max(0, rect?.x0 ?? 0);
  const y0 = Math.max(0, rect?.y0 ?? 0);
  const x1 = Math.min(w, rect?.x1 ?? w);
  const y1 = Math.min(labels.height, rect?.y1 ?? labels.height);
  const src = labels.data;
  for (let y = y0; y < y1; y++) {
    let i = y * w + x0;
    let o = i * 4;
    for (let x = x0; x < x1; x++, i++, o += 4) {
      const c = src[i]! * 4;
      out[o] = palette[c]!;
      out[o + 1] = palette[c + 1]!;
      out[o + 2] = palette[c + 2]!;
      out[o + 3] = palette[c + 3]!;
    }
  }
}

/** Colour of the propagation highlight (proposed pixels on neighbouring frames). */
export const PREVIEW_RGBA: readonly [number, number, number, number] = [255, 0, 255, 220];
