/**
 * Flicker spikes (pure): frames whose TC to the previous frame drops far below the track's own
 * level. The level and spread are robust (median and median absolute deviation), so a track
 * whose TC sits at 0.55 finds its dips as surely as one at 0.95, and a few deep dips do not
 * hide each other. A frame is a spike when its robust z-score (median − TC) / (1.4826 · MAD)
 * exceeds `z`.
 */

export interface SpikeOptions {
  /**
   * Robust z-score a frame must exceed (default 2.5, the moderately conservative cut-off Leys et al.
   * 2013 recommend for MAD-based outliers; on a real per-frame track of solidWhiteRight.mp4 the
   * lowest frames score 2.65 and 2.56, so `]` takes the reviewer to them).
   */
  z?: number;
  /** Smallest spread used (TC units), so a very steady track does not flag tiny wobbles. */
  minSpread?: number;
}

/** Scales the MAD to the standard deviation of normally distributed data. */
const MAD_TO_SIGMA = 1.4826;

function known(tc: readonly (number | null)[]): number[] {
  return tc.filter((v): v is number => v !== null && Number.isFinite(v));
}

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** Median TC and its robust spread (MAD scaled to σ, at least `minSpread`); null without data. */
export function tcLevel(tc: readonly (number | null)[], minSpread = 0.01): { median: number; spread: number } | null {
  const v = known(tc).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = median(v);
  const dev = v.map((x) => Math.abs(x - m)).sort((a, b) => a - b);
  return { median: m, spread: Math.max(minSpread, MAD_TO_SIGMA * median(dev)) };
}

/** The TC under which a frame counts as a spike; null when the track has no TC yet. */
export function spikeThreshold(tc: readonly (number | null)[], opts: SpikeOptions = {}): number | null {
  const level = tcLevel(tc, opts.minSpread);
  return level ? level.median - (opts.z ?? 2.5) * level.spread : null;
}

/** Frames whose TC is below `threshold` (flicker spikes), in order. */
export function tcSpikes(tc: readonly (number | null)[], threshold: number | null): number[] {
  const out: number[] = [];
  if (threshold === null) return out;
  tc.forEach((v, i) => {
    if (v !== null && Number.isFinite(v) && v < threshold) out.push(i);
  });
  return out;
}

/**
 * The sparkline's vertical range: from the lowest TC (or the threshold, if lower) to the highest,
 * with a small margin, inside [0, 1]. A flat track still gets a visible range.
 */
export function sparkRange(tc: readonly (number | null)[], threshold: number | null): { min: number; max: number } {
  const v = known(tc);
  if (threshold !== null) v.push(threshold);
  if (v.length === 0) return { min: 0, max: 1 };
  let lo = Math.min(...v);
  let hi = Math.max(...v);
  const pad = Math.max(0.01, (hi - lo) * 0.08);
  lo = Math.max(0, lo - pad);
  hi = Math.min(1, hi + pad);
  if (hi - lo < 0.02) [lo, hi] = hi >= 1 ? [0.98, 1] : [lo, lo + 0.02];
  return { min: lo, max: hi };
}
