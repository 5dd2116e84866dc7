/** Moves key-frame features to the current frame: DIS flow current -> key, then backward bilinear warp. */
import { disFlow } from '../flow/dis.ts';
import { DIS_PRESETS, type DisPreset, type DisUserOptions } from '../flow/dis-options.ts';
import type { FlowField, GrayImage, Tensor3 } from '../../core/types.ts';
import type { KeyWarper } from '../warp/key-warper.ts';
import { since, type StageTimings } from './types.ts';

/**
 * DIS options for grey images at `flowScale` x the model input: the preset, with its finest pyramid
 * level moved so that it stays at the same absolute resolution as at the reference scale 0.5 (e.g.
 * ultrafast at 0.25 runs finest scale 1 on 120x88, the same 60x44 and 30x22 levels as finest
 * scale 2 on 240x176: the same patch search, only the final upsampling is smaller).
 */
export function flowDisOptions(preset: DisPreset, flowScale: number): DisUserOptions {
  const finest = DIS_PRESETS[preset].finestScale ?? 2;
  const shift = Math.round(Math.log2(0.5 / flowScale));
  return { preset, finestScale: Math.max(0, finest - shift) };
}

/** Flow from `cur` to `key` (cur(x) ≈ key(x + f(x))), timed as 'flow'. */
export function flowTo(cur: GrayImage, key: GrayImage, dis: DisUserOptions, t: StageTimings): FlowField {
  const t0 = performance.now();
  const f = disFlow(cur, key, dis);
  t.flow += since(t0);
  return f;
}

/**
 * Key features seen from the current frame: out(x) = key(x + f(x)) on the features' own grid
 * (stride handled as in warpTensor), timed as 'warp'. `warper` keeps the key laid out for the
 * WebAssembly warp between frames (one warper per key tensor kind). `transient`: the result is
 * consumed before this warper's next warp (the head's input, the deviation), so it may stay in the
 * warper's own memory (KeyWarper.warpTransient: no copy, no per-frame allocation); otherwise it is
 * a new array (a single graph's warped probabilities are the frame's output).
 */
export function warpFeatures(warper: KeyWarper, key: Tensor3, flowCurToKey: FlowField, t: StageTimings, transient = false): Tensor3 {
  const t0 = performance.now();
  const w = transient ? warper.warpTransient(key, flowCurToKey) : warper.warp(key, flowCurToKey);
  t.warp += since(t0);
  return w;
}
