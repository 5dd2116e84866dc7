/**
 * Composes diffs of one frame that were applied one after another into a single diff
 * (first old value, last new value per pixel; pixels that end where they started drop out).
 */
import { DiffBuilder, type FrameDiff } from './diff.ts';

export function composeDiffs(diffs: readonly FrameDiff[]): FrameDiff {
  if (diffs.length === 0) throw new RangeError('composeDiffs needs at least one diff');
  const first = diffs[0]!;
  for (const d of diffs) {
    if (d.frame !== first.frame || d.width !== first.width || d.height !== first.height) {
      throw new RangeError('composeDiffs: diffs must share frame and size');
    }
  }
  if (diffs.length === 1) return first;
  let total = 0;
  for (const d of diffs) total += d.oldValues.length;
  if (total >= 1048576) return composeDense(diffs);
  // key = offset * 2^20 + sequence (sequence < 2^20 per pixel visit): sorts by offset, then by order.
  const keys = new Float64Array(total);
  const olds = new Uint8Array(total);
  const news = new Uint8Array(total);
  let n = 0;
  for (const d of diffs) {
    let k = 0;
    for (let r = 0; r < d.newValues.length; r++) {
      const off = d.runs[2 * r]!;
      const len = d.runs[2 * r + 1]!;
      const nv = d.newValues[r]!;
      for (let i = 0; i < len; i++) {
        keys[n] = (off + i) * 1048576 + n;
        olds[n] = d.oldValues[k++]!;
        news[n] = nv;
        n++;
      }
    }
  }
  const order = keys.slice().sort();
  const b = new DiffBuilder({ width: first.width, height: first.height, data: new Uint8Array(0) }, first.frame);
  let i = 0;
  while (i < total) {
    const off = Math.floor(order[i]! / 1048576);
    const firstIdx = order[i]! - off * 1048576;
    let lastIdx = firstIdx;
    while (i < total && Math.floor(order[i]! / 1048576) === off) {
      lastIdx = order[i]! - off * 1048576;
      i++;
    }
    b.record(off, olds[firstIdx]!, news[lastIdx]!);
  }
  return b.finish();
}

/** Dense fallback for huge compositions: replays the diffs on scratch frames. */
function composeDense(diffs: readonly FrameDiff[]): FrameDiff {
  const first = diffs[0]!;
  const size = first.width * first.height;
  const touched = new Uint8Array(size);
  const before = new Uint8Array(size);
  const after = new Uint8Array(size);
  for (const d of diffs) {
    let k = 0;
    for (let r = 0; r < d.newValues.length; r++) {
      const off = d.runs[2 * r]!;
      const len = d.runs[2 * r + 1]!;
      const nv = d.newValues[r]!;
      for (let p = off; p < off + len; p++) {
        if (!touched[p]) {
          touched[p] = 1;
          before[p] = d.oldValues[k]!;
        }
        after[p] = nv;
        k++;
      }
    }
  }
  const b = new DiffBuilder({ width: first.width, height: first.height, data: before }, first.frame);
  for (let p = 0; p < size; p++) if (touched[p]) b.record(p, before[p]!, after[p]!);
  return b.finish();
}
