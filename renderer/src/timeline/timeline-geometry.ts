/**
 * Timeline geometry (pure): marker positions, the TC sparkline as an SVG path and next/previous
 * navigation among marked frames (flicker spikes are found in tc-spikes.ts).
 */

/** Percentage position of a frame on the track (0 = first, 100 = last). */
export function framePercent(index: number, frameCount: number): number {
  return frameCount > 1 ? (index / (frameCount - 1)) * 100 : 0;
}

/** Vertical position (0 = top) of TC `v` in a box of `height` showing [range.min, range.max]. */
export function sparkY(v: number, range: { min: number; max: number }, height: number): number {
  const t = Math.min(1, Math.max(0, (v - range.min) / (range.max - range.min || 1)));
  return height * (1 - t);
}

/**
 * SVG path ("M x y L …") of per-frame TC in a width × height box; y = height at `range.min` and 0
 * at `range.max` (tc-spikes.ts sparkRange fits it to the data). Unknown values (null) break the
 * line.
 */
export function sparklinePath(tc: readonly (number | null)[], frameCount: number, width: number, height: number, range = { min: 0, max: 1 }): string {
  const parts: string[] = [];
  let pen = false;
  const n = Math.min(tc.length, frameCount);
  for (let i = 0; i < n; i++) {
    const v = tc[i];
    if (v === null || v === undefined || !Number.isFinite(v)) {
      pen = false;
      continue;
    }
    const x = frameCount > 1 ? (i / (frameCount - 1)) * width : 0;
    const y = sparkY(v, range, height);
    parts.push(`${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`);
    pen = true;
  }
  return parts.join(' ');
}

/** First marked frame after `index` (dir 1) or before it (dir -1); null if none. Input sorted. */
export function nextMarked(sorted: readonly number[], index: number, dir: 1 | -1): number | null {
  if (dir > 0) {
    for (const k of sorted) if (k > index) return k;
    return null;
  }
  for (let i = sorted.length - 1; i >= 0; i--) if (sorted[i]! < index) return sorted[i]!;
  return null;
}
