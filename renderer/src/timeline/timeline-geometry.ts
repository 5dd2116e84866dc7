/**
 * Timeline geometry (pure): marker positions, the TC sparkline as an SVG path, flicker spikes
 * (TC below a threshold) and next/previous navigation among marked frames.
 */

/** Percentage position of a frame on the track (0 = first, 100 = last). */
export function framePercent(index: number, frameCount: number): number {
  return frameCount > 1 ? (index / (frameCount - 1)) * 100 : 0;
}

/**
 * SVG path ("M x y L …") of per-frame TC in a width × height box; y = height at TC `min` and 0 at
 * 1. Unknown values (null) break the line.
 */
export function sparklinePath(tc: readonly (number | null)[], frameCount: number, width: number, height: number, min = 0.5): string {
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
    const t = Math.min(1, Math.max(0, (v - min) / (1 - min)));
    const y = height * (1 - t);
    parts.push(`${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`);
    pen = true;
  }
  return parts.join(' ');
}

/** Frames whose TC to the previous frame is below `threshold` (flicker spikes). */
export function tcSpikes(tc: readonly (number | null)[], threshold: number): number[] {
  const out: number[] = [];
  tc.forEach((v, i) => {
    if (v !== null && Number.isFinite(v) && v < threshold) out.push(i);
  });
  return out;
}

/** Default spike threshold: well below the track's own mean (at least 0.05 under it). */
export function spikeThreshold(tcMean: number | null): number {
  return tcMean === null ? 0.8 : Math.max(0, tcMean - Math.max(0.05, (1 - tcMean) * 1.5));
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
