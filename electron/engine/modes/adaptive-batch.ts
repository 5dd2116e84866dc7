/**
 * adaptive, batch schedule (the default for batch runs): the adaptive rule decides where each run of
 * frames ends, and the run's key frame is then placed at the run's median deviation, much as dff's
 * batch schedule places it in the middle of its K frames.
 *
 * Every frame runs the low stage, the flow to the first frame of its run (the anchor) and the
 * propagation deviation against it (deviation.ts), which feeds the same renewal statistic and
 * threshold controller as the low-latency schedule (renewal.ts, threshold-controller.ts). No high
 * stage is needed for that. When the rule triggers on a frame, that frame starts the next run, and
 * the run it closes gets its key (keyOfRun: the frame at the median deviation), which runs the
 * high stage; the others propagate from it (flow to the key, warp of
 * its high features, head). The frames of a run wait for its
 * end (at most `maxInterval` frames, and at most MAX_RUN), so this is for batch runs; streaming runs
 * use the low-latency schedule (adaptive.ts).
 */
import type { GrayImage, Tensor3 } from '../../core/types.ts';
import { ruleInfo, type AdaptiveOptions, type TriggerReasons } from './adaptive.ts';
import { propagationDeviation } from './deviation.ts';
import { MAX_WAITING } from './dff.ts';
import type { KeyModel } from './key-model.ts';
import { flowDisOptions, flowTo, warpFeatures } from './propagate.ts';
import { RenewalStatistic } from './renewal.ts';
import { ThresholdController } from './threshold-controller.ts';
import { since, zeroTimings, type Mode, type ModeFrame, type ModeOutput, type StageTimings } from './types.ts';
import { KeyWarper } from '../warp/key-warper.ts';

/** Longest run the batch schedule holds (each frame keeps its input and low features until the run ends). */
export const MAX_RUN = 2 * MAX_WAITING;

interface RunFrame {
  index: number;
  gray: GrayImage;
  low: Tensor3;
  t: StageTimings;
  /** A copy of the model input: each frame of the run may become its key. */
  input: Float32Array;
  /** When it started waiting for the end of its run (performance.now()). */
  since: number;
  /** Its propagation deviation from the run's first frame (0 for that frame). */
  dev: number;
}

/**
 * Where a run's key goes: the frame whose deviation from the run's first frame is the median of the
 * run's (the lower median for an even count). Seen as points on a line at their deviations, that
 * frame has the least total distance to the others. When the deviation grows steadily through the
 * run it is the middle frame (dff's batch key); when it does not (the view changes and comes back,
 * noise), it is not.
 */
export function keyOfRun(devs: readonly number[]): number {
  const sorted = [...devs].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  let best = 0;
  devs.forEach((d, i) => {
    if (Math.abs(d - median) < Math.abs(devs[best]! - median)) best = i;
  });
  return best;
}

export function adaptiveBatchMode(km: KeyModel, o: AdaptiveOptions): Mode {
  return new AdaptiveBatchMode(km, o);
}

class AdaptiveBatchMode implements Mode {
  private readonly ctl: ThresholdController;
  private readonly renewal = new RenewalStatistic();
  private readonly dis: ReturnType<typeof flowDisOptions>;
  private readonly lowWarper = new KeyWarper();
  private readonly highWarper = new KeyWarper();
  private readonly reasons: TriggerReasons = { deviation: 0, saturation: 0, 'max-interval': 0, calibration: 0 };
  private readonly deviation = { sum: 0, n: 0 };
  private run: RunFrame[] = [];
  private keys = 0;
  /** Input copies of closed runs, reused (one 3.7 MB array a frame at 640x480 otherwise). */
  private spare: Float32Array[] = [];

  constructor(private readonly km: KeyModel, private readonly o: AdaptiveOptions) {
    this.ctl = new ThresholdController({ threshold: o.threshold, targetInterval: o.targetInterval, maxInterval: o.maxInterval });
    this.dis = flowDisOptions(o.preset, o.flowScale);
  }

  async push(f: ModeFrame): Promise<ModeOutput[]> {
    const t = zeroTimings();
    const low = await this.km.low(f, t);
    const frame: RunFrame = { index: f.index, gray: f.gray, low, t, input: this.keep(f.input()), since: 0, dev: 0 };
    const anchor = this.run[0];
    if (!anchor) {
      frame.since = performance.now();
      this.run.push(frame);
      return [];
    }
    const flow = flowTo(f.gray, anchor.gray, this.dis, t);
    const dev = propagationDeviation(low, warpFeatures(this.lowWarper, anchor.low, flow, t, true));
    this.deviation.sum += dev;
    frame.dev = dev;
    this.deviation.n++;
    const interval = this.run.length;
    const ruled = this.ctl.decide({ statistic: this.renewal.next(interval, dev), deviation: dev, interval });
    const decision = ruled.reason === 'none' && interval >= MAX_RUN ? { trigger: true, reason: 'max-interval' as const } : ruled;
    frame.since = performance.now();
    if (decision.reason === 'none') {
      this.run.push(frame);
      return [];
    }
    this.ctl.keyPlaced(interval, dev);
    this.reasons[decision.reason]++;
    this.renewal.reset();
    const out = await this.closeRun();
    this.run = [frame];
    return out;
  }

  flush(): Promise<ModeOutput[]> {
    return this.closeRun();
  }

  info(): Record<string, number | string | boolean> {
    const { o, ctl, reasons, deviation } = this;
    return {
      lowLatency: false,
      keyPosition: 'median deviation of each run',
      ...ruleInfo(o, ctl, reasons, deviation.n ? deviation.sum / deviation.n : 0, this.keys),
    };
  }

  private keep(x: Float32Array): Float32Array {
    const a = this.spare.pop();
    if (!a || a.length !== x.length) return x.slice();
    a.set(x);
    return a;
  }

  /** The key of the run that just ended, and every frame of it propagated from that key. */
  private async closeRun(): Promise<ModeOutput[]> {
    const { km } = this;
    const frames = this.run;
    this.run = [];
    if (frames.length === 0) return [];
    this.keys++;
    const k = frames[keyOfRun(frames.map((f) => f.dev))]!;
    const features = await km.keyFeatures({ index: k.index, gray: k.gray, input: () => k.input }, k.low, k.t);
    const out: ModeOutput[] = [];
    this.spare = frames.map((f) => f.input);
    for (const f of frames) {
      f.t.wait += since(f.since);
      if (f === k) {
        out.push({ index: f.index, probabilities: await km.output(features, f.low, f.t), key: true, timings: f.t });
        continue;
      }
      const flow = flowTo(f.gray, k.gray, this.dis, f.t);
      const warped = warpFeatures(this.highWarper, features, flow, f.t, km.scratchWarp);
      out.push({ index: f.index, probabilities: await km.output(warped, f.low, f.t), key: false, timings: f.t });
    }
    return out;
  }
}
