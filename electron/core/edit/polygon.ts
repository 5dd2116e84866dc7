/**
 * Scanline polygon fill sampled at pixel centres. A pixel (x, y) is inside when its centre
 * (x + 0.5, y + 0.5) is inside the polygon under the chosen fill rule. Edges use the half-open
 * rule (y0 <= yc < y1), so shared vertices are counted once and adjacent polygons tile exactly.
 */
import type { Point } from './brush.ts';
import { SpanList } from './spans.ts';

export type FillRule = 'evenodd' | 'nonzero';

export function polygonSpans(points: readonly Point[], width: number, height: number, rule: FillRule = 'evenodd'): SpanList {
  const out = new SpanList(width, height);
  const n = points.length;
  if (n < 3) return out;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const y0 = Math.max(0, Math.ceil(minY - 0.5));
  const y1 = Math.min(height - 1, Math.floor(maxY - 0.5));
  const xs: number[] = [];
  const winds: number[] = [];
  for (let y = y0; y <= y1; y++) {
    const yc = y + 0.5;
    xs.length = 0;
    winds.length = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const a = points[j]!;
      const b = points[i]!;
      const up = a.y <= yc && yc < b.y;
      const down = b.y <= yc && yc < a.y;
      if (!up && !down) continue;
      xs.push(a.x + ((yc - a.y) * (b.x - a.x)) / (b.y - a.y));
      winds.push(up ? 1 : -1);
    }
    if (xs.length < 2) continue;
    const order = xs.map((_, k) => k).sort((p, q) => xs[p]! - xs[q]!);
    let wind = 0;
    for (let k = 0; k < order.length - 1; k++) {
      const idx = order[k]!;
      wind = rule === 'evenodd' ? wind ^ 1 : wind + winds[idx]!;
      if (wind === 0) continue;
      const xa = xs[idx]!;
      const xb = xs[order[k + 1]!]!;
      // centres in [xa, xb): x + 0.5 >= xa and x + 0.5 < xb
      out.add(y, Math.ceil(xa - 0.5), Math.ceil(xb - 0.5) - 1);
    }
  }
  return out;
}
