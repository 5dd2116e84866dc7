/** Blends class colours over an RGBA frame (void and unknown classes left untouched). */
import type { LabelMap } from '../../core/types.ts';
import type { ClassInfo } from '../project/types.ts';

/**
 * out[p] = frame[p]·(1 − opacity) + colour[class]·opacity, opaque alpha. Labels of another size
 * than the frame are sampled nearest-neighbour.
 */
export function blendLabels(frame: Uint8Array, width: number, height: number, labels: LabelMap, classes: readonly ClassInfo[], ignoreIndex: number, opacity: number, out = new Uint8Array(width * height * 4)): Uint8Array {
  const lut = new Int16Array(768).fill(-1);
  for (const c of classes) if (c.id !== ignoreIndex) lut.set(c.color, c.id * 3);
  const a = Math.max(0, Math.min(1, opacity));
  const sx = labels.width / width;
  const sy = labels.height / height;
  for (let y = 0; y < height; y++) {
    const ly = Math.min(labels.height - 1, Math.floor((y + 0.5) * sy));
    for (let x = 0; x < width; x++) {
      const lx = Math.min(labels.width - 1, Math.floor((x + 0.5) * sx));
      const k = labels.data[ly * labels.width + lx]! * 3;
      const p = (y * width + x) * 4;
      if (lut[k]! < 0) {
        out[p] = frame[p]!;
        out[p + 1] = frame[p + 1]!;
        out[p + 2] = frame[p + 2]!;
      } else {
        out[p] = Math.round(frame[p]! * (1 - a) + lut[k]! * a);
        out[p + 1] = Math.round(frame[p + 1]! * (1 - a) + lut[k + 1]! * a);
        out[p + 2] = Math.round(frame[p + 2]! * (1 - a) + lut[k + 2]! * a);
      }
      out[p + 3] = 255;
    }
  }
  return out;
}
