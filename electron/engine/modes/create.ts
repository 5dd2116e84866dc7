/** Builds the mode a settings object names, over a loaded bundle. */
import type { ModelBundle } from '../model/bundle.ts';
import { adaptiveMode } from './adaptive.ts';
import { adaptiveBatchMode } from './adaptive-batch.ts';
import { dffMode } from './dff.ts';
import { fusedMode } from './fused.ts';
import { keyModelFor } from './key-model.ts';
import { perFrameMode } from './per-frame.ts';
import type { Mode, ModeSettings } from './types.ts';

export function createMode(bundle: ModelBundle, s: ModeSettings): Mode {
  const km = keyModelFor(bundle);
  switch (s.mode) {
    case 'per-frame':
      return perFrameMode(km);
    case 'dff':
      return dffMode(km, { keyInterval: s.keyInterval, preset: s.preset, flowScale: s.flowScale, lowLatency: s.lowLatency });
    case 'adaptive':
      if (!s.lowLatency) return adaptiveBatchMode(km, s);
      return adaptiveMode(km, { ...s, ...(bundle.highThreadPriority ? { highThreadPriority: bundle.highThreadPriority } : {}) });
    case 'fused':
      return fusedMode(km, s);
  }
}
