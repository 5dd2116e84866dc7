/**
 * Low-level deviation between two frames (Li et al. 2018 predict it with a small network from the
 * low features; training-free we measure it directly): the mean absolute difference of the two
 * low feature tensors, normalized by the mean absolute value of the reference, so it is roughly
 * scale-free (0 = identical, ~1 = as different as the features are large).
 */
import type { Tensor3 } from '../types.ts';

export function lowDeviation(cur: Tensor3, ref: Tensor3): number {
  const a = cur.data;
  const b = ref.data;
  if (a.length !== b.length) throw new RangeError(`lowDeviation: sizes differ (${a.length} vs ${b.length})`);
  let diff = 0;
  let mag = 0;
  for (let i = 0; i < a.length; i++) {
    diff += Math.abs(a[i]! - b[i]!);
    mag += Math.abs(b[i]!);
  }
  return diff / Math.max(mag, 1e-6 * a.length);
}
