/**
 * Flood fill: the 4-connected region of pixels sharing the class of the seed pixel.
 * Scanline algorithm with an explicit stack; a scratch mask (one byte per pixel) is reused
 * between calls of the same size.
 */
import type { LabelMap } from '../types.ts';
import { SpanList } from './spans.ts';

let scratch = new Uint8Array(0);

export function floodFillSpans(labels: LabelMap, seedX: number, seedY: number): SpanList {
  const { width: w, height: h, data } = labels;
  const out = new SpanList(w, h);
  const sx = Math.floor(seedX);
  const sy = Math.floor(seedY);
  if (sx < 0 || sy < 0 || sx >= w || sy >= h) return out;
  if (scratch.length < w * h) scratch = new Uint8Array(w * h);
  const seen = scratch;
  const target = data[sy * w + sx]!;
  const stack: number[] = [sx, sy];
  const visited: number[] = [];
  while (stack.length > 0) {
    const y = stack.pop()!;
    const x = stack.pop()!;
    const row = y * w;
    if (seen[row + x] || data[row + x] !== target) continue;
    let a = x;
    let b = x;
    while (a > 0 && !seen[row + a - 1] && data[row + a - 1] === target) a--;
    while (b < w - 1 && !seen[row + b + 1] && data[row + b + 1] === target) b++;
    seen.fill(1, row + a, row + b + 1);
    visited.push(row + a, b - a + 1);
    out.add(y, a, b);
    for (const ny of [y - 1, y + 1]) {
      if (ny < 0 || ny >= h) continue;
      const nrow = ny * w;
      let inRun = false;
      for (let xx = a; xx <= b; xx++) {
        const ok = !seen[nrow + xx] && data[nrow + xx] === target;
        if (ok && !inRun) stack.push(xx, ny);
        inRun = ok;
      }
    }
  }
  for (let i = 0; i < visited.length; i += 2) seen.fill(0, visited[i]!, visited[i]! + visited[i + 1]!);
  return out;
}
