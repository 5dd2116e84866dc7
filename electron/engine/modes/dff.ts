/**
 * dff: Deep Feature Flow (Zhu et al., CVPR 2017), training-free. One key frame in every run of K
 * frames runs low + high (+ head) and keeps its high features; every other frame runs only the low
 * stage, computes the flow current -> key (DIS on the grey model-size images), warps the key's high
 * features along it (bilinear, flow rescaled to the feature stride) and runs the head on the
 * warped high + current low features. Single-graph bundles warp the key's class probabilities.
 *
 * Where the key sits in its run:
 * - low-latency schedule (streaming use): first, as in the paper; no frame waits for a later one.
 * - batch schedule (the default for batch runs): the middle frame, as offline video detectors
 *   place it (Zhu et al., "Towards high performance video object detection", CVPR 2018). The
 *   frames before it keep their low features until it is ready, then propagate backwards from it.
 *   Same key frames, same work per frame; the longest propagation is K/2 frames instead of K - 1.
 */
import type { DisPreset } from '../flow/dis-options.ts';
import type { GrayImage, Tensor3 } from '../../core/types.ts';
import { KeyWarper } from '../warp/key-warper.ts';
import type { KeyModel } from './key-model.ts';
import { flowDisOptions, flowTo, warpFeatures } from './propagate.ts';
import { since, zeroTimings, type Mode, type ModeFrame, type ModeOutput, type StageTimings } from './types.ts';

export interface DffOptions {
  keyInterval: number;
  preset: DisPreset;
  /** Flow size factor (ModeSettings.flowScale). */
  flowScale: number;
  /** Key first in each run of K (streaming); otherwise in its middle (batch). */
  lowLatency: boolean;
}

interface Key {
  gray: GrayImage;
  features: Tensor3;
}

/** A frame before its run's key: what propagation needs later, and its clock so far. */
interface Waiting {
  index: number;
  gray: GrayImage;
  low: Tensor3;
  t: StageTimings;
  /** Kept only while there is no key at all, in case the stream ends before the first one. */
  input?: Float32Array;
  /** When it started waiting (performance.now()). */
  since?: number;
}

/** Most frames that wait for their key (their low features are kept meanwhile: ~2.4 MB each at 640x480). */
export const MAX_WAITING = 16;

/** Position of the key in a run of K frames: 0 (first) or the middle (K = 5: 2, K = 8: 3), at most MAX_WAITING. */
export function keyPosition(K: number, lowLatency: boolean): number {
  return lowLatency ? 0 : Math.min(Math.floor((K - 1) / 2), MAX_WAITING);
}

export function dffMode(km: KeyModel, o: DffOptions): Mode {
  const K = Math.max(1, Math.floor(o.keyInterval));
  const at = keyPosition(K, o.lowLatency);
  const dis = flowDisOptions(o.preset, o.flowScale);
  const warper = new KeyWarper();
  let key: Key | undefined;
  let n = 0;
  let waiting: Waiting[] = [];

  const propagate = async (w: Omit<Waiting, 'input'>, from: Key): Promise<ModeOutput> => {
    if (w.since !== undefined) w.t.wait += since(w.since);
    const flow = flowTo(w.gray, from.gray, dis, w.t);
    // Split bundles: the head's input, consumed at once; single graphs: the frame's output.
    const warped = warpFeatures(warper, from.features, flow, w.t, km.scratchWarp);
    return { index: w.index, probabilities: await km.output(warped, w.low, w.t), key: false, timings: w.t };
  };
  const makeKey = async (f: ModeFrame, low: Tensor3, t: StageTimings): Promise<ModeOutput> => {
    const features = await km.keyFeatures(f, low, t);
    key = { gray: f.gray, features };
    return { index: f.index, probabilities: await km.output(features, low, t), key: true, timings: t };
  };
  const drain = async (from: Key): Promise<ModeOutput[]> => {
    const out: ModeOutput[] = [];
    for (const w of waiting) out.push(await propagate(w, from));
    waiting = [];
    return out;
  };

  return {
    async push(f) {
      const t = zeroTimings();
      const low = await km.low(f, t);
      const pos = n % K;
      n++;
      if (pos < at) {
        waiting.push({ index: f.index, gray: f.gray, low, t, ...(key ? {} : { input: f.input().slice() }), since: performance.now() });
        return [];
      }
      if (pos === at || key === undefined) {
        const k = await makeKey(f, low, t);
        return [...(await drain(key!)), k];
      }
      return [await propagate({ index: f.index, gray: f.gray, low, t }, key)];
    },
    async flush() {
      if (waiting.length === 0) return [];
      if (key) return drain(key);
      // The stream ended before its first key: the last waiting frame becomes it.
      const last = waiting.pop()!;
      const input = last.input!;
      const k = await makeKey({ index: last.index, gray: last.gray, input: () => input }, last.low, last.t);
      return [...(await drain(key!)), k];
    },
    info: () => ({ keyInterval: K, lowLatency: o.lowLatency, keyPosition: at, flowPreset: o.preset, flowScale: o.flowScale }),
  };
}
