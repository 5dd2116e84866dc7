/**
 * adaptive: Low-Latency Video Semantic Segmentation (Li et al., CVPR 2018), training-free.
 *
 * Every frame runs the low stage and the flow to the current key frame, and measures the
 * propagation deviation e (deviation.ts: the key's low features warped along that flow vs the
 * current low features). A new key frame is triggered when the renewal statistic of e since the
 * current key (renewal.ts: the optimal age-replacement rule) exceeds the threshold, when e
 * saturates above the level of the previous trigger (a scene cut), or when the interval reaches
 * its maximum (threshold-controller.ts; it calibrates the threshold to a target average interval).
 *
 * Low-latency schedule (lowLatency, the default): a triggered frame is answered at once from
 * propagated features (flow to the current key, warp its high features, head), and the high
 * stage of the new key frame is started as soon as that answer is out (Mode.answered; at the
 * latest when the next frame comes): a second ORT session of the high graph on its own worker
 * thread (model/stage-thread.ts), not awaited by any frame. Starting it after the answer rather
 * than with it keeps the triggered frame from sharing the cores with it, and when frames come at
 * the camera rate it mostly runs in the wait for the next one. The first frame that
 * arrives after it has finished switches to the new key (real features replace the propagated
 * ones from then on); frames that arrive before keep propagating from the previous key. One high
 * stage in flight at a time (two slots: propagation + one key computation). Without lowLatency,
 * a triggered frame waits for its own high stage (a classic adaptive key-frame scheduler).
 */
import type { DisPreset } from '../flow/dis-options.ts';
import type { GrayImage, Tensor3 } from '../../core/types.ts';
import { propagationDeviation } from './deviation.ts';
import { RenewalStatistic } from './renewal.ts';
import { KeyWarper } from '../warp/key-warper.ts';
import type { KeyModel } from './key-model.ts';
import { flowDisOptions, flowTo, scratchFor, warpFeatures } from './propagate.ts';
import { ThresholdController, type KeyDecision } from './threshold-controller.ts';
import { zeroTimings, type Mode, type ModeOutput } from './types.ts';

export interface AdaptiveOptions {
  threshold?: number;
  targetInterval: number;
  maxInterval: number;
  lowLatency: boolean;
  preset: DisPreset;
  /** Flow size factor (ModeSettings.flowScale). */
  flowScale: number;
  /** The high-stage thread's priority in words (reported in info()). */
  highThreadPriority?: string;
}

interface Key {
  index: number;
  gray: GrayImage;
  low: Tensor3;
  features: Tensor3;
}

interface Pending {
  index: number;
  gray: GrayImage;
  low: Tensor3;
  features?: Tensor3;
  error?: unknown;
  promise: Promise<void>;
  /** Starts the high stage (set until it has been started). */
  start?: () => void;
}

export function adaptiveMode(km: KeyModel, o: AdaptiveOptions): Mode {
  const ctl = new ThresholdController({ threshold: o.threshold, targetInterval: o.targetInterval, maxInterval: o.maxInterval });
  let key: Key | undefined;
  let pending: Pending | undefined;
  /** The last triggered frame: intervals are counted from it. */
  let ref: { index: number } | undefined;
  let keys = 0;
  const reasons = { deviation: 0, saturation: 0, 'max-interval': 0, calibration: 0 };
  /** Renewal statistic over the deviations measured against the current key. */
  const renewal = new RenewalStatistic();
  let deviationSum = 0;
  let deviationCount = 0;
  let asyncHighMs = 0;
  /** Low latency: frames from a key's trigger to the frame that first used it (sum, count, max). */
  const switchDelay = { sum: 0, n: 0, max: 0 };
  /** Scratch for the warps consumed within a frame (the deviation's, the head's input). */
  let lowWarp: Float32Array | undefined;
  let highWarp: Float32Array | undefined;
  const lowWarper = new KeyWarper();
  const highWarper = new KeyWarper();
  const dis = flowDisOptions(o.preset, o.flowScale);

  const startPending = (): void => {
    const go = pending?.start;
    if (!go) return;
    pending!.start = undefined;
    go();
  };

  const promote = (at: number | undefined): void => {
    if (pending?.error !== undefined) throw pending.error;
    if (pending?.features) {
      if (at !== undefined) {
        const d = at - pending.index;
        switchDelay.sum += d;
        switchDelay.n++;
        switchDelay.max = Math.max(switchDelay.max, d);
      }
      key = { index: pending.index, gray: pending.gray, low: pending.low, features: pending.features };
      pending = undefined;
      renewal.reset();
    }
  };

  return {
    async push(f) {
      startPending();
      const t = zeroTimings();
      const low = await km.low(f, t);
      if (!key) {
        const features = await km.keyFeatures(f, low, t);
        key = { index: f.index, gray: f.gray, low, features };
        ref = { index: f.index };
        keys++;
        return [{ index: f.index, probabilities: await km.output(features, low, t), key: true, timings: t }];
      }
      promote(f.index);
      const interval = f.index - ref!.index;
      // Flow to the current key: it propagates the key's features, and measures the deviation.
      const flow = flowTo(f.gray, key.gray, dis, t);
      lowWarp = scratchFor(lowWarp, key.low);
      const dev = propagationDeviation(low, warpFeatures(lowWarper, key.low, flow, t, lowWarp));
      deviationSum += dev;
      deviationCount++;
      // While a new key's high stage is in flight, frames are measured against the previous key:
      // they are not part of the new key's renewal statistic, and nothing is decided.
      const statistic = pending ? 0 : renewal.next(f.index - key.index, dev);
      const decision: KeyDecision = pending ? { trigger: false, reason: 'none' } : ctl.decide({ statistic, deviation: dev, interval });
      if (decision.reason !== 'none') {
        ctl.keyPlaced(interval, dev);
        reasons[decision.reason]++;
        ref = { index: f.index };
        keys++;
        if (!o.lowLatency) {
          const features = await km.keyFeatures(f, low, t);
          key = { index: f.index, gray: f.gray, low, features };
          renewal.reset();
          return [{ index: f.index, probabilities: await km.output(features, low, t), key: true, timings: t }];
        }
        // Answer this frame from propagated features; its key's high stage starts once that is out.
        // (f.input is only valid during push: the deferred start gets its own copy.)
        const side = zeroTimings();
        const p: Pending = { index: f.index, gray: f.gray, low, promise: Promise.resolve() };
        const copy = f.input().slice();
        const frame = { ...f, input: () => copy };
        p.start = () => {
          p.promise = km.keyFeaturesAlongside(frame, low, side).then(
            (feat) => {
              p.features = feat;
              asyncHighMs += side.high;
              // Nothing warps the old key any more (the next push switches), so the new one is laid
              // out here, between frames, instead of in the switching frame.
              lowWarper.prepare(p.low);
              highWarper.prepare(feat);
            },
            (e: unknown) => {
              p.error = e;
            },
          );
        };
        pending = p;
      }
      if (km.scratchWarp) highWarp = scratchFor(highWarp, key.features);
      const warped = warpFeatures(highWarper, key.features, flow, t, highWarp);
      const out: ModeOutput = { index: f.index, probabilities: await km.output(warped, low, t), key: decision.trigger, timings: t };
      return [out];
    },
    answered() {
      startPending();
    },
    async flush() {
      startPending();
      if (pending) await pending.promise;
      promote(undefined);
      return [];
    },
    info: () => ({
      lowLatency: o.lowLatency,
      threshold: ctl.threshold ?? Number.NaN,
      thresholdCalibrated: o.threshold === undefined,
      targetInterval: o.targetInterval,
      maxInterval: o.maxInterval,
      meanDeviation: deviationCount ? deviationSum / deviationCount : 0,
      keyFramesTriggered: keys,
      keysByDeviation: reasons.deviation,
      keysBySaturation: reasons.saturation,
      keysByMaxInterval: reasons['max-interval'],
      alongsideHighMs: Math.round(asyncHighMs),
      ...(o.lowLatency ? { keySwitchFramesMean: switchDelay.n ? Math.round((100 * switchDelay.sum) / switchDelay.n) / 100 : 0, keySwitchFramesMax: switchDelay.max } : {}),
      ...(o.highThreadPriority ? { highThreadPriority: o.highThreadPriority } : {}),
      flowPreset: o.preset,
    }),
  };
}
