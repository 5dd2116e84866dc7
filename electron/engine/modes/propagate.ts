/** Moves key-frame features to the current frame: DIS flow current -> key, then backward bilinear warp. */
import { disFlow } from '../flow/dis.ts';
import type { DisPreset } from '../flow/dis-options.ts';
import type { FlowField, GrayImage, Tensor3 } from '../types.ts';
import { warpTensor } from '../warp/warp-tensor.ts';
import { since, type StageTimings } from './types.ts';

/** Flow from `cur` to `key` (cur(x) ≈ key(x + f(x))), timed as 'flow'. */
export function flowTo(cur: GrayImage, key: GrayImage, preset: DisPreset, t: StageTimings): FlowField {
  const t0 = performance.now();
  const f = disFlow(cur, key, { preset });
  t.flow += since(t0);
  return f;
}

/** Key features seen from the current frame: out(x) = key(x + f(x)) on the features' own grid (stride handled by warpTensor). */
export function warpFeatures(key: Tensor3, flowCurToKey: FlowField, t: StageTimings): Tensor3 {
  const t0 = performance.now();
  const w = warpTensor(key, flowCurToKey);
  t.flow += since(t0);
  return w;
}
