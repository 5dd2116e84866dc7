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
 * This is the low-latency schedule (streaming use; batch runs use adaptive-batch.ts): a triggered
 * frame is answered at once from propagated features (flow to the current key, warp its high
 * features, head), and the high stage of the new key frame is started as soon as that answer is
 * out (Mode.answered; at the latest when the next frame comes): a second ORT session of the high
 * graph on its own worker thread (model/stage-thread.ts), not awaited by any frame. Starting it
 * after the answer rather than with it keeps the triggered frame from sharing the cores with it,
 * and when frames come at the camera rate it mostly runs in the wait for the next one. The first
 * frame that arrives after it has finished switches to the new key (real features replace the
 * propagated ones from then on); frames that arrive before keep propagating from the previous
 * key. One high stage in flight at a time (two slots: propagation + one key computation).
 */
import type { DisPreset } from '../flow/dis-options.ts';
import type { GrayImage, Tensor3 } from '../../core/types.ts';
import { propagationDeviation } from './deviation.ts';
import { RenewalStatistic } from './renewal.ts';
import { KeyWarper } from '../warp/key-warper.ts';
import type { KeyModel } from './key-model.ts';
import { flowDisOptions, flowTo, warpFeatures } from './propagate.ts';
import { ThresholdController, type KeyDecision } from './threshold-controller.ts';
import { zeroTimings, type Mode, type ModeFrame, type ModeOutput, type StageTimings } from './types.ts';

export interface AdaptiveOptions {
  threshold?: number;
  targetInterval: number;
  maxInterval: number;
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

/** Key-trigger counts by reason (threshold-controller.ts), kept by both adaptive schedules. */
export type TriggerReasons = Record<'deviation' | 'saturation' | 'max-interval' | 'calibration', number>;

/** The key-frame rule's facts for summary.json, the same for both adaptive schedules. */
export function ruleInfo(o: AdaptiveOptions, ctl: ThresholdController, reasons: TriggerReasons, meanDeviation: number, keys: number): Record<string, number | string | boolean> {
  return {
    threshold: ctl.threshold ?? Number.NaN,
    thresholdCalibrated: o.threshold === undefined,
    targetInterval: o.targetInterval,
    maxInterval: o.maxInterval,
    meanDeviation,
    keyFramesTriggered: keys,
    keysByDeviation: reasons.deviation,
    keysBySaturation: reasons.saturation,
    keysByMaxInterval: reasons['max-interval'],
    flowPreset: o.preset,
  };
}

export function adaptiveMode(km: KeyModel, o: AdaptiveOptions): Mode {
  return new AdaptiveMode(km, o);
}

class AdaptiveMode implements Mode {
  private readonly ctl: ThresholdController;
  private key: Key | undefined;
  private pending: Pending | undefined;
  /** The last triggered frame: intervals are counted from it. */
  private ref: { index: number } | undefined;
  private keys = 0;
  private readonly reasons: TriggerReasons = { deviation: 0, saturation: 0, 'max-interval': 0, calibration: 0 };
  /** Renewal statistic over the deviations measured against the current key. */
  private readonly renewal = new RenewalStatistic();
  private deviationSum = 0;
  private deviationCount = 0;
  private asyncHighMs = 0;
  /** Low latency: frames from a key's trigger to the frame that first used it (sum, count, max). */
  private readonly switchDelay = { sum: 0, n: 0, max: 0 };
  private readonly lowWarper = new KeyWarper();
  private readonly highWarper = new KeyWarper();
  private readonly dis: ReturnType<typeof flowDisOptions>;

  constructor(private readonly km: KeyModel, private readonly o: AdaptiveOptions) {
    this.ctl = new ThresholdController({ threshold: o.threshold, targetInterval: o.targetInterval, maxInterval: o.maxInterval });
    this.dis = flowDisOptions(o.preset, o.flowScale);
  }

  async push(f: ModeFrame): Promise<ModeOutput[]> {
    this.startPending();
    const t = zeroTimings();
    const low = await this.km.low(f, t);
    if (!this.key) {
      const out = await this.keyFrame(f, low, t);
      this.ref = { index: f.index };
      this.keys++;
      return [out];
    }
    this.promote(f.index);
    const key = this.key;
    const interval = f.index - this.ref!.index;
    // Flow to the current key: it propagates the key's features, and measures the deviation.
    const flow = flowTo(f.gray, key.gray, this.dis, t);
    const dev = propagationDeviation(low, warpFeatures(this.lowWarper, key.low, flow, t, true));
    this.deviationSum += dev;
    this.deviationCount++;
    // While a new key's high stage is in flight, frames are measured against the previous key:
    // they are not part of the new key's renewal statistic, and nothing is decided.
    const statistic = this.pending ? 0 : this.renewal.next(f.index - key.index, dev);
    const decision: KeyDecision = this.pending ? { trigger: false, reason: 'none' } : this.ctl.decide({ statistic, deviation: dev, interval });
    if (decision.reason !== 'none') {
      this.ctl.keyPlaced(interval, dev);
      this.reasons[decision.reason]++;
      this.ref = { index: f.index };
      this.keys++;
      this.deferKey(f, low);
    }
    const warped = warpFeatures(this.highWarper, key.features, flow, t, this.km.scratchWarp);
    return [{ index: f.index, probabilities: await this.km.output(warped, low, t), key: decision.trigger, timings: t }];
  }

  answered(): void {
    this.startPending();
  }

  async flush(): Promise<ModeOutput[]> {
    this.startPending();
    if (this.pending) await this.pending.promise;
    this.promote(undefined);
    return [];
  }

  info(): Record<string, number | string | boolean> {
    const { o, ctl, reasons, switchDelay } = this;
    return {
      lowLatency: true,
      ...ruleInfo(o, ctl, reasons, this.deviationCount ? this.deviationSum / this.deviationCount : 0, this.keys),
      alongsideHighMs: Math.round(this.asyncHighMs),
      keySwitchFramesMean: switchDelay.n ? Math.round((100 * switchDelay.sum) / switchDelay.n) / 100 : 0,
      keySwitchFramesMax: switchDelay.max,
      ...(o.highThreadPriority ? { highThreadPriority: o.highThreadPriority } : {}),
    };
  }

  /** A key frame answered from its own high stage; it becomes the current key. */
  private async keyFrame(f: ModeFrame, low: Tensor3, t: StageTimings): Promise<ModeOutput> {
    const features = await this.km.keyFeatures(f, low, t);
    this.key = { index: f.index, gray: f.gray, low, features };
    return { index: f.index, probabilities: await this.km.output(features, low, t), key: true, timings: t };
  }

  /**
   * Low latency: this frame is answered from propagated features; its key's high stage starts
   * once that is out. (f.input is only valid during push: the deferred start gets its own copy.)
   */
  private deferKey(f: ModeFrame, low: Tensor3): void {
    const side = zeroTimings();
    const p: Pending = { index: f.index, gray: f.gray, low, promise: Promise.resolve() };
    const copy = f.input().slice();
    const frame = { ...f, input: () => copy };
    p.start = () => {
      p.promise = this.km.keyFeaturesAlongside(frame, low, side).then(
        (feat) => {
          p.features = feat;
          this.asyncHighMs += side.high;
          // Nothing warps the old key any more (the next push switches), so the new one is laid
          // out here, between frames, instead of in the switching frame.
          this.lowWarper.prepare(p.low);
          this.highWarper.prepare(feat);
        },
        (e: unknown) => {
          p.error = e;
        },
      );
    };
    this.pending = p;
  }

  private startPending(): void {
    const go = this.pending?.start;
    if (!go) return;
    this.pending!.start = undefined;
    go();
  }

  /** Switches to the pending key once its features are in (`at`: the frame that first uses it). */
  private promote(at: number | undefined): void {
    const pending = this.pending;
    if (pending?.error !== undefined) throw pending.error;
    if (!pending?.features) return;
    if (at !== undefined) {
      const d = at - pending.index;
      this.switchDelay.sum += d;
      this.switchDelay.n++;
      this.switchDelay.max = Math.max(this.switchDelay.max, d);
    }
    this.key = { index: pending.index, gray: pending.gray, low: pending.low, features: pending.features };
    this.pending = undefined;
    this.renewal.reset();
  }
}
