import type { Tensor3 } from '../../core/types.ts';

/**
 * Propagation deviation of the adaptive mode (Li et al. 2018 predict a deviation with a small network
 * from low features; training-free we measure one): the key frame's low features warped to the current
 * frame along the same flow that propagates its high features, compared with the current low
 * features: mean over pixels of the channel-summed |low_t - warp(low_key)|, normalized by the mean
 * channel-summed |low_t|. Camera motion that the flow explains costs nothing; what it cannot explain
 * (new content entering, occlusions, flow failures: exactly where propagated features go stale)
 * raises it.
 */
export function propagationDeviation(cur: Tensor3, warpedKeyLow: Tensor3): number {
  const a = cur.data;
  const b = warpedKeyLow.data;
  if (a.length !== b.length) throw new RangeError(`propagationDeviation: sizes differ (${a.length} vs ${b.length})`);
  let diff = 0;
  let mag = 0;
  for (let i = 0; i < a.length; i++) {
    diff += Math.abs(a[i]! - b[i]!);
    mag += Math.abs(a[i]!);
  }
  return diff / Math.max(mag, 1e-6 * a.length);
}
