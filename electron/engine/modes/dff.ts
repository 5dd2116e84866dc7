/**
 * dff: Deep Feature Flow (Zhu et al., CVPR 2017), training-free. A key frame every K frames runs
 * low + high (+ head) and keeps its high features; every other frame runs only the low stage,
 * computes the flow current -> key (DIS on the grey model-size images), warps the key's high
 * features along it (bilinear, flow rescaled to the feature stride) and runs the head on the
 * warped high + current low features. Single-graph bundles warp the key's class probabilities.
 */
import type { DisPreset } from '../flow/dis-options.ts';
import type { GrayImage, Tensor3 } from '../../core/types.ts';
import { KeyWarper } from '../warp/key-warper.ts';
import type { KeyModel } from './key-model.ts';
import { flowDisOptions, flowTo, warpFeatures } from './propagate.ts';
import { zeroTimings, type Mode } from './types.ts';

export interface DffOptions {
  keyInterval: number;
  preset: DisPreset;
  /** Flow size factor (ModeSettings.flowScale). */
  flowScale: number;
}

export function dffMode(km: KeyModel, o: DffOptions): Mode {
  let key: { gray: GrayImage; features: Tensor3 } | undefined;
  let n = 0;
  const K = Math.max(1, Math.floor(o.keyInterval));
  const dis = flowDisOptions(o.preset, o.flowScale);
  const warper = new KeyWarper();
  return {
    async push(f) {
      const t = zeroTimings();
      const low = await km.low(f, t);
      const isKey = key === undefined || n % K === 0;
      n++;
      if (isKey) {
        const features = await km.keyFeatures(f, low, t);
        key = { gray: f.gray, features };
        return [{ index: f.index, probabilities: await km.output(features, low, t), key: true, timings: t }];
      }
      const flow = flowTo(f.gray, key!.gray, dis, t);
      // Split bundles: the head's input, consumed at once; single graphs: the frame's output.
      const warped = warpFeatures(warper, key!.features, flow, t, km.scratchWarp);
      return [{ index: f.index, probabilities: await km.output(warped, low, t), key: false, timings: t }];
    },
    async flush() {
      return [];
    },
    info: () => ({ keyInterval: K, flowPreset: o.preset, flowScale: o.flowScale }),
  };
}
