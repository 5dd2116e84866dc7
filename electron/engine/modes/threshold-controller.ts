/**
 * Key-frame decision of the adaptive mode: deviation above a threshold, or the interval reached
 * its maximum. With a fixed threshold nothing adapts. With a target interval T the threshold is
 * calibrated online, no pre-pass:
 * - until the first calibration, the deviation seen T frames after the first key frame becomes the
 *   threshold (a key frame is triggered there);
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
}

export interface KeyDecision {
  trigger: boolean;
  reason: 'deviation' | 'max-interval' | 'calibration' | 'none';
}

export class ThresholdController {
  private value: number | undefined;
  private readonly fixed: boolean;
  private readonly gain: number;

  constructor(private readonly o: ThresholdOptions) {
    this.value = o.threshold;
    this.fixed = o.threshold !== undefined;
    this.gain = o.gain ?? 0.5;
  }

  get threshold(): number | undefined {
    return this.value;
  }

  /** `interval` = frames since the last key frame (1 on the frame right after it). */
  decide(deviation: number, interval: number): KeyDecision {
    if (this.value === undefined) {
      if (interval >= this.o.targetInterval) {
        this.value = Math.max(deviation, 1e-6);
        return { trigger: true, reason: 'calibration' };
      }
      return { trigger: false, reason: 'none' };
    }
    if (deviation > this.value) return { trigger: true, reason: 'deviation' };
    if (interval >= this.o.maxInterval) return { trigger: true, reason: 'max-interval' };
    return { trigger: false, reason: 'none' };
  }

  /** Call when a key frame was placed after `interval` frames. */
  keyPlaced(interval: number): void {
    if (this.fixed || this.value === undefined) return;
    const T = this.o.targetInterval;
    this.value *= Math.exp((this.gain * (T - interval)) / T);
  }
}
