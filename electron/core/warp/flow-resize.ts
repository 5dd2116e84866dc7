/**
 * Resamples a flow field to another grid size. Grids are aligned on pixel centres (the grid of
 * a feature map at stride s covers the same image area: x_img = (x + 0.5)·s - 0.5), values are
 * interpolated bilinearly (replicated border) and vectors are scaled by the size ratio, so the
 * result is the same motion expressed in the new grid's pixels.
 */
import type { FlowField } from '../types.ts';

export function flowResize(flow: FlowField, width: number, height: number, out?: Float32Array): FlowField {
  const sw = flow.width;
  const sh = flow.height;
  const data = out ?? new Float32Array(width * height * 2);
  if (data.length < width * height * 2) throw new RangeError('flowResize: out buffer too small');
  const src = flow.data;
  if (sw === width && sh === height) {
    data.set(src.subarray(0, width * height * 2));
    return { width, height, data };
  }
  const kx = width / sw;
  const ky = height / sh;
  const fx = sw / width;
  const fy = sh / height;
  for (let y = 0; y < height; y++) {
    let sy = (y + 0.5) * fy - 0.5;
    if (sy < 0) sy = 0;
    if (sy > sh - 1) sy = sh - 1;
    const y0 = Math.floor(sy);
    const y1 = y0 < sh - 1 ? y0 + 1 : y0;
    const ay = sy - y0;
    for (let x = 0; x < width; x++) {
      let sx = (x + 0.5) * fx - 0.5;
      if (sx < 0) sx = 0;
      if (sx > sw - 1) sx = sw - 1;
      const x0 = Math.floor(sx);
      const x1 = x0 < sw - 1 ? x0 + 1 : x0;
      const ax = sx - x0;
      const a = 2 * (y0 * sw + x0), b = 2 * (y0 * sw + x1), c = 2 * (y1 * sw + x0), d = 2 * (y1 * sw + x1);
      const o = 2 * (y * width + x);
      for (let k = 0; k < 2; k++) {
        const top = src[a + k]! + ax * (src[b + k]! - src[a + k]!);
        const bot = src[c + k]! + ax * (src[d + k]! - src[c + k]!);
        data[o + k] = (top + ay * (bot - top)) * (k === 0 ? kx : ky);
      }
    }
  }
  return { width, height, data };
}
