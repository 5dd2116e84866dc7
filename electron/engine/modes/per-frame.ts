/** per-frame: the whole model on every frame (the baseline every other mode is measured against). */
import type { KeyModel } from './key-model.ts';
import { zeroTimings, type Mode } from './types.ts';

export function perFrameMode(km: KeyModel): Mode {
  return {
    async push(f) {
      const t = zeroTimings();
      const low = await km.low(f, t);
      const features = await km.keyFeatures(f, low, t);
      const probabilities = await km.output(features, low, t);
      return [{ index: f.index, probabilities, key: true, timings: t }];
    },
    async flush() {
      return [];
    },
    info: () => ({}),
  };
}
