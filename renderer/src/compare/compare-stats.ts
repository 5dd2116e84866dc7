/** Per-frame comparison numbers (pure): class shares of each track and the pixels that differ. */
import { classHistogram } from '../overlays/rasterize.ts';

export interface ClassShare {
  id: number;
  /** 0..1 of the frame's pixels. */
  main: number;
  compare: number | null;
}

export interface FrameStats {
  shares: ClassShare[];
  /** Pixels whose class differs between the tracks (null without a compare track). */
  changed: number | null;
  changedShare: number | null;
}

export function frameStats(main: Uint8Array, compare: Uint8Array | null, classIds: readonly number[]): FrameStats {
  const hm = classHistogram(main);
  const hc = compare ? classHistogram(compare) : null;
  const n = Math.max(1, main.length);
  let changed: number | null = null;
  if (compare && compare.length === main.length) {
    changed = 0;
    for (let i = 0; i < main.length; i++) if (main[i] !== compare[i]) changed++;
  }
  const shares = classIds.map((id) => ({ id, main: hm[id]! / n, compare: hc ? hc[id]! / Math.max(1, compare!.length) : null })).filter((s) => s.main > 0 || (s.compare ?? 0) > 0);
  shares.sort((a, b) => b.main + (b.compare ?? 0) - (a.main + (a.compare ?? 0)));
  return { shares, changed, changedShare: changed === null ? null : changed / n };
}
