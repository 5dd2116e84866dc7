/** End-point error between an estimated and a reference flow: mean and optional masked mean. */
import type { FlowField } from '../../core/types.ts';

/**
 * Mean Euclidean distance between the vectors of `est` and `ref`. With `mask`, only pixels where
 * mask[p] === maskValue count (e.g. non-occluded pixels: mask = occlusion, maskValue = 0).
 */
export function endPointError(est: FlowField, ref: FlowField, mask?: Uint8Array, maskValue = 0): number {
  if (est.width !== ref.width || est.height !== ref.height) throw new RangeError('endPointError: sizes differ');
  const n = est.width * est.height;
  const a = est.data;
  const b = ref.data;
  let sum = 0;
  let count = 0;
  for (let p = 0; p < n; p++) {
    if (mask && mask[p] !== maskValue) continue;
    const du = a[2 * p]! - b[2 * p]!;
    const dv = a[2 * p + 1]! - b[2 * p + 1]!;
    sum += Math.sqrt(du * du + dv * dv);
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}
