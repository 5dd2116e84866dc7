/** HH:MM:SS.mmm from a presentation time in seconds (true timestamps, not index / fps). */
export function formatTimecode(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** Index of the last frame whose timestamp is ≤ t (binary search; timestamps ascend). */
export function frameAtTime(timestamps: readonly number[], t: number): number {
  let lo = 0;
  let hi = timestamps.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (timestamps[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
