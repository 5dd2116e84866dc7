/**
 * The key-frame statistic of the adaptive mode: the age-replacement ("renewal") rule applied to
 * the propagation deviation (deviation.ts).
 *
 * Model: a key frame costs c (its high stage); a frame propagated from a key of age d carries an
 * error e(d) that grows with d (e(0) = 0: the key frame itself is exact). Over an interval of I
 * frames the average cost per frame is g(I) = (c + Σ_{d<I} e(d)) / I, and lengthening the interval
 * by one frame lowers it exactly while e(I) < g(I). So the best moment to replace the key is the
 * first age I with e(I) ≥ g(I), i.e.
 *
 *   S(I) = I·e(I) − Σ_{0<d<I} e(d) ≥ c        (optimal age replacement, Barlow & Proschan 1965)
 *
 * S is what this class returns, with the measured deviation as e. Why not threshold e itself (the
 * previous rule): the deviation has a large floor that is not propagation error (sub-pixel warp
 * blur, texture, noise) — on CamVid val_a it is 0.49 one frame after a key and 0.62 five frames
 * after, and the floor drifts along a clip by about as much as five frames of growth — so a
 * threshold on e mostly thresholds the floor. In S the floor cancels except once (from the e(0) = 0
 * term): S compares the current frame with the earlier frames of the same key.
 *
 * S assumes the error keeps growing with the key's age; after a scene cut the deviation jumps to a
 * flat, saturated level and S stops growing (S(I+1) − S(I) = (I+1)·(e(I+1) − e(I)) ≈ 0). The
 * threshold controller therefore also keeps a saturation guard (threshold-controller.ts).
 */
export class RenewalStatistic {
  /** Σ of the deviations recorded for the current key, and how many ages they cover. */
  private sum = 0;
  private ages = 0;

  /** A new key frame: forget the previous key's deviations. */
  reset(): void {
    this.sum = 0;
    this.ages = 0;
  }

  /**
   * S for the frame at `age` (≥ 1 frames after the current key) with deviation `e`; then records e
   * as that age's deviation. Ages that were not measured against this key (in the low-latency
   * schedule, frames answered while the key's high stage was still running were measured against
   * the previous key) count with the first deviation measured against it: the nearest measurement,
   * and for a growing deviation an upper bound, so gaps can only delay a key, never invent one.
   */
  next(age: number, e: number): number {
    if (!(age >= 1)) throw new RangeError(`RenewalStatistic: age must be >= 1, got ${age}`);
    if (this.ages < age - 1) {
      this.sum += (age - 1 - this.ages) * e;
      this.ages = age - 1;
    }
    const s = age * e - this.sum;
    this.sum += e;
    this.ages = age;
    return s;
  }
}
