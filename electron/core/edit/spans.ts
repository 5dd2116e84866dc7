/**
 * Row spans: the shape of a brush stroke, polygon or filled region as inclusive [x0, x1] pixel
 * intervals per row. Collected in any order, normalised (sorted, merged) before building a diff.
 */
import type { LabelMap } from '../types.ts';
import { DiffBuilder, type FrameDiff } from './diff.ts';

export class SpanList {
  private readonly rows = new Map<number, number[]>();

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  /** Adds pixels x0..x1 (inclusive) of row y, clipped to the image; empty or outside spans are dropped. */
  add(y: number, x0: number, x1: number): void {
    if (y < 0 || y >= this.height) return;
    const a = Math.max(0, x0);
    const b = Math.min(this.width - 1, x1);
    if (a > b) return;
    let list = this.rows.get(y);
    if (!list) this.rows.set(y, (list = []));
    list.push(a, b);
  }

  get isEmpty(): boolean {
    return this.rows.size === 0;
  }

  /** Calls fn(y, x0, x1) for merged spans, rows ascending, spans ascending within a row. */
  forEach(fn: (y: number, x0: number, x1: number) => void): void {
    const ys = [...this.rows.keys()].sort((a, b) => a - b);
    for (const y of ys) {
      const list = this.rows.get(y)!;
      if (list.length === 2) {
        fn(y, list[0]!, list[1]!);
        continue;
      }
      const idx: number[] = [];
      for (let i = 0; i < list.length; i += 2) idx.push(i);
      idx.sort((p, q) => list[p]! - list[q]!);
      let cs = list[idx[0]!]!;
      let ce = list[idx[0]! + 1]!;
      for (let k = 1; k < idx.length; k++) {
        const s = list[idx[k]!]!;
        const e = list[idx[k]! + 1]!;
        if (s <= ce + 1) ce = Math.max(ce, e);
        else {
          fn(y, cs, ce);
          cs = s;
          ce = e;
        }
      }
      fn(y, cs, ce);
    }
  }

  /** Number of covered pixels (after merging). */
  pixelCount(): number {
    let n = 0;
    this.forEach((_y, a, b) => (n += b - a + 1));
    return n;
  }
}

/** The diff that sets every pixel of `spans` to `value` in `labels` (unchanged pixels skipped). */
export function spansToDiff(labels: LabelMap, frame: number, spans: SpanList, value: number): FrameDiff {
  const b = new DiffBuilder(labels, frame);
  const w = labels.width;
  spans.forEach((y, x0, x1) => b.span(y * w + x0, y * w + x1 + 1, value));
  return b.finish();
}
