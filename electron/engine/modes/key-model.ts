/**
 * What the key-frame modes (dff, adaptive) need from a model, for both bundle forms:
 * - split: low = the low stage, key features = the high stage, output = head(warped high, low);
 * - single graph: low = the grey image (1 channel, the cheapest "low-level feature"),
 *   key features = the full model's probabilities, output = the warped probabilities themselves
 *   (so a non-key frame never asks for the model input).
 * The model input is asked for (f.input()) before a stage's clock starts: it counts as 'prepare'.
 */
import type { ModelBundle } from '../model/bundle.ts';
import type { Tensor3 } from '../../core/types.ts';
import { since, type ModeFrame, type StageTimings } from './types.ts';

export interface KeyModel {
  /**
   * output() only reads the (warped) key features it is given (split: the head), so they may be a
   * transient warp (KeyWarper.warpTransient: the warper's memory, valid until its next warp);
   * false when output() returns them (single graph).
   */
  readonly scratchWarp: boolean;
  low(f: ModeFrame, t: StageTimings): Promise<Tensor3>;
  keyFeatures(f: ModeFrame, low: Tensor3, t: StageTimings): Promise<Tensor3>;
  output(keyFeatures: Tensor3, low: Tensor3, t: StageTimings): Promise<Tensor3>;
  /** keyFeatures on the bundle's high-stage thread when it has one (it does not block this thread), else keyFeatures. */
  keyFeaturesAlongside(f: ModeFrame, low: Tensor3, t: StageTimings): Promise<Tensor3>;
}

export function keyModelFor(bundle: ModelBundle): KeyModel {
  if (bundle.split) {
    return {
      scratchWarp: true,
      async low(f, t) {
        const x = f.input();
        const t0 = performance.now();
        const r = await bundle.low(x);
        t.low += since(t0);
        return r;
      },
      async keyFeatures(f, low, t) {
        const x = f.input();
        const t0 = performance.now();
        const r = await bundle.high(x, low);
        t.high += since(t0);
        return r;
      },
      async output(high, low, t) {
        const t0 = performance.now();
        const r = await bundle.head(high, low);
        t.head += since(t0);
        return r;
      },
      async keyFeaturesAlongside(f, low, t) {
        if (!bundle.highAlongside) return this.keyFeatures(f, low, t);
        const x = f.input();
        const t0 = performance.now();
        const r = await bundle.highAlongside(x, low);
        t.high += since(t0);
        return r;
      },
    };
  }
  return {
    scratchWarp: false,
    async low(f) {
      return { channels: 1, width: f.gray.width, height: f.gray.height, data: f.gray.data };
    },
    async keyFeatures(f, _low, t) {
      const x = f.input();
      const t0 = performance.now();
      const r = await bundle.full(x);
      t.high += since(t0);
      return r;
    },
    async output(probabilities) {
      return probabilities;
    },
    keyFeaturesAlongside(f, low, t) {
      return this.keyFeatures(f, low, t);
    },
  };
}
