/**
 * Brush rasterisation. A stroke through points p0..pn with radius r covers every pixel whose
 * centre (x + 0.5, y + 0.5) lies within r of the polyline: discs stamped at the points joined by
 * the swept disc between consecutive points (a capsule), so fast drags leave no gaps.
 * Coordinates are continuous image coordinates: pixel (x, y) covers [x, x+1) × [y, y+1).
 */
import { SpanList } from './spans.ts';

export interface Point {
  x: number;
  y: number;
}

/** Interval of x where a*x + c lies in [lo, hi]; null when empty. */
function linearRange(a: number, c: number, lo: number, hi: number): [number, number] | null {
  if (a === 0) return c >= lo && c <= hi ? [-Infinity, Infinity] : null;
  const u = (lo - c) / a;
  const v = (hi - c) / a;
  return u <= v ? [u, v] : [v, u];
}

/** Adds the capsule (segment p0-p1 swept by radius r) to `out`. p0 === p1 gives a disc. */
function addCapsule(out: SpanList, p0: Point, p1: Point, r: number): void {
  if (!(r > 0)) return;
  const dx = p1.x - p0.x;
  const dy = p1.y - p0.y;
  const l2 = dx * dx + dy * dy;
  const rl = r * Math.sqrt(l2);
  const yTop = Math.max(0, Math.floor(Math.min(p0.y, p1.y) - r - 0.5));
  const yBot = Math.min(out.height - 1, Math.ceil(Math.max(p0.y, p1.y) + r - 0.5));
  for (let y = yTop; y <= yBot; y++) {
    const yc = y + 0.5;
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of l2 > 0 ? [p0, p1] : [p0]) {
      const ddy = yc - p.y;
      if (Math.abs(ddy) <= r) {
        const half = Math.sqrt(r * r - ddy * ddy);
        lo = Math.min(lo, p.x - half);
        hi = Math.max(hi, p.x + half);
      }
    }
    if (l2 > 0) {
      const ry = yc - p0.y;
      // u = (x - p0.x)*dx + ry*dy in [0, l2];  v = (x - p0.x)*dy - ry*dx in [-rl, rl]
      const ru = linearRange(dx, -p0.x * dx + ry * dy, 0, l2);
      const rv = linearRange(dy, -p0.x * dy - ry * dx, -rl, rl);
      if (ru && rv) {
        const a = Math.max(ru[0], rv[0]);
        const b = Math.min(ru[1], rv[1]);
        if (a <= b) {
          lo = Math.min(lo, a);
          hi = Math.max(hi, b);
        }
      }
    }
    if (lo > hi) continue;
    out.add(y, Math.ceil(lo - 0.5), Math.floor(hi - 0.5));
  }
}

/** Spans covered by a whole stroke through `points` with radius `radius`. */
export function strokeSpans(points: readonly Point[], radius: number, width: number, height: number): SpanList {
  const out = new SpanList(width, height);
  if (points.length === 1) addCapsule(out, points[0]!, points[0]!, radius);
  for (let i = 1; i < points.length; i++) addCapsule(out, points[i - 1]!, points[i]!, radius);
  return out;
}
