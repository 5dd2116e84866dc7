/**
 * Key-frame decision of the adaptive mode, over the renewal statistic S (renewal.ts) of the
 * propagation deviation e. A key frame when:
 * - S exceeds the threshold c ('deviation'); or
 * - saturation ('saturation'): e ≥ `saturationMargin` × the deviation at which the previous key
 *   was triggered. S misses a scene cut whose jump is not enough by itself (after a cut e is flat at
 *   a saturated level, so S stops growing); this catches it: the frame is already further from
 *   its key than frames were when the last key was replaced. The margin (default 1.1) is for
 *   steady content, where S should trigger first: at a fixed key age the deviation varies by 3–6%
 *   along a clip near the trigger age (CamVid val_a, a dashcam clip, the synthetic drive; in
 *   scripts/adaptive-study.ts the guard placed no key on the first two, a few on the third);
 * - the interval reached its maximum ('max-interval').
 *
 * With a fixed threshold nothing adapts. With a target interval T the threshold is calibrated
 * online, no pre-pass:
 * - until the first calibration, S seen T frames after the first key frame becomes the threshold
 *   (a key frame is triggered there);
 * - after every key frame the threshold is multiplied by exp(gain * (T - I) / T), I = the interval
 *   that just ended: too-short intervals raise it, too-long ones lower it, so the average interval
 *   settles near T while the placement still follows the content (scene cuts trigger at once).
 */
export interface ThresholdOptions {
  threshold?: number;
  targetInterval: number;
  maxInterval: number;
  /** Controller gain (default 0.5). */
  gain?: number;
  /** Saturation guard: e ≥ margin × the deviation at the previous trigger (default 1.1; 0 = off). */
  saturationMargin?: number;
}

export interface KeyDecision {
  trigger: boolean;
  reason: 'deviation' | 'saturation' | 'max-interval' | 'calibration' | 'none';
}

/** What the controller sees of a frame. */
export interface KeySignal {
  /** The renewal statistic S (renewal.ts). */
  statistic: number;
  /** The propagation deviation e from the current key. */
  deviation: number;
  /** Frames since the last key frame (1 on the frame right after it). */
  interval: number;
}

export class ThresholdController {
  private value: number | undefined;
  private readonly fixed: boolean;
  private readonly gain: number;
  private readonly margin: number;
  /** The deviation of the frame that triggered the last key frame (none before the second key). */
  private lastTrigger: number | undefined;

  constructor(private readonly o: ThresholdOptions) {
    this.value = o.threshold;
    this.fixed = o.threshold !== undefined;
    this.gain = o.gain ?? 0.5;
    this.margin = o.saturationMargin ?? 1.1;
  }

  get threshold(): number | undefined {
    return this.value;
  }

  decide(s: KeySignal): KeyDecision {
    if (this.value === undefined) {
      if (s.interval >= this.o.targetInterval) {
        this.value = Math.max(s.statistic, 1e-6);
        return { trigger: true, reason: 'calibration' };
      }
      return { trigger: false, reason: 'none' };
    }
    if (s.statistic > this.value) return { trigger: true, reason: 'deviation' };
    if (this.margin > 0 && this.lastTrigger !== undefined && s.deviation >= this.margin * this.lastTrigger) return { trigger: true, reason: 'saturation' };
    if (s.interval >= this.o.maxInterval) return { trigger: true, reason: 'max-interval' };
    return { trigger: false, reason: 'none' };
  }

  /** Call when a key frame was placed after `interval` frames, triggered at `deviation`. */
  keyPlaced(interval: number, deviation: number): void {
    this.lastTrigger = deviation;
    if (this.fixed || this.value === undefined) return;
    const T = this.o.targetInterval;
    this.value *= Math.exp((this.gain * (T - interval)) / T);
  }
}
