/**
 * adaptive, batch schedule (the default for batch runs): the adaptive rule decides where each run of
 * frames ends, and the run's key frame is then placed in its middle, as dff's batch schedule does.
 *
 * Every frame runs the low stage, the flow to the first frame of its run (the anchor) and the
 * propagation deviation against it (deviation.ts), which feeds the same renewal statistic and
 * threshold controller as the low-latency schedule (renewal.ts, threshold-controller.ts). No high
 * stage is needed for that. When the rule triggers on a frame, that frame starts the next run, and
 * the run it closes gets its key: its middle frame runs the high stage, and the others propagate
 * from it (flow to the key, warp of its high features, head). The frames of a run wait for its
 * end (at most `maxInterval` frames, and at most MAX_RUN), so this is for batch runs; streaming runs
 * use the low-latency schedule (adaptive.ts).
 */
import type { GrayImage, Tensor3 } from '../../core/types.ts';
import type { AdaptiveOptions } from './adaptive.ts';
import { propagationDeviation } from './deviation.ts';
import { keyPosition, MAX_WAITING } from './dff.ts';
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
  /** A copy of the model input: any frame of the run may become its key. */
  input: Float32Array;
  /** When it started waiting for the end of its run (performance.now()). */
  since: number;
}

export function adaptiveBatchMode(km: KeyModel, o: AdaptiveOptions): Mode {
  const ctl = new ThresholdController({ threshold: o.threshold, targetInterval: o.targetInterval, maxInterval: o.maxInterval });
  const renewal = new RenewalStatistic();
  const dis = flowDisOptions(o.preset, o.flowScale);
  const lowWarper = new KeyWarper();
  const highWarper = new KeyWarper();
  const reasons = { deviation: 0, saturation: 0, 'max-interval': 0, calibration: 0 };
  const deviation = { sum: 0, n: 0 };
  let run: RunFrame[] = [];
  let keys = 0;
  /** Input copies of closed runs, reused (one 3.7 MB array a frame at 640x480 otherwise). */
  let spare: Float32Array[] = [];
  const keep = (x: Float32Array): Float32Array => {
    const a = spare.pop();
    if (!a || a.length !== x.length) return x.slice();
    a.set(x);
    return a;
  };

  /** The key of the run that just ended, and every frame of it propagated from that key. */
  const closeRun = async (): Promise<ModeOutput[]> => {
    const frames = run;
    run = [];
    if (frames.length === 0) return [];
    keys++;
    const k = frames[keyPosition(frames.length, false)]!;
    const keyFrame: ModeFrame = { index: k.index, gray: k.gray, input: () => k.input };
    const features = await km.keyFeatures(keyFrame, k.low, k.t);
    const out: ModeOutput[] = [];
    spare = frames.map((f) => f.input);
    for (const f of frames) {
      f.t.wait += since(f.since);
      if (f === k) {
        out.push({ index: f.index, probabilities: await km.output(features, f.low, f.t), key: true, timings: f.t });
        continue;
      }
      const flow = flowTo(f.gray, k.gray, dis, f.t);
      const warped = warpFeatures(highWarper, features, flow, f.t, km.scratchWarp);
      out.push({ index: f.index, probabilities: await km.output(warped, f.low, f.t), key: false, timings: f.t });
    }
    return out;
  };

  return {
    async push(f) {
      const t = zeroTimings();
      const low = await km.low(f, t);
      const frame: RunFrame = { index: f.index, gray: f.gray, low, t, input: keep(f.input()), since: 0 };
      const anchor = run[0];
      if (!anchor) {
        frame.since = performance.now();
        run.push(frame);
        return [];
      }
      const flow = flowTo(f.gray, anchor.gray, dis, t);
      const dev = propagationDeviation(low, warpFeatures(lowWarper, anchor.low, flow, t, true));
      deviation.sum += dev;
      deviation.n++;
      const interval = run.length;
      const ruled = ctl.decide({ statistic: renewal.next(interval, dev), deviation: dev, interval });
      const decision = ruled.reason === 'none' && interval >= MAX_RUN ? { trigger: true, reason: 'max-interval' as const } : ruled;
      frame.since = performance.now();
      if (decision.reason === 'none') {
        run.push(frame);
        return [];
      }
      ctl.keyPlaced(interval, dev);
      reasons[decision.reason]++;
      renewal.reset();
      const out = await closeRun();
      run = [frame];
      return out;
    },
    flush: closeRun,
    info: () => ({
      lowLatency: false,
      keyPosition: 'middle of each run',
      threshold: ctl.threshold ?? Number.NaN,
      thresholdCalibrated: o.threshold === undefined,
      targetInterval: o.targetInterval,
      maxInterval: o.maxInterval,
      meanDeviation: deviation.n ? deviation.sum / deviation.n : 0,
      keyFramesTriggered: keys,
      keysByDeviation: reasons.deviation,
      keysBySaturation: reasons.saturation,
      keysByMaxInterval: reasons['max-interval'],
      flowPreset: o.preset,
    }),
  };
}
