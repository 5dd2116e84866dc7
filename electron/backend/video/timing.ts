/** Frame timing from timestamps: seconds from the first frame, fps, duration, VFR detection. */

export interface Timing {
  timestamps: number[];
  fps: number;
  durationSec: number;
  variable: boolean;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * A clip is variable-frame-rate when frame intervals differ from the median by more than
 * 1% (plus one time-base tick, so rounded CFR timestamps do not count).
 */
export function timingOf(pts: number[], timeBase: [number, number], nominalFps: number): Timing {
  const tb = timeBase[0] / timeBase[1];
  const t0 = pts[0] ?? 0;
  const timestamps = pts.map((p) => round6((p - t0) * tb));
  const deltas: number[] = [];
  for (let i = 1; i < pts.length; i++) deltas.push(pts[i]! - pts[i - 1]!);
  const sorted = [...deltas].sort((a, b) => a - b);
  const med = sorted.length ? sorted[sorted.length >> 1]! : 0;
  const tol = med * 0.01 + 1;
  const variable = deltas.some((d) => Math.abs(d - med) > tol);
  const span = pts.length > 1 ? (pts[pts.length - 1]! - t0) * tb : 0;
  let fps: number;
  if (variable) fps = span > 0 ? (pts.length - 1) / span : nominalFps;
  else fps = nominalFps > 0 && nominalFps < 1000 ? nominalFps : med > 0 ? 1 / (med * tb) : 30;
  if (!Number.isFinite(fps) || fps <= 0) fps = 30;
  const last = med > 0 ? med * tb : 1 / fps;
  return { timestamps, fps: round6(fps), durationSec: round6(span + last), variable };
}

/** "3, 7-9, 12" for a sorted list of integers. */
export function describeRanges(sorted: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
