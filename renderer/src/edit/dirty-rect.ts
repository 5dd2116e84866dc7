/** The bounding rectangle (image pixels, end exclusive) of what a diff touches. */
import type { FrameDiff } from '../../../electron/core/edit/index.ts';

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function diffRect(d: FrameDiff): Rect | null {
  if (d.newValues.length === 0) return null;
  const w = d.width;
  let x0 = w;
  let x1 = 0;
  let y0 = Infinity;
  let y1 = 0;
  for (let r = 0; r < d.newValues.length; r++) {
    const off = d.runs[2 * r]!;
    const end = off + d.runs[2 * r + 1]! - 1;
    const ya = Math.floor(off / w);
    const yb = Math.floor(end / w);
    if (ya < y0) y0 = ya;
    if (yb + 1 > y1) y1 = yb + 1;
    if (ya !== yb) {
      x0 = 0;
      x1 = w;
    } else {
      x0 = Math.min(x0, off - ya * w);
      x1 = Math.max(x1, end - ya * w + 1);
    }
  }
  return { x0, y0, x1, y1 };
}

export function unionRect(a: Rect | null, b: Rect | null): Rect | null {
  if (!a) return b;
  if (!b) return a;
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
